/** Opened from the email-change link (signed in as the account that asked): a button makes the new address the login. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, useLocation } from '@builder.io/qwik-city';
import { confirmEmailChange } from '@worker/services/identity/customer-accounts';
import { TokenForm } from '~/components/shop/token-form/TokenForm';
import { pageAccountContext } from '~/lib/account-context';
import { signedInCustomer } from '~/lib/signed-in';
import { runTokenAction } from '~/lib/token-action';

/** Other sessions end; this one stays (keepSessionHash), as the API's confirm does. */
export const useConfirmEmail = routeAction$(async (data, event) => {
  const { principal, sessionHash } = await signedInCustomer(event);
  return runTokenAction(
    data,
    event,
    (token) =>
      confirmEmailChange(pageAccountContext(event), {
        customerId: principal.id,
        token,
        keepSessionHash: sessionHash,
      }),
    ['verify-account', principal.email],
  );
});

export default component$(() => {
  const action = useConfirmEmail();
  const token = useLocation().url.searchParams.get('token') ?? '';
  return (
    <div class="auth-page">
      <section class="panel auth-panel" aria-labelledby="confirm-title">
        <h1 id="confirm-title">Confirm your new email address</h1>
        <TokenForm
          action={action}
          token={token}
          button="Use my new email address"
          doneMessage="Your email address is changed. Use the new one to log in from now on."
        >
          <p>From now on you'll log in with the new address, and other devices will be logged out.</p>
          <a q:slot="done" class="btn btn-primary btn-block" href="/account/profile">
            Back to your profile
          </a>
        </TokenForm>
      </section>
    </div>
  );
});

export const head: DocumentHead = {
  title: 'Confirm your new email address',
  meta: [{ name: 'robots', content: 'noindex' }],
};
