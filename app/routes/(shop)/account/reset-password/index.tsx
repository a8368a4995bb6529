/** Opened from the reset email: choose a new password (every session of the account ends), then log in with it. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, useLocation } from '@builder.io/qwik-city';
import { statusOfError } from '@domain/core/errors';
import { NewPasswordSchema } from '@domain/identity/account-input';
import { resetPassword } from '@worker/services/identity/customer-accounts';
import { z } from 'zod';
import { FormField } from '~/components/ui/form-field/FormField';
import { FormStatus } from '~/components/ui/form-status/FormStatus';
import { pageAccountContext } from '~/lib/account-context';
import { fieldFailure, formFailure, readForm, tooManyAttempts } from '~/lib/form-input';
import { pageLimit } from '~/lib/limits';

export const useResetPassword = routeAction$(async (data, event) => {
  const form = z.object({ token: z.string().min(1).max(128), password: NewPasswordSchema });
  const read = readForm(form, data, { password: 'New password', token: 'Link' });
  if (!read.ok) return event.fail(400, read.failure);
  const wait = await pageLimit(event, 'verify-address');
  if (wait !== null) return event.fail(429, tooManyAttempts(wait));
  const result = await resetPassword(pageAccountContext(event), read.value.token, read.value.password);
  if (!result.ok) {
    const status = statusOfError(result.error.code);
    return result.error.code === 'VALIDATION_FAILED'
      ? event.fail(status, fieldFailure('password', result.error.detail))
      : event.fail(status, formFailure(result.error.detail));
  }
  throw event.redirect(303, '/account/login?reset=1');
});

export default component$(() => {
  const action = useResetPassword();
  const token = useLocation().url.searchParams.get('token') ?? '';
  const failure = action.value?.failed ? action.value : undefined;
  return (
    <div class="auth-page">
      <section class="panel auth-panel" aria-labelledby="reset-title">
        <h1 id="reset-title">Choose a new password</h1>
        <FormStatus error={failure?.message} fieldErrors={failure?.fieldErrors} />
        {token ? (
          <Form action={action} class="form-stack" noValidate>
            <input type="hidden" name="token" value={token} />
            <FormField
              id="reset-password"
              name="password"
              type="password"
              label="New password"
              autoComplete="new-password"
              required
              hint="At least 8 characters. You'll be logged out everywhere else."
              error={failure?.fieldErrors?.password}
            />
            <button type="submit" class="btn btn-primary btn-block">
              Save new password
            </button>
          </Form>
        ) : (
          <p class="alert alert-error">This link is incomplete. Open it again from your email.</p>
        )}
        <p class="auth-aside">
          Link expired? <a href="/account/forgot-password">Ask for a new one</a>
        </p>
      </section>
    </div>
  );
});

export const head: DocumentHead = {
  title: 'Choose a new password',
  meta: [{ name: 'robots', content: 'noindex' }],
};
