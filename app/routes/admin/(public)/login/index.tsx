/** Back-office login: email and password, errors announced; then on to `next` (only ever a page under /admin). */
import { component$ } from '@builder.io/qwik';
import {
  type DocumentHead,
  type RequestHandler,
  routeAction$,
  useLocation,
  z,
  zod$,
} from '@builder.io/qwik-city';
import { statusOfError } from '@domain/core/errors';
import { LoginInputSchema } from '@domain/identity/account-input';
import { loginStaff } from '@worker/services/identity/staff-accounts';
import { FormStatus } from '~/components/admin/form-status/FormStatus';
import { TextField } from '~/components/admin/text-field/TextField';
import { describeWait } from '~/lib/admin-format';
import { safeNext } from '~/lib/admin-pages';
import { staffPageContext } from '~/lib/admin-session';
import { domainField } from '~/lib/domain-field';
import { pageLimit } from '~/lib/limits';
import { endPageSession, pageStaff, sendAccountEmailLater, writeSessionCookie } from '~/lib/session';

/** Someone already signed in goes straight on. */
export const onGet: RequestHandler = async (event) => {
  if (await pageStaff(event)) throw event.redirect(302, safeNext(event.url.searchParams.get('next')));
};

export const useLogin = routeAction$(
  async ({ email, password, next }, event) => {
    const wait = await pageLimit(event, 'login-address', ['login-account', email]);
    if (wait !== null) {
      return event.fail(429, { message: `Too many login attempts. Try again in ${describeWait(wait)}.` });
    }
    const { result, email: mail } = await loginStaff(staffPageContext(event), {
      email,
      password,
      userAgent: event.request.headers.get('User-Agent') ?? undefined,
    });
    sendAccountEmailLater(event, mail);
    if (!result.ok) {
      const lockedFor = result.error.meta?.retryAfterSeconds;
      const message =
        result.error.code === 'LOGIN_LOCKED' && typeof lockedFor === 'number'
          ? `${result.error.detail} You can try again in ${describeWait(lockedFor)}.`
          : result.error.detail;
      return event.fail(statusOfError(result.error.code), { message });
    }
    // A session this browser already had ends: the new one gets a new token (no fixation).
    await endPageSession(event, 'staff');
    writeSessionCookie(event.cookie, event.url, 'staff', result.value.sessionToken);
    throw event.redirect(303, safeNext(next));
  },
  zod$({
    email: domainField(LoginInputSchema.shape.email, 'Enter your email address.'),
    password: domainField(LoginInputSchema.shape.password, 'Enter your password.'),
    next: z.string().max(2000).optional(),
  }),
);

const NOTICES: Record<string, string> = {
  signedOut: 'You have logged out.',
  welcome: 'Your account is ready. Log in with your email address and new password.',
};

export default component$(() => {
  const login = useLogin();
  const loc = useLocation();
  const v = login.value;
  const fieldErrors = (v?.failed ? v.fieldErrors : undefined) as
    | Record<string, string | undefined>
    | undefined;
  const error = v?.failed
    ? (v.message ?? (fieldErrors ? 'Enter your email address and password.' : undefined))
    : undefined;
  const notice = Object.keys(NOTICES).find((k) => loc.url.searchParams.has(k));
  const next = String(login.formData?.get('next') ?? loc.url.searchParams.get('next') ?? '');
  return (
    <>
      <h1>Log in to the back office</h1>
      <p class="adm-lede">For shop staff. Shoppers log in from the shop.</p>
      <FormStatus id="login-status" ok={!error && notice ? NOTICES[notice] : undefined} error={error} />
      {/* A plain form: logging in loads the next page afresh (its own layout and styles), with or without JavaScript. */}
      <form method="post" action={login.actionPath} class="adm-form" aria-describedby="login-status">
        <input type="hidden" name="next" value={next} />
        <TextField
          id="login-email"
          name="email"
          type="email"
          label="Email address"
          autoComplete="username"
          maxLength={254}
          required
          value={String(login.formData?.get('email') ?? '')}
          error={fieldErrors?.email}
        />
        <TextField
          id="login-password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          maxLength={256}
          required
          error={fieldErrors?.password}
        />
        <button type="submit" class="adm-btn adm-btn-primary adm-btn-block">
          Log in
        </button>
      </form>
    </>
  );
});

export const head: DocumentHead = { title: 'Log in · Back office' };
