/** Which outbox entries a cart page draws: only cart writes addressed to its own cart, as intents. */
import { newId } from '@domain/core/ids';
import { describe, expect, it } from 'vitest';
import { intentOf, parsePromotions, showCart } from './cart-view';

const CART = newId('cart', Date.UTC(2026, 10, 1));
const OTHER = newId('cart', Date.UTC(2026, 10, 2));

describe('intentOf', () => {
  it('reads add, set and remove entries of this cart as intents', () => {
    expect(intentOf({ kind: 'cart.add', payload: { cartId: CART, sku: 'A', quantity: 2 } }, CART)).toEqual({
      type: 'add',
      sku: 'A',
      quantity: 2,
    });
    expect(intentOf({ kind: 'cart.set', payload: { cartId: CART, sku: 'A', quantity: 0 } }, CART)).toEqual({
      type: 'set',
      sku: 'A',
      quantity: 0,
    });
    expect(intentOf({ kind: 'cart.remove', payload: { cartId: CART, sku: 'A' } }, CART)).toEqual({
      type: 'remove',
      sku: 'A',
    });
  });

  it('ignores other carts (a previous shopper on this device), other kinds and malformed payloads', () => {
    expect(
      intentOf({ kind: 'cart.add', payload: { cartId: OTHER, sku: 'A', quantity: 1 } }, CART),
    ).toBeNull();
    expect(intentOf({ kind: 'order.ship', payload: { orderId: 'order_1' } }, CART)).toBeNull();
    expect(intentOf({ kind: 'cart.add', payload: { cartId: CART } } as never, CART)).toBeNull();
  });
});

describe('showCart with automatic promotions', () => {
  function usd(amount: number) {
    return { amount, currency: 'USD' };
  }
  const TEES = newId('category');
  const body = {
    promotions: [
      {
        id: 'promo_tees',
        name: '20% off tees',
        trigger: { kind: 'automatic' },
        benefit: { kind: 'items_percentage', basisPoints: 2000, targets: { categoryIds: [TEES] } },
      },
      {
        id: 'promo_bad',
        name: 'From a newer release',
        trigger: { kind: 'automatic' },
        benefit: { kind: 'teleport' },
      },
      {
        id: 'promo_vip',
        name: 'Members only',
        trigger: { kind: 'automatic' },
        benefit: { kind: 'order_percentage', basisPoints: 5000 },
        conditions: { signedInOnly: true },
      },
    ],
  };
  const base = {
    id: CART,
    currency: 'USD',
    itemCount: 1,
    subtotal: usd(2000),
    unavailableSkus: [],
    lines: [
      {
        sku: 'TEE-M',
        quantity: 1,
        productName: 'Tee',
        variantLabel: 'M',
        unitPrice: usd(2000),
        productId: newId('product'),
        categoryIds: [TEES],
        collectionIds: [],
      },
    ],
  };

  it('applies what the server would to a cart changed offline, and nothing for signed-in-only offers', () => {
    const promotions = parsePromotions(body);
    expect(promotions.map((p) => p.id)).toEqual(['promo_tees', 'promo_vip']);
    const shown = showCart(base, [{ type: 'set', sku: 'TEE-M', quantity: 2 }], new Map(), 'USD', promotions);
    expect(shown.subtotal).toEqual(usd(4000));
    expect(shown.promotions).toEqual([{ name: '20% off tees', amount: usd(800) }]);
  });

  it('leaves a line added offline, which the server has not described, to order-wide offers only', () => {
    const shown = showCart(
      null,
      [{ type: 'add', sku: 'MUG', quantity: 1 }],
      new Map([['MUG', { productName: 'Mug', unitPrice: usd(1500) }]]),
      'USD',
      parsePromotions(body),
    );
    expect(shown.promotions).toEqual([]);
    expect(parsePromotions({ promotions: 'nope' })).toEqual([]);
  });
});
