/** The cart: lines with quantity and remove forms (they work without JavaScript), the summary, or an empty state. */
import { component$, isBrowser, useTask$ } from '@builder.io/qwik';
import {
  type DocumentHead,
  type RequestHandler,
  routeAction$,
  routeLoader$,
  zod$,
} from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { MAX_SKU_LENGTH, SKU_PATTERN } from '@domain/catalog/sku';
import { statusOfError } from '@domain/core/errors';
import { readCart, removeFromCart, setCartQuantity } from '@worker/services/cart/cart';
import { CartChangesNotice } from '~/components/shop/cart-changes-notice/CartChangesNotice';
import { CartLine, type CartLineView } from '~/components/shop/cart-line/CartLine';
import { CartSummary } from '~/components/shop/cart-summary/CartSummary';
import { EmptyState } from '~/components/ui/empty-state/EmptyState';
import { announceCartCount } from '~/lib/cart-changed';
import { readCartId } from '~/lib/cart-cookie';
import { formQuantity } from '~/lib/form-quantity';
import { describeCartError } from '~/lib/format';
import { useOfflineCart } from '~/lib/use-offline-cart';

const EXPIRED = 'Your cart has expired. Please add the item again.';

/**
 * The cart page, its loader data (q-data.json, which carries the lines) and its action responses are this
 * shopper's alone: `no-store` keeps them out of every cache, the service worker's included (app/sw.ts stores
 * nothing marked no-store), so the next person on a shared device never sees them offline. Runs after the layout's
 * onRequest, so it replaces the layout's `private, no-cache`.
 */
export const onRequest: RequestHandler = ({ headers }) => {
  headers.set('Cache-Control', 'no-store');
};

/** The priced cart, or null when this browser has no cart yet. */
export const useCart = routeLoader$(async ({ platform, cookie, url }) => {
  const cartId = readCartId(cookie, url);
  return cartId ? readCart(platform.env, createDb(platform.env), cartId) : null;
});

/**
 * Changes one line: a quantity sets it, 0 removes the line (the Remove button posts 0). One action for both keeps
 * a single, latest outcome message for the page.
 */
export const useChangeLine = routeAction$(
  async ({ sku, quantity }, { platform, cookie, url, fail }) => {
    const cartId = readCartId(cookie, url);
    if (!cartId) return fail(400, { message: EXPIRED });
    const db = createDb(platform.env);
    const result =
      quantity === 0
        ? await removeFromCart(platform.env, db, cartId, sku)
        : await setCartQuantity(platform.env, db, cartId, { sku, quantity });
    if (!result.ok) {
      return fail(statusOfError(result.error.code), {
        message: describeCartError(result.error),
      });
    }
    return { message: quantity === 0 ? 'Item removed from your cart.' : 'Quantity updated.' };
  },
  zod$((z) => ({
    sku: z.string().min(1).max(MAX_SKU_LENGTH).regex(SKU_PATTERN),
    quantity: formQuantity(0),
  })),
);

/** The change-line action's store, for CartLine. */
export type ChangeLineStore = ReturnType<typeof useChangeLine>;

/** The action's latest outcome as one status or error sentence. */
function outcomeOf(
  v: { failed?: boolean; message?: string; fieldErrors?: Record<string, string | undefined> } | undefined,
): { status?: string; error?: string } {
  if (!v) return {};
  if (v.failed)
    return { error: v.message ?? Object.values(v.fieldErrors ?? {})[0] ?? 'Please check the quantity.' };
  return { status: v.message };
}

export default component$(() => {
  const cart = useCart();
  const change = useChangeLine();
  const offline = useOfflineCart(cart, change);
  // After a change in place, the header's count (filled in the browser) follows the cart.
  useTask$(({ track }) => {
    const count = track(() => cart.value?.itemCount ?? 0);
    if (isBrowser) announceCartCount(count);
  });
  const device = offline.shown.value;
  const c = cart.value;
  // While changes wait on this device, its view is shown; the server render supplies images and links.
  const lines: CartLineView[] = device
    ? device.lines.map((l) => {
        const known = c?.lines.find((k) => k.sku === l.sku);
        return {
          ...l,
          productSlug: known?.productSlug ?? null,
          variantLabel: known?.variantLabel ?? '',
          imageUrl: known?.imageUrl ?? null,
          compareAtUnitPrice:
            known?.unitPrice.amount === l.unitPrice?.amount ? known?.compareAtUnitPrice : null,
        };
      })
    : (c?.lines ?? []);
  const totals = device ?? c;
  const outcome = outcomeOf(change.value);
  const status = offline.saved.value || outcome.status;
  const error = offline.error.value || outcome.error;
  const messages = (
    <>
      <CartChangesNotice changes={offline.changes.value} />
      <div class="alert alert-success" role="status">
        {status && <p>{status}</p>}
      </div>
      <div class="alert alert-error" role="alert">
        {error && <p>{error}</p>}
      </div>
    </>
  );
  if (!totals || lines.length === 0) {
    return (
      <>
        <div class="cart-messages">{messages}</div>
        <EmptyState icon="bag" title="Your cart is empty" headingLevel={1}>
          <p>Looks like you haven't added anything yet. Our new-season layers are a good place to start.</p>
          <a class="btn btn-primary" href="/">
            Start shopping
          </a>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <div class="listing-head">
        <div>
          <h1>Your cart</h1>
          <p>{totals.itemCount === 1 ? '1 item' : `${totals.itemCount} items`}</p>
        </div>
      </div>
      <div class="cart-messages">{messages}</div>
      {totals.unavailableSkus.length > 0 && (
        <p class="alert alert-error">
          Some items in your cart are no longer sold and were left out of the total.
        </p>
      )}
      <div class="cart-layout">
        <ul class="cart-lines" aria-label="Items in your cart">
          {lines.map((line) => (
            <CartLine
              key={line.sku}
              line={line}
              actionPath={change.actionPath}
              onChange$={offline.onChange$}
            />
          ))}
        </ul>
        <CartSummary
          cart={totals}
          promotions={device ? device.promotions : (c?.promotions ?? []).filter((p) => p.amount.amount > 0)}
          estimated={device !== null}
        />
      </div>
    </>
  );
});

export const head: DocumentHead = { title: 'Your cart', meta: [{ name: 'robots', content: 'noindex' }] };
