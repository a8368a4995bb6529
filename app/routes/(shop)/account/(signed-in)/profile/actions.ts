/** The profile page's actions: details, password and email change (re-exported by the page, as Qwik City needs). */
import { routeAction$ } from '@builder.io/qwik-city';
import { updateCustomer } from '@db/repositories/customers';
import { statusOfError } from '@domain/core/errors';
import { SUPPORTED_COUNTRY_CODES } from '@domain/customers/address';
import { EmailSchema, NewPasswordSchema, PersonNameSchema } from '@domain/identity/account-input';
import { changePassword, requestEmailChange } from '@worker/services/identity/customer-accounts';
import { z } from 'zod';
import { pageAccountContext, userAgentOf } from '~/lib/account-context';
import { type FormFailure, fieldFailure, formFailure, readForm, tooManyAttempts } from '~/lib/form-input';
import { pageLimit } from '~/lib/limits';
import { sendAccountEmailLater, writeSessionCookie } from '~/lib/session';
import { signedInCustomer } from '~/lib/signed-in';

/** A wrong current password is the password field's error; anything else the form's. */
function passwordFailure(error: { code: string; detail: string }, field: string): FormFailure {
  return error.code === 'INVALID_CREDENTIALS' || error.code === 'VALIDATION_FAILED'
    ? fieldFailure(field, error.detail)
    : formFailure(error.detail);
}

export const useSaveDetails = routeAction$(async (data, event) => {
  const { principal } = await signedInCustomer(event);
  const form = z.object({ name: PersonNameSchema, country: z.enum(SUPPORTED_COUNTRY_CODES) });
  const read = readForm(form, data, { name: 'Name', country: 'Country' });
  if (!read.ok) return event.fail(400, read.failure);
  await updateCustomer(pageAccountContext(event).db, principal.id, read.value, Date.now());
  return { message: 'Your details are saved.' };
});

export const useChangePassword = routeAction$(async (data, event) => {
  const { principal } = await signedInCustomer(event);
  const form = z.object({ currentPassword: z.string().min(1).max(256), newPassword: NewPasswordSchema });
  const read = readForm(form, data, { currentPassword: 'Current password', newPassword: 'New password' });
  if (!read.ok) return event.fail(400, read.failure);
  const wait = await pageLimit(event, 'login-address', ['login-account', principal.email]);
  if (wait !== null) return event.fail(429, tooManyAttempts(wait));
  const result = await changePassword(pageAccountContext(event), {
    customerId: principal.id,
    ...read.value,
    userAgent: userAgentOf(event),
  });
  if (!result.ok) {
    const field = result.error.code === 'INVALID_CREDENTIALS' ? 'currentPassword' : 'newPassword';
    return event.fail(statusOfError(result.error.code), passwordFailure(result.error, field));
  }
  // Every session ended; this browser carries on with the new one.
  writeSessionCookie(event.cookie, event.url, 'customer', result.value.sessionToken);
  return { message: 'Your password is changed. Any other devices have been logged out.' };
});

export const useChangeEmail = routeAction$(async (data, event) => {
  const { principal } = await signedInCustomer(event);
  const form = z.object({ newEmail: EmailSchema, password: z.string().min(1).max(256) });
  const read = readForm(form, data, { newEmail: 'New email address', password: 'Your password' });
  if (!read.ok) return event.fail(400, read.failure);
  const wait = await pageLimit(event, 'verify-address', ['verify-account', principal.email]);
  if (wait !== null) return event.fail(429, tooManyAttempts(wait));
  const result = await requestEmailChange(pageAccountContext(event), {
    customerId: principal.id,
    ...read.value,
  });
  if (!result.ok)
    return event.fail(statusOfError(result.error.code), passwordFailure(result.error, 'password'));
  sendAccountEmailLater(event, result.value);
  return {
    message: `Check the inbox of ${read.value.newEmail} for a link to confirm the change. Until then, keep using ${principal.email}.`,
  };
});
