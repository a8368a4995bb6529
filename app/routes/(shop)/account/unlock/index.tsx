/** Opened from the "too many failed logins" email: a button lifts the lock on the address. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, useLocation } from '@builder.io/qwik-city';
import { unlock } from '@worker/services/identity/customer-accounts';
import { TokenForm } from '~/components/shop/token-form/TokenForm';
import { pageAccountContext } from '~/lib/account-context';
import { runTokenAction } from '~/lib/token-action';

export const useUnlock = routeAction$((data, event) =>
  runTokenAction(data, event, (token) => unlock(pageAccountContext(event), token)),
);

export default component$(() => {
  const action = useUnlock();
  const token = useLocation().url.searchParams.get('token') ?? '';
  return (
    <div class="auth-page">
      <section class="panel auth-panel" aria-labelledby="unlock-title">
        <h1 id="unlock-title">Unlock your account</h1>
        <TokenForm
          action={action}
          token={token}
          button="Unlock my account"
          doneMessage="Your account is unlocked. You can log in again."
        >
          <p>
            We paused logins to your account after several wrong passwords. If that wasn't you, choose a new
            password after unlocking.
          </p>
          <div q:slot="done" class="button-row">
            <a class="btn btn-primary" href="/account/login">
              Log in
            </a>
            <a class="btn btn-secondary" href="/account/forgot-password">
              Choose a new password
            </a>
          </div>
        </TokenForm>
      </section>
    </div>
  );
});

export const head: DocumentHead = {
  title: 'Unlock your account',
  meta: [{ name: 'robots', content: 'noindex' }],
};
