/** After sign-up: check your inbox. Says nothing about the address (the same page whether or not it had an account). */
import { component$ } from '@builder.io/qwik';
import type { DocumentHead } from '@builder.io/qwik-city';
import { TOKEN_TTL_MS } from '@domain/identity/tokens';

const HOURS = TOKEN_TTL_MS['verify-email'] / 3_600_000;

export default component$(() => (
  <div class="auth-page">
    <section class="panel auth-panel" aria-labelledby="inbox-title">
      <h1 id="inbox-title">Check your inbox</h1>
      <p>
        We've sent a link to the email address you gave us. Open it to confirm the address, then log in. The
        link works for {HOURS} hours.
      </p>
      <p>
        No email after a few minutes? Check your spam folder. Logging in with an address that isn't confirmed
        yet sends a fresh link.
      </p>
      <a class="btn btn-primary btn-block" href="/account/login">
        Go to log in
      </a>
    </section>
  </div>
));

export const head: DocumentHead = {
  title: 'Check your inbox',
  meta: [{ name: 'robots', content: 'noindex' }],
};
