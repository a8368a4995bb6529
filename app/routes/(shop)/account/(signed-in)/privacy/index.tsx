/** Privacy: download everything the shop keeps about you; delete the account (password and an explicit confirmation). */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$ } from '@builder.io/qwik-city';
import { statusOfError } from '@domain/core/errors';
import { deleteAccount } from '@worker/services/identity/customer-accounts';
import { z } from 'zod';
import { FormField } from '~/components/ui/form-field/FormField';
import { FormStatus } from '~/components/ui/form-status/FormStatus';
import { pageAccountContext } from '~/lib/account-context';
import { forgetCartId } from '~/lib/cart-cookie';
import { fieldFailure, readForm, tooManyAttempts } from '~/lib/form-input';
import { pageLimit } from '~/lib/limits';
import { endPageSession } from '~/lib/session';
import { signedInCustomer } from '~/lib/signed-in';

const CONFIRM_ERROR = 'Tick the box to confirm you want to delete your account.';

/** As the API's DELETE /api/account: then this browser is signed out like a logout, and lands on the login page. */
export const useDeleteAccount = routeAction$(async (data, event) => {
  const { principal } = await signedInCustomer(event);
  const form = z.object({
    password: z.string().min(1).max(256),
    confirm: z.literal('yes', { error: CONFIRM_ERROR }),
  });
  const read = readForm(form, data, { password: 'Your password', confirm: 'Confirmation' });
  if (!read.ok) return event.fail(400, read.failure);
  const wait = await pageLimit(event, 'login-address', ['login-account', principal.email]);
  if (wait !== null) return event.fail(429, tooManyAttempts(wait));
  const result = await deleteAccount(pageAccountContext(event), {
    customerId: principal.id,
    password: read.value.password,
  });
  if (!result.ok) {
    return event.fail(statusOfError(result.error.code), fieldFailure('password', result.error.detail));
  }
  await endPageSession(event, 'customer');
  forgetCartId(event.cookie, event.url);
  event.headers.set('Clear-Site-Data', '"cache"');
  throw event.redirect(303, '/account/login?signed-out=deleted');
});

export default component$(() => {
  const action = useDeleteAccount();
  const failure = action.value?.failed ? action.value : undefined;
  const errors = failure?.fieldErrors ?? {};
  return (
    <>
      <div class="account-head">
        <h1>Privacy and data</h1>
      </div>
      <div class="account-stack">
        <section class="panel" aria-labelledby="export-title">
          <h2 id="export-title">Download your data</h2>
          <p class="muted">Your profile, saved addresses and orders, as a JSON file.</p>
          <a class="btn btn-secondary" href="/api/account/export" download="my-account.json">
            Download my data
          </a>
        </section>
        <section class="panel danger-zone" aria-labelledby="delete-title">
          <h2 id="delete-title">Delete your account</h2>
          <p>
            Your name, email address, password and saved addresses are erased and you are logged out
            everywhere. Orders you placed stay in the shop's records, without your name, as the law requires.
          </p>
          <FormStatus error={failure?.message} fieldErrors={errors} />
          <Form action={action} class="form-stack" noValidate>
            <FormField
              id="delete-password"
              name="password"
              type="password"
              label="Your password"
              autoComplete="current-password"
              required
              error={errors.password}
            />
            <div class={['check-field', errors.confirm && 'field-invalid']}>
              <input
                id="delete-confirm"
                type="checkbox"
                name="confirm"
                value="yes"
                required
                aria-invalid={errors.confirm ? 'true' : undefined}
                aria-describedby={errors.confirm ? 'delete-confirm-error' : undefined}
              />
              <label for="delete-confirm">I understand that deleting my account cannot be undone.</label>
              {errors.confirm && (
                <p class="field-error" id="delete-confirm-error">
                  {errors.confirm}
                </p>
              )}
            </div>
            <div>
              <button type="submit" class="btn btn-danger">
                Delete my account
              </button>
            </div>
          </Form>
        </section>
      </div>
    </>
  );
});

export const head: DocumentHead = {
  title: 'Privacy and data',
  meta: [{ name: 'robots', content: 'noindex' }],
};
