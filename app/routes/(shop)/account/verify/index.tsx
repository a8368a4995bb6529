/** Opened from the sign-up email: a button confirms the address (the link alone changes nothing). */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, useLocation } from '@builder.io/qwik-city';
import { verifyEmail } from '@worker/services/identity/customer-accounts';
import { TokenForm } from '~/components/shop/token-form/TokenForm';
import { pageAccountContext } from '~/lib/account-context';
import { runTokenAction } from '~/lib/token-action';

export const useVerify = routeAction$((data, event) =>
  runTokenAction(data, event, (token) => verifyEmail(pageAccountContext(event), token)),
);

export default component$(() => {
  const action = useVerify();
  const token = useLocation().url.searchParams.get('token') ?? '';
  return (
    <div class="auth-page">
      <section class="panel auth-panel" aria-labelledby="verify-title">
        <h1 id="verify-title">Confirm your email address</h1>
        <TokenForm
          action={action}
          token={token}
          button="Confirm my email address"
          doneMessage="Your email address is confirmed. You can log in now."
        >
          <p>One click and your account is ready to use.</p>
          <a q:slot="done" class="btn btn-primary btn-block" href="/account/login">
            Log in
          </a>
        </TokenForm>
      </section>
    </div>
  );
});

export const head: DocumentHead = {
  title: 'Confirm your email address',
  meta: [{ name: 'robots', content: 'noindex' }],
};
