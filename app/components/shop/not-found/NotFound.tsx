/** The styled "page not found" panel; routes render it after setting status 404. */
import { component$ } from '@builder.io/qwik';

/** A 404 message with links back into the shop. */
export const NotFound = component$<{ what?: string }>(({ what = 'page' }) => (
  <section class="not-found" aria-labelledby="not-found-title">
    <p class="not-found-code" aria-hidden="true">
      404
    </p>
    <h1 id="not-found-title">We couldn't find that {what}</h1>
    <p>It may have moved or sold out for good. Try a search, or start again from the home page.</p>
    <div class="hero-actions">
      <a class="btn btn-primary" href="/">
        Back to the shop
      </a>
      <a class="btn btn-secondary" href="/search">
        Search products
      </a>
    </div>
  </section>
));
