/** The "what changed" comparison the cart page shows after queued writes replay: prices, stock, removals, refusals. */
import { describe, expect, it } from 'vitest';
import { compareCarts, describeCartChange } from './cart-changes';
import { type ServerCart, showCart } from './cart-view';
import type { OutboxRejection } from './outbox';

function usd(amount: number) {
  return { amount, currency: 'USD' };
}
function format(m: { amount: number }) {
  return `$${(m.amount / 100).toFixed(2)}`;
}

function server(
  lines: Array<{ sku: string; quantity: number; price: number }>,
  unavailable: string[] = [],
): ServerCart {
  return {
    id: 'cart_x',
    currency: 'USD',
    lines: lines.map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      productName: `Product ${l.sku}`,
      variantLabel: '',
      unitPrice: usd(l.price),
    })),
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    subtotal: usd(lines.reduce((n, l) => n + l.quantity * l.price, 0)),
    unavailableSkus: unavailable,
  };
}

function rejection(kind: string, sku: string, code: string): OutboxRejection {
  return {
    kind,
    payload: { cartId: 'cart_x', sku },
    idempotencyKey: 'k',
    status: 409,
    code,
    reason: code,
    at: 1,
  };
}

describe('compareCarts', () => {
  it('says nothing when the server holds what the device showed', () => {
    const before = server([{ sku: 'A', quantity: 2, price: 1000 }]);
    const shown = showCart(before, [{ type: 'add', sku: 'A', quantity: 1 }], new Map(), 'USD');
    expect(compareCarts(shown, server([{ sku: 'A', quantity: 3, price: 1000 }]))).toEqual([]);
  });

  it('reports a price change, a quantity cut, a line gone, an unavailable line and a refused write', () => {
    const before = server([
      { sku: 'A', quantity: 1, price: 1000 },
      { sku: 'B', quantity: 1, price: 500 },
      { sku: 'C', quantity: 1, price: 700 },
    ]);
    const shown = showCart(
      before,
      [
        { type: 'set', sku: 'A', quantity: 5 },
        { type: 'add', sku: 'D', quantity: 2 },
      ],
      new Map([['D', { productName: 'Dog lead', unitPrice: usd(900) }]]),
      'USD',
    );
    const after = server(
      [
        { sku: 'A', quantity: 1, price: 1200 },
        { sku: 'D', quantity: 2, price: 900 },
      ],
      ['C'],
    );
    const changes = compareCarts(shown, after, [rejection('cart.set', 'A', 'INSUFFICIENT_STOCK')]);
    expect(changes).toEqual([
      { type: 'removed', sku: 'B', productName: 'Product B' },
      { type: 'unavailable', sku: 'C', productName: 'Product C' },
      { type: 'quantity-changed', sku: 'A', productName: 'Product A', was: 5, now: 1 },
      { type: 'price-changed', sku: 'A', productName: 'Product A', was: usd(1000), now: usd(1200) },
      { type: 'rejected', sku: 'A', productName: 'Product A', kind: 'cart.set', code: 'INSUFFICIENT_STOCK' },
    ]);
    expect(changes.map((c) => describeCartChange(c, format))).toEqual([
      'Product B is no longer in your cart.',
      'Product C is no longer available and is not included in your total.',
      'Product A: the quantity went down from 5 to 1.',
      'Product A: the price changed from $10.00 to $12.00.',
      'Changing the quantity of Product A was not saved because not enough is in stock.',
    ]);
  });

  it('reports lines added elsewhere (another tab or device), and ignores writes to other kinds', () => {
    const shown = showCart(null, [], new Map(), 'USD');
    const changes = compareCarts(shown, server([{ sku: 'E', quantity: 2, price: 100 }]), [
      { ...rejection('order.ship', 'x', 'CONFLICT'), payload: { orderId: 'order_1' } },
    ]);
    expect(changes).toEqual([{ type: 'added', sku: 'E', productName: 'Product E', quantity: 2 }]);
    expect(describeCartChange(changes[0]!, format)).toBe('Product E was added to your cart (quantity 2).');
  });

  it('does not repeat an unavailable line the device already showed as unavailable', () => {
    const before = server([{ sku: 'A', quantity: 1, price: 100 }], ['C']);
    const shown = showCart(before, [{ type: 'add', sku: 'C', quantity: 1 }], new Map(), 'USD');
    expect(compareCarts(shown, before)).toEqual([]);
  });
});

describe('compareCarts names variants', () => {
  it('adds the variant label, since variants of one product share its name', () => {
    const before = server([{ sku: 'A', quantity: 1, price: 100 }]);
    before.lines[0]!.variantLabel = 'M / Navy';
    const after = structuredClone(before);
    after.lines[0]!.unitPrice = usd(150);
    const [change] = compareCarts(showCart(before, [], new Map(), 'USD'), after);
    expect(describeCartChange(change!, format)).toBe(
      'Product A (M / Navy): the price changed from $1.00 to $1.50.',
    );
  });
});

describe('showCart (offline totals through priceCart)', () => {
  it('prices queued lines with the server price, else the snapshot; unknown prices stay out of the total', () => {
    const before = server([{ sku: 'A', quantity: 1, price: 1000 }]);
    const shown = showCart(
      before,
      [
        { type: 'add', sku: 'A', quantity: 2 },
        { type: 'add', sku: 'B', quantity: 1 },
        { type: 'add', sku: 'Z', quantity: 4 },
      ],
      new Map([['B', { productName: 'Belt', unitPrice: usd(250) }]]),
      'USD',
    );
    expect(shown.lines).toEqual([
      {
        sku: 'A',
        quantity: 3,
        productName: 'Product A',
        variantLabel: '',
        unitPrice: usd(1000),
        lineTotal: usd(3000),
      },
      {
        sku: 'B',
        quantity: 1,
        productName: 'Belt',
        variantLabel: '',
        unitPrice: usd(250),
        lineTotal: usd(250),
      },
      { sku: 'Z', quantity: 4, productName: 'Z', variantLabel: '', unitPrice: null, lineTotal: null },
    ]);
    expect(shown.itemCount).toBe(8);
    expect(shown.subtotal).toEqual(usd(3250));
  });
});
