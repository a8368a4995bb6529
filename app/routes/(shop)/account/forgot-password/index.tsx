/** Ask for a password reset link; the answer is the same whether or not the address has an account. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$ } from '@builder.io/qwik-city';
import { EmailSchema } from '@domain/identity/account-input';
import { TOKEN_TTL_MS } from '@domain/identity/tokens';
import { requestPasswordReset } from '@worker/services/identity/customer-accounts';
import { z } from 'zod';
import { FormField } from '~/components/ui/form-field/FormField';
import { FormStatus } from '~/components/ui/form-status/FormStatus';
import { pageAccountContext } from '~/lib/account-context';
import { readForm, tooManyAttempts } from '~/lib/form-input';
import { pageLimit } from '~/lib/limits';
import { sendAccountEmailLater } from '~/lib/session';

const MINUTES = TOKEN_TTL_MS['reset-password'] / 60_000;

export const useRequestReset = routeAction$(async (data, event) => {
  const read = readForm(z.object({ email: EmailSchema }), data, { email: 'Email address' });
  if (!read.ok) return event.fail(400, read.failure);
  const { email } = read.value;
  const wait = await pageLimit(event, 'reset-address', ['reset-account', email]);
  if (wait !== null) return event.fail(429, tooManyAttempts(wait));
  sendAccountEmailLater(event, await requestPasswordReset(pageAccountContext(event), email));
  return {
    message: `If that address has an account, we have sent it a link to choose a new password. The link works for ${MINUTES} minutes.`,
  };
});

export default component$(() => {
  const action = useRequestReset();
  const failure = action.value?.failed ? action.value : undefined;
  const sent = action.value && !action.value.failed ? action.value.message : undefined;
  return (
    <div class="auth-page">
      <section class="panel auth-panel" aria-labelledby="forgot-title">
        <h1 id="forgot-title">Forgot your password?</h1>
        <p class="muted">
          Enter the email address of your account and we'll send you a link to choose a new one.
        </p>
        <FormStatus status={sent} error={failure?.message} fieldErrors={failure?.fieldErrors} />
        <Form action={action} class="form-stack" noValidate>
          <FormField
            id="forgot-email"
            name="email"
            type="email"
            label="Email address"
            autoComplete="email"
            required
            value={String(action.formData?.get('email') ?? '')}
            error={failure?.fieldErrors?.email}
          />
          <button type="submit" class="btn btn-primary btn-block">
            Send me a link
          </button>
        </Form>
      </section>
      <p class="auth-switch">
        Remembered it? <a href="/account/login">Log in</a>
      </p>
    </div>
  );
});

export const head: DocumentHead = {
  title: 'Forgot your password?',
  meta: [{ name: 'robots', content: 'noindex' }],
};
