/**
 * Opened from the "too many failed logins" email a staff member gets: a button lifts the lock on their address (the
 * link itself spends nothing, so a mail scanner opening it changes nothing). Then on to the login page.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, useLocation, z, zod$ } from '@builder.io/qwik-city';
import { unlock } from '@worker/services/identity/customer-accounts';
import { FormStatus } from '~/components/admin/form-status/FormStatus';
import { describeWait } from '~/lib/admin-format';
import { LOGIN_PATH } from '~/lib/admin-pages';
import { staffPageContext } from '~/lib/admin-session';
import { pageLimit } from '~/lib/limits';

export const useUnlock = routeAction$(
  async ({ token }, event) => {
    const wait = await pageLimit(event, 'verify-address');
    if (wait !== null)
      return event.fail(429, { message: `Too many attempts. Try again in ${describeWait(wait)}.` });
    const result = await unlock(staffPageContext(event), token);
    if (!result.ok) return event.fail(400, { message: result.error.detail });
    return { done: true };
  },
  zod$({ token: z.string().min(1).max(128) }),
);

export default component$(() => {
  const action = useUnlock();
  const loc = useLocation();
  const token = loc.url.searchParams.get('token') ?? '';
  const v = action.value;
  if (v && !v.failed) {
    return (
      <>
        <h1>Your account is unlocked</h1>
        <p class="adm-alert adm-alert-ok" role="status">
          You can log in again. If those failed attempts were not yours, ask an administrator to check the
          audit log.
        </p>
        <a class="adm-btn adm-btn-primary adm-btn-block" href={LOGIN_PATH}>
          Go to the login page
        </a>
      </>
    );
  }
  const error = v?.failed ? v.message : undefined;
  const actionUrl = `${action.actionPath}&token=${encodeURIComponent(token)}`;
  return (
    <>
      <h1>Unlock your account</h1>
      <p class="adm-lede">Logins to your back-office account were paused after several wrong passwords.</p>
      <FormStatus id="unlock-status" error={error} />
      <form method="post" action={actionUrl} class="adm-form" aria-describedby="unlock-status">
        <input type="hidden" name="token" value={token} />
        <button type="submit" class="adm-btn adm-btn-primary adm-btn-block">
          Unlock my account
        </button>
      </form>
    </>
  );
});

export const head: DocumentHead = { title: 'Unlock your account · Back office' };
