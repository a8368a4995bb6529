/**
 * Accepting a staff invitation from its emailed link: the page shows who is invited and asks for a password; only
 * the button's POST spends the token (a mail scanner opening the link spends nothing). Then on to the login page.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, routeLoader$, useLocation, z, zod$ } from '@builder.io/qwik-city';
import { createDb, type Db } from '@db/client';
import { listOpenAuthTokens } from '@db/repositories/auth-tokens';
import { statusOfError } from '@domain/core/errors';
import { NewPasswordSchema } from '@domain/identity/account-input';
import { hashSecretToken, isSecretTokenShaped } from '@domain/identity/secret-token';
import { acceptInvitation } from '@worker/services/identity/staff-accounts';
import { FormStatus } from '~/components/admin/form-status/FormStatus';
import { RoleBadges } from '~/components/admin/role-badges/RoleBadges';
import { TextField } from '~/components/admin/text-field/TextField';
import { describeWait } from '~/lib/admin-format';
import { LOGIN_PATH } from '~/lib/admin-pages';
import { staffPageContext } from '~/lib/admin-session';
import { domainField } from '~/lib/domain-field';
import { pageLimit } from '~/lib/limits';

const INVALID =
  'This invitation is invalid, was already used, or has expired. Ask an administrator for a new one.';

/** The open invitation `token` names (read, not spent), or null. */
async function findInvitation(db: Db, token: string) {
  if (!isSecretTokenShaped(token)) return null;
  const hash = hashSecretToken(token);
  const row = (await listOpenAuthTokens(db, 'staff-invite', Date.now())).find((t) => t.tokenHash === hash);
  if (!row) return null;
  const data = JSON.parse(row.data ?? '{}') as { name?: string; roles?: string[] };
  return { token, email: row.email, name: data.name ?? '', roles: data.roles ?? [] };
}

export const useInvitation = routeLoader$(async ({ platform, url, status }) => {
  const invitation = await findInvitation(createDb(platform.env), url.searchParams.get('token') ?? '');
  if (!invitation) status(statusOfError('INVALID_TOKEN'));
  return invitation;
});

export const useAccept = routeAction$(
  async ({ token, password }, event) => {
    const wait = await pageLimit(event, 'invite-address');
    if (wait !== null)
      return event.fail(429, { message: `Too many attempts. Try again in ${describeWait(wait)}.` });
    // The service refuses a password equal to the address before it spends the invitation.
    const result = await acceptInvitation(staffPageContext(event), { token, password });
    if (!result.ok) {
      return result.error.code === 'VALIDATION_FAILED'
        ? event.fail(400, { fieldErrors: { password: result.error.detail } })
        : event.fail(statusOfError(result.error.code), { message: result.error.detail });
    }
    throw event.redirect(303, `${LOGIN_PATH}?welcome=1`);
  },
  zod$({ token: z.string().min(1).max(128), password: domainField(NewPasswordSchema) }),
);

export default component$(() => {
  const invitation = useInvitation();
  const accept = useAccept();
  const loc = useLocation();
  const i = invitation.value;
  if (!i) {
    return (
      <>
        <h1>Invitation not valid</h1>
        <p class="adm-alert adm-alert-error">{INVALID}</p>
        <a class="adm-btn adm-btn-secondary adm-btn-block" href={LOGIN_PATH}>
          Go to the login page
        </a>
      </>
    );
  }
  const v = accept.value;
  const fieldErrors = (v?.failed ? v.fieldErrors : undefined) as
    | Record<string, string | undefined>
    | undefined;
  const error = v?.failed
    ? (v.message ?? (fieldErrors ? 'Please choose another password.' : undefined))
    : undefined;
  // A plain form (no JavaScript needed): its address keeps `?token=`, so the page can be shown again on an error.
  const action = `${accept.actionPath}&token=${encodeURIComponent(loc.url.searchParams.get('token') ?? '')}`;
  return (
    <>
      <h1>Join the team, {i.name.split(' ')[0]}</h1>
      <p class="adm-lede">
        You were invited to the back office as <strong>{i.email}</strong> with these roles:
      </p>
      <RoleBadges roles={i.roles} />
      <FormStatus id="accept-status" error={error} />
      <form method="post" action={action} class="adm-form" aria-describedby="accept-status">
        <input type="hidden" name="token" value={i.token} />
        <input type="email" name="email" value={i.email} autoComplete="username" hidden readOnly />
        <TextField
          id="accept-password"
          name="password"
          type="password"
          label="Choose a password"
          hint="At least 8 characters. A few unrelated words make a strong one."
          autoComplete="new-password"
          maxLength={256}
          required
          error={fieldErrors?.password}
        />
        <button type="submit" class="adm-btn adm-btn-primary adm-btn-block">
          Create my account
        </button>
      </form>
    </>
  );
});

export const head: DocumentHead = { title: 'Accept invitation · Back office' };
