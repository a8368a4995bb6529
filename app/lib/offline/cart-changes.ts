/**
 * What changed between the cart a device showed (its last server cart plus its queued writes) and the cart the
 * server holds once those writes were replayed: the facts the cart page's notice tells the shopper.
 */

import type { Money } from '@domain/pricing/money';
import type { ServerCart, ShownCart } from './cart-view';
import type { OutboxRejection } from './outbox';

/** One difference the shopper should hear about. */
export type CartChange =
  | { type: 'price-changed'; sku: string; productName: string; was: Money; now: Money }
  | { type: 'unavailable'; sku: string; productName: string }
  | { type: 'removed'; sku: string; productName: string }
  | { type: 'quantity-changed'; sku: string; productName: string; was: number; now: number }
  | { type: 'added'; sku: string; productName: string; quantity: number }
  | { type: 'rejected'; sku: string | null; productName: string | null; kind: string; code: string | null };

// Variants of one product share its name: the label tells the shopper which line a sentence is about.
function named(line: { productName: string; variantLabel: string }): string {
  return line.variantLabel ? `${line.productName} (${line.variantLabel})` : line.productName;
}

/**
 * The changes from `shown` to `server`, plus one entry per rejected cart write: removed lines and unavailable ones
 * first, then quantity and price changes, then lines that appeared (another tab or device), then rejections.
 * A price is compared only where the device had one; a line the server lists as unavailable is reported as that,
 * not as removed.
 */
export function compareCarts(
  shown: ShownCart,
  server: ServerCart,
  rejected: readonly OutboxRejection[] = [],
): CartChange[] {
  const now = new Map(server.lines.map((l) => [l.sku, l]));
  const unavailable = new Set(server.unavailableSkus);
  const changes: CartChange[] = [];
  const later: CartChange[] = [];
  for (const line of shown.lines) {
    const current = now.get(line.sku);
    const productName = named(current ?? line);
    if (!current) {
      // Already flagged as unavailable before the replay: nothing new to tell.
      if (unavailable.has(line.sku) && shown.unavailableSkus.includes(line.sku)) continue;
      changes.push({
        type: unavailable.has(line.sku) ? 'unavailable' : 'removed',
        sku: line.sku,
        productName,
      });
      continue;
    }
    if (current.quantity !== line.quantity) {
      later.push({
        type: 'quantity-changed',
        sku: line.sku,
        productName,
        was: line.quantity,
        now: current.quantity,
      });
    }
    const was = line.unitPrice;
    if (was && (was.amount !== current.unitPrice.amount || was.currency !== current.unitPrice.currency)) {
      later.push({ type: 'price-changed', sku: line.sku, productName, was, now: current.unitPrice });
    }
  }
  const shownSkus = new Set(shown.lines.map((l) => l.sku));
  const added: CartChange[] = server.lines
    .filter((l) => !shownSkus.has(l.sku))
    .map((l) => ({ type: 'added', sku: l.sku, productName: named(l), quantity: l.quantity }));
  const names = new Map([...shown.lines, ...server.lines].map((l) => [l.sku, named(l)]));
  const refused: CartChange[] = rejected
    .filter((r) => r.kind.startsWith('cart.'))
    .map((r) => {
      const sku =
        typeof (r.payload as { sku?: unknown })?.sku === 'string' ? (r.payload as { sku: string }).sku : null;
      return {
        type: 'rejected',
        sku,
        productName: sku ? (names.get(sku) ?? null) : null,
        kind: r.kind,
        code: r.code ?? null,
      };
    });
  return [...changes, ...later, ...added, ...refused];
}

const REFUSED_BECAUSE: Record<string, string> = {
  INSUFFICIENT_STOCK: 'not enough is in stock',
  UNKNOWN_SKU: 'it is no longer sold',
  QUANTITY_OUT_OF_RANGE: 'the quantity is outside what one cart line may hold',
  CART_LINE_LIMIT: 'your cart holds as many different items as it can',
};

const WRITE_NAMES: Record<string, string> = {
  'cart.add': 'Adding',
  'cart.set': 'Changing the quantity of',
  'cart.remove': 'Removing',
};

/** One change as a sentence for the cart page; `format` renders money (Intl, in the page's locale). */
export function describeCartChange(change: CartChange, format: (m: Money) => string): string {
  switch (change.type) {
    case 'price-changed':
      return `${change.productName}: the price changed from ${format(change.was)} to ${format(change.now)}.`;
    case 'unavailable':
      return `${change.productName} is no longer available and is not included in your total.`;
    case 'removed':
      return `${change.productName} is no longer in your cart.`;
    case 'quantity-changed':
      return change.now < change.was
        ? `${change.productName}: the quantity went down from ${change.was} to ${change.now}.`
        : `${change.productName}: the quantity went up from ${change.was} to ${change.now}.`;
    case 'added':
      // Neutral on purpose: another tab or device, or an add from this device the page had not drawn yet.
      return `${change.productName} was added to your cart (quantity ${change.quantity}).`;
    case 'rejected': {
      const what = `${WRITE_NAMES[change.kind] ?? 'A change to'} ${change.productName ?? 'an item'}`;
      const why = change.code ? REFUSED_BECAUSE[change.code] : undefined;
      return `${what} was not saved${why ? ` because ${why}` : ''}.`;
    }
  }
}
