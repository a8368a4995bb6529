/** The cart page's "what changed" notice: after writes made offline reach the shop, what differs from what was shown. */
import { component$ } from '@builder.io/qwik';

interface Props {
  /** One sentence per change (app/lib/offline/cart-changes.ts describeCartChange); empty renders an empty region. */
  changes: string[];
}

/**
 * A polite live region that is always in the page (a region added together with its text is often not announced),
 * labelled by its visible heading once it has something to say.
 */
export const CartChangesNotice = component$<Props>(({ changes }) => (
  <section
    class="alert alert-notice cart-changes"
    role="status"
    aria-labelledby={changes.length > 0 ? 'cart-changes-title' : undefined}
  >
    {changes.length > 0 && (
      <>
        <h2 id="cart-changes-title" class="cart-changes-title">
          Your cart was updated while you were offline
        </h2>
        <ul class="alert-list">
          {changes.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      </>
    )}
  </section>
));
