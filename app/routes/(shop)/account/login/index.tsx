/** Log in: email and password; afterwards back to the page that asked (same-site only), with the guest cart merged. */
import { component$ } from '@builder.io/qwik';
import {
  type DocumentHead,
  Form,
  type RequestHandler,
  routeAction$,
  useLocation,
} from '@builder.io/qwik-city';
import { statusOfError } from '@domain/core/errors';
import { MAX_EMAIL_LENGTH } from '@domain/identity/account-input';
import { login } from '@worker/services/identity/customer-accounts';
import { z } from 'zod';
import { SessionCleanup } from '~/components/shop/session-cleanup/SessionCleanup';
import { FormField } from '~/components/ui/form-field/FormField';
import { FormStatus } from '~/components/ui/form-status/FormStatus';
import { pageAccountContext, userAgentOf } from '~/lib/account-context';
import { adoptCartForPage } from '~/lib/cart-at-login';
import { formFailure, readForm, tooManyAttempts } from '~/lib/form-input';
import { pageLimit } from '~/lib/limits';
import { safeNextPath } from '~/lib/next-path';
import { endPageSession, pageCustomer, sendAccountEmailLater, writeSessionCookie } from '~/lib/session';

/** Someone already signed in has nothing to do here: on to where they were going. */
export const onGet: RequestHandler = async (event) => {
  if (event.url.searchParams.has('signed-out')) return;
  if (await pageCustomer(event)) throw event.redirect(302, safeNextPath(event.url.searchParams.get('next')));
};

const LABELS = { email: 'Email address', password: 'Password' };

export const useLogin = routeAction$(async (data, event) => {
  // Schemas live inside actions: only server code may pull zod and the domain's rules into a bundle.
  const form = z.object({
    email: z.string().trim().min(1).max(MAX_EMAIL_LENGTH),
    password: z.string().min(1).max(256),
    next: z.string().max(2000).optional(),
  });
  const read = readForm(form, data, LABELS);
  if (!read.ok) return event.fail(400, read.failure);
  const { email, password, next } = read.value;
  const wait = await pageLimit(event, 'login-address', ['login-account', email]);
  if (wait !== null) return event.fail(429, tooManyAttempts(wait));
  const { result, email: mail } = await login(pageAccountContext(event), {
    email,
    password,
    userAgent: userAgentOf(event),
  });
  sendAccountEmailLater(event, mail);
  if (!result.ok) return event.fail(statusOfError(result.error.code), formFailure(result.error.detail));
  await endPageSession(event, 'customer');
  writeSessionCookie(event.cookie, event.url, 'customer', result.value.sessionToken);
  await adoptCartForPage(event, result.value.customer.id);
  throw event.redirect(303, safeNextPath(next));
});

/** What brought the shopper here, from the query: a notice to show. */
function noticeOf(params: URLSearchParams): string | undefined {
  const signedOut = params.get('signed-out');
  if (signedOut === 'deleted') return 'Your account has been deleted. Thank you for shopping with us.';
  if (signedOut) return 'You have logged out.';
  if (params.has('reset')) return 'Your password has been changed. Log in with your new password.';
  return undefined;
}

export default component$(() => {
  const action = useLogin();
  const params = useLocation().url.searchParams;
  const failure = action.value?.failed ? action.value : undefined;
  const posted = action.formData;
  const next = String(posted?.get('next') ?? params.get('next') ?? '');
  return (
    <div class="auth-page">
      {params.has('signed-out') && <SessionCleanup />}
      <section class="panel auth-panel" aria-labelledby="login-title">
        <h1 id="login-title">Log in</h1>
        <FormStatus status={noticeOf(params)} error={failure?.message} fieldErrors={failure?.fieldErrors} />
        <Form action={action} class="form-stack" noValidate>
          {next && <input type="hidden" name="next" value={next} />}
          <FormField
            id="login-email"
            name="email"
            type="email"
            label="Email address"
            autoComplete="username"
            required
            value={String(posted?.get('email') ?? '')}
            error={failure?.fieldErrors?.email}
          />
          <FormField
            id="login-password"
            name="password"
            type="password"
            label="Password"
            autoComplete="current-password"
            required
            error={failure?.fieldErrors?.password}
          />
          <button type="submit" class="btn btn-primary btn-block">
            {action.isRunning ? 'Logging in…' : 'Log in'}
          </button>
        </Form>
        <p class="auth-aside">
          <a href="/account/forgot-password">Forgot your password?</a>
        </p>
      </section>
      <p class="auth-switch">
        New here? <a href="/account/register">Create an account</a>
      </p>
    </div>
  );
});

export const head: DocumentHead = { title: 'Log in', meta: [{ name: 'robots', content: 'noindex' }] };
