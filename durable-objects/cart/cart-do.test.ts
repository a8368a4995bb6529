/** CartDO behaviour inside workerd: lines, limits, offline merge, validation and persistence. */
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { MAX_CART_LINES } from '@domain/cart/quantity';
import { newId } from '@domain/core/ids';
import { describe, expect, it } from 'vitest';
import { CART_IDLE_MS } from './cart-do';
import { cartStub } from './index';

const T0 = 1_800_000_000_000;

function freshCart() {
  const cartId = newId('cart');
  return { cartId, cart: cartStub(env, cartId) };
}

async function linesOf(cartId: string) {
  const view = await cartStub(env, cartId).get({ cartId });
  if (!view.ok) throw new Error(`get failed: ${view.error.code}`);
  return view.value.lines.map((l) => [l.sku, l.quantity]);
}

describe('CartDO lines', () => {
  it('a cart that was never written is NOT_FOUND', async () => {
    const { cartId, cart } = freshCart();
    expect(await cart.get({ cartId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await cart.removeItem({ cartId, sku: 'A' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await cart.clear({ cartId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('addItem creates the cart and adds to an existing line', async () => {
    const { cartId, cart } = freshCart();
    const first = await cart.addItem({ cartId, sku: 'TEE-M', quantity: 2, now: T0 });
    expect(first).toEqual({
      ok: true,
      value: {
        cartId,
        currency: env.SHOP_CURRENCY,
        lines: [{ sku: 'TEE-M', quantity: 2, addedAt: T0 }],
        updatedAt: T0,
      },
    });
    await cart.addItem({ cartId, sku: 'MUG', quantity: 1, now: T0 + 1 });
    const again = await cart.addItem({ cartId, sku: 'TEE-M', quantity: 3, now: T0 + 2 });
    expect(again).toMatchObject({
      ok: true,
      value: {
        lines: [
          { sku: 'TEE-M', quantity: 5, addedAt: T0 },
          { sku: 'MUG', quantity: 1, addedAt: T0 + 1 },
        ],
        updatedAt: T0 + 2,
      },
    });
  });

  it('setQuantity sets, 0 removes; removeItem and clear empty lines but keep the cart', async () => {
    const { cartId, cart } = freshCart();
    await cart.addItem({ cartId, sku: 'A', quantity: 1 });
    await cart.addItem({ cartId, sku: 'B', quantity: 1 });
    await cart.setQuantity({ cartId, sku: 'A', quantity: 7 });
    await cart.setQuantity({ cartId, sku: 'C', quantity: 2 });
    expect(await linesOf(cartId)).toEqual([
      ['A', 7],
      ['B', 1],
      ['C', 2],
    ]);
    await cart.setQuantity({ cartId, sku: 'B', quantity: 0 });
    expect(await linesOf(cartId)).toEqual([
      ['A', 7],
      ['C', 2],
    ]);
    await cart.removeItem({ cartId, sku: 'A' });
    expect((await cart.removeItem({ cartId, sku: 'A' })).ok).toBe(true);
    expect(await linesOf(cartId)).toEqual([['C', 2]]);
    expect(await cart.clear({ cartId })).toMatchObject({ ok: true, value: { lines: [] } });
    expect(await linesOf(cartId)).toEqual([]);
  });

  it('persists across stub re-creation and object eviction', async () => {
    const { cartId, cart } = freshCart();
    await cart.addItem({ cartId, sku: 'KEEP', quantity: 4 });
    await evictDurableObject(cart);
    expect(await linesOf(cartId)).toEqual([['KEEP', 4]]);
  });

  it('refuses a cart id other than the one the object holds', async () => {
    const { cartId, cart } = freshCart();
    await cart.addItem({ cartId, sku: 'A', quantity: 1 });
    const other = newId('cart');
    expect(await cart.addItem({ cartId: other, sku: 'A', quantity: 1 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

describe('CartDO limits', () => {
  it('a line may not exceed MAX_LINE_QUANTITY, by add or set', async () => {
    const { cartId, cart } = freshCart();
    await cart.addItem({ cartId, sku: 'A', quantity: 98 });
    expect(await cart.addItem({ cartId, sku: 'A', quantity: 2 })).toMatchObject({
      ok: false,
      error: { code: 'QUANTITY_OUT_OF_RANGE', meta: { max: 99 } },
    });
    expect(await cart.setQuantity({ cartId, sku: 'A', quantity: 100 })).toMatchObject({
      ok: false,
      error: { code: 'QUANTITY_OUT_OF_RANGE' },
    });
    expect((await cart.addItem({ cartId, sku: 'A', quantity: 1 })).ok).toBe(true);
    expect(await linesOf(cartId)).toEqual([['A', 99]]);
  });

  it('a line may not pass the available units the caller checked, however many adds arrive at once', async () => {
    const { cartId, cart } = freshCart();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => cart.addItem({ cartId, sku: 'B', quantity: 1, available: 7 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    expect(results.find((r) => !r.ok)).toMatchObject({
      ok: false,
      error: { code: 'INSUFFICIENT_STOCK', meta: { sku: 'B', available: 7 } },
    });
    expect(await linesOf(cartId)).toEqual([['B', 7]]);
    expect(await cart.setQuantity({ cartId, sku: 'B', quantity: 8, available: 7 })).toMatchObject({
      ok: false,
      error: { code: 'INSUFFICIENT_STOCK' },
    });
    expect((await cart.setQuantity({ cartId, sku: 'B', quantity: 2, available: 7 })).ok).toBe(true);
    expect(await cart.addItem({ cartId, sku: 'B', quantity: 1, available: -1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await linesOf(cartId)).toEqual([['B', 2]]);
  });

  it('a cart may hold at most MAX_CART_LINES lines', async () => {
    const { cartId, cart } = freshCart();
    const lines = Array.from({ length: MAX_CART_LINES }, (_, i) => ({ sku: `SKU-${i}`, quantity: 1 }));
    expect((await cart.merge({ cartId, lines })).ok).toBe(true);
    for (const add of [
      cart.addItem({ cartId, sku: 'ONE-MORE', quantity: 1 }),
      cart.setQuantity({ cartId, sku: 'ONE-MORE', quantity: 1 }),
      cart.merge({ cartId, lines: [{ sku: 'ONE-MORE', quantity: 1 }] }),
    ]) {
      expect(await add).toMatchObject({ ok: false, error: { code: 'CART_LINE_LIMIT' } });
    }
    // Growing an existing line, or swapping one line for another in a merge, is still fine.
    expect((await cart.addItem({ cartId, sku: 'SKU-0', quantity: 1 })).ok).toBe(true);
    const swap = await cart.merge({
      cartId,
      lines: [
        { sku: 'SKU-1', quantity: 0 },
        { sku: 'ONE-MORE', quantity: 1 },
      ],
    });
    expect(swap.ok && swap.value.lines.length).toBe(MAX_CART_LINES);
  });
});

describe('CartDO merge (offline carts syncing back)', () => {
  it('sets the given lines, removes zero lines, leaves the rest', async () => {
    const { cartId, cart } = freshCart();
    await cart.addItem({ cartId, sku: 'A', quantity: 1, now: T0 });
    await cart.addItem({ cartId, sku: 'B', quantity: 5, now: T0 });
    await cart.addItem({ cartId, sku: 'C', quantity: 1, now: T0 });
    const merged = await cart.merge({
      cartId,
      lines: [
        { sku: 'A', quantity: 3 },
        { sku: 'B', quantity: 0 },
        { sku: 'D', quantity: 2 },
      ],
      now: T0 + 10,
    });
    expect(merged).toMatchObject({
      ok: true,
      value: {
        lines: [
          { sku: 'A', quantity: 3, addedAt: T0 },
          { sku: 'C', quantity: 1, addedAt: T0 },
          { sku: 'D', quantity: 2, addedAt: T0 + 10 },
        ],
        updatedAt: T0 + 10,
      },
    });
  });

  it('creates the cart when it does not exist yet (id minted offline)', async () => {
    const { cartId, cart } = freshCart();
    expect((await cart.merge({ cartId, lines: [{ sku: 'A', quantity: 2 }] })).ok).toBe(true);
    expect(await linesOf(cartId)).toEqual([['A', 2]]);
  });

  it('is all or nothing: one bad line changes nothing', async () => {
    const { cartId, cart } = freshCart();
    await cart.addItem({ cartId, sku: 'A', quantity: 1 });
    const bad = await cart.merge({
      cartId,
      lines: [
        { sku: 'A', quantity: 9 },
        { sku: 'B', quantity: 500 },
      ],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'QUANTITY_OUT_OF_RANGE', meta: { sku: 'B' } } });
    const dupes = await cart.merge({
      cartId,
      lines: [
        { sku: 'A', quantity: 2 },
        { sku: 'A', quantity: 3 },
      ],
    });
    expect(dupes).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await linesOf(cartId)).toEqual([['A', 1]]);
  });
});

describe('CartDO rejects bad input without changing anything', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['zero', { quantity: 0 }, 'QUANTITY_OUT_OF_RANGE'],
    ['negative', { quantity: -3 }, 'QUANTITY_OUT_OF_RANGE'],
    ['fractional', { quantity: 1.5 }, 'QUANTITY_OUT_OF_RANGE'],
    ['huge', { quantity: 1e9 }, 'QUANTITY_OUT_OF_RANGE'],
    ['string quantity', { quantity: '2' }, 'VALIDATION_FAILED'],
    ['missing quantity', { quantity: undefined }, 'VALIDATION_FAILED'],
    ['a price', { quantity: 1, unitPrice: 100 }, 'VALIDATION_FAILED'],
    ['bad sku', { quantity: 1, sku: '' }, 'VALIDATION_FAILED'],
    ['bad cart id', { quantity: 1, cartId: 'cart_nope' }, 'VALIDATION_FAILED'],
  ];

  it.each(cases)('addItem with %s', async (_name, patch, code) => {
    const { cartId, cart } = freshCart();
    await cart.addItem({ cartId, sku: 'A', quantity: 1 });
    const input = { cartId, sku: 'A', ...patch } as never;
    expect(await cart.addItem(input)).toMatchObject({ ok: false, error: { code } });
    expect(await linesOf(cartId)).toEqual([['A', 1]]);
  });

  it('setQuantity and merge reject negatives and wrong types too', async () => {
    const { cartId, cart } = freshCart();
    await cart.addItem({ cartId, sku: 'A', quantity: 1 });
    expect(await cart.setQuantity({ cartId, sku: 'A', quantity: -1 })).toMatchObject({
      ok: false,
      error: { code: 'QUANTITY_OUT_OF_RANGE' },
    });
    expect(await cart.merge({ cartId, lines: 'A' } as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await cart.get(null as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await linesOf(cartId)).toEqual([['A', 1]]);
  });
});

describe('CartDO idle expiry', () => {
  it('a change schedules the expiry CART_IDLE_MS ahead, and the alarm forgets the cart', async () => {
    const cartId = newId('cart');
    const cart = cartStub(env, cartId);
    const before = Date.now();
    expect((await cart.addItem({ cartId, sku: 'TSH-1-M', quantity: 2 })).ok).toBe(true);

    const alarmAt = await runInDurableObject(cart, (_instance, state) => state.storage.getAlarm());
    expect(alarmAt).toBeGreaterThanOrEqual(before + CART_IDLE_MS);
    expect(alarmAt).toBeLessThanOrEqual(Date.now() + CART_IDLE_MS);

    expect(await runDurableObjectAlarm(cart)).toBe(true);
    const after = await cart.get({ cartId });
    expect(after.ok ? 'found' : after.error.code).toBe('NOT_FOUND');
    // A forgotten cart can be used again from scratch.
    const again = await cart.addItem({ cartId, sku: 'TSH-1-M', quantity: 1 });
    expect(again.ok && again.value.lines).toEqual([expect.objectContaining({ sku: 'TSH-1-M', quantity: 1 })]);
  });

  it('a rejected change does not schedule anything', async () => {
    const cartId = newId('cart');
    const cart = cartStub(env, cartId);
    expect((await cart.addItem({ cartId, sku: 'TSH-1-M', quantity: 0 })).ok).toBe(false);
    expect(await runInDurableObject(cart, (_instance, state) => state.storage.getAlarm())).toBeNull();
  });
});

describe('CartDO idempotency by request id', () => {
  it('applies a write once per request id; a replay returns the current cart, another change under it is a CONFLICT', async () => {
    const { cartId, cart } = freshCart();
    const first = await cart.addItem({
      cartId,
      sku: 'MUG-1',
      quantity: 2,
      available: 10,
      requestId: 'idem_a',
    });
    expect(first.ok).toBe(true);
    await cart.addItem({ cartId, sku: 'TEE-S', quantity: 1, now: T0 + 1 });
    // The replay (the stock figure may have changed meanwhile) applies nothing and shows the cart as it is now.
    const replay = await cart.addItem({
      cartId,
      sku: 'MUG-1',
      quantity: 2,
      available: 9,
      requestId: 'idem_a',
    });
    expect(replay.ok && replay.value.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['MUG-1', 2],
      ['TEE-S', 1],
    ]);
    expect(await cart.addItem({ cartId, sku: 'MUG-1', quantity: 3, requestId: 'idem_a' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await cart.setQuantity({ cartId, sku: 'MUG-1', quantity: 5, requestId: 'idem_a' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // A rejected write is not remembered: the same id may succeed later.
    expect(
      await cart.addItem({ cartId, sku: 'CAP-1', quantity: 3, available: 1, requestId: 'idem_b' }),
    ).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK' } });
    expect(
      (
        await cart.addItem({
          cartId,
          sku: 'CAP-1',
          quantity: 1,
          available: 1,
          requestId: 'idem_b',
          now: T0 + 2,
        })
      ).ok,
    ).toBe(true);
    // Without an id every call applies.
    await cart.addItem({ cartId, sku: 'TEE-S', quantity: 1 });
    expect(await linesOf(cartId)).toEqual([
      ['MUG-1', 2],
      ['TEE-S', 2],
      ['CAP-1', 1],
    ]);
  });
});
