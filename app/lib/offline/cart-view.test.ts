/** Which outbox entries a cart page draws: only cart writes addressed to its own cart, as intents. */
import { newId } from '@domain/core/ids';
import { describe, expect, it } from 'vitest';
import { intentOf } from './cart-view';

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
