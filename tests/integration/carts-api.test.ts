/** Cart API through the real Worker, CartDO, StockDO and D1: happy path, nasty input, idempotency, concurrency. */

import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { startEarlyInWindow } from '@tests/support/limits';
import { jsonBody, newClient, seedSmallStore, stockedSku } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';

type Cart = {
  id: string;
  lines: { sku: string; quantity: number; unitPrice: { amount: number }; lineTotal: { amount: number } }[];
  itemCount: number;
  subtotal: { amount: number; currency: string };
};

let data: SeedData;
beforeAll(async () => {
  data = await seedSmallStore();
});

const priceOf = (sku: string) => data.variants.find((v) => v.sku === sku)!.priceAmount;
const onHandOf = (sku: string) => data.inventory.find((l) => l.sku === sku)!.onHand;

async function readCart(api: ReturnType<typeof newClient>, cartId: string): Promise<Cart> {
  return (await (await api(`/api/carts/${cartId}`)).json()) as Cart;
}

describe('adding to a cart', () => {
  it('creates a cart, adds a line priced from the catalog and totals it', async () => {
    const api = newClient();
    const created = await api('/api/carts', { method: 'POST' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as Cart;
    expect(created.headers.get('Location')).toBe(`/api/carts/${id}`);

    const sku = stockedSku(data, 3);
    const res = await api(`/api/carts/${id}/items`, jsonBody({ sku, quantity: 2 }));
    expect(res.status).toBe(200);
    const cart = (await res.json()) as Cart;
    expect(cart.lines).toEqual([expect.objectContaining({ sku, quantity: 2 })]);
    expect(cart.lines[0]!.unitPrice.amount).toBe(priceOf(sku));
    expect(cart.subtotal).toEqual({ amount: 2 * priceOf(sku), currency: 'USD' });
    expect(cart.itemCount).toBe(2);

    const again = await api(`/api/carts/${id}/items`, jsonBody({ sku, quantity: 1 }));
    expect(((await again.json()) as Cart).lines[0]!.quantity).toBe(3);
  });

  it('sets and removes quantities', async () => {
    const api = newClient();
    const cartId = newId('cart');
    const sku = stockedSku(data, 4);
    await api(`/api/carts/${cartId}/items`, jsonBody({ sku, quantity: 1 }));
    const set = await api(`/api/carts/${cartId}/items/${sku}`, {
      ...jsonBody({ quantity: 4 }),
      method: 'PUT',
    });
    expect(((await set.json()) as Cart).lines[0]!.quantity).toBe(4);
    const removed = await api(`/api/carts/${cartId}/items/${sku}`, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as Cart).lines).toEqual([]);
  });

  it('reads a cart that was never written as empty', async () => {
    const cart = await readCart(newClient(), newId('cart'));
    expect(cart.lines).toEqual([]);
    expect(cart.subtotal.amount).toBe(0);
  });
});

describe('bad input is a clear 4xx and writes nothing', () => {
  const cases: [string, unknown, number, string][] = [
    ['negative quantity', { quantity: -1 }, 400, 'VALIDATION_FAILED'],
    ['zero quantity', { quantity: 0 }, 400, 'VALIDATION_FAILED'],
    ['fractional quantity', { quantity: 1.5 }, 400, 'VALIDATION_FAILED'],
    ['huge quantity', { quantity: 1e12 }, 400, 'VALIDATION_FAILED'],
    ['quantity as a string', { quantity: '2' }, 400, 'VALIDATION_FAILED'],
    ['a client-sent price', { quantity: 1, unitPrice: 1 }, 400, 'VALIDATION_FAILED'],
    ['an unknown field', { quantity: 1, gift: true }, 400, 'VALIDATION_FAILED'],
  ];
  for (const [name, extra, status, code] of cases) {
    it(`rejects ${name}`, async () => {
      const api = newClient();
      const cartId = newId('cart');
      const res = await api(
        `/api/carts/${cartId}/items`,
        jsonBody({ sku: stockedSku(data), ...(extra as object) }),
      );
      expect(res.status).toBe(status);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
      expect(await res.json()).toMatchObject({ code });
      expect((await readCart(api, cartId)).lines).toEqual([]);
    });
  }

  it('rejects an unknown SKU with 422', async () => {
    const api = newClient();
    const cartId = newId('cart');
    const res = await api(`/api/carts/${cartId}/items`, jsonBody({ sku: 'NOPE-0000', quantity: 1 }));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'UNKNOWN_SKU' });
    expect((await readCart(api, cartId)).lines).toEqual([]);
  });

  it('rejects more than the stock with 409 and says how many are available', async () => {
    const api = newClient();
    const cartId = newId('cart');
    const sku = stockedSku(data, 1);
    const res = await api(
      `/api/carts/${cartId}/items`,
      jsonBody({ sku, quantity: Math.min(99, onHandOf(sku) + 1) }),
    );
    if (onHandOf(sku) + 1 > 99) throw new Error('pick a SKU with less stock for this test');
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      meta: { available: onHandOf(sku) },
    });
    expect((await readCart(api, cartId)).lines).toEqual([]);
  });

  it('concurrent adds to one cart stop exactly at the stock: the rest are 409 and the line never passes it', async () => {
    const api = newClient();
    const cartId = newId('cart');
    const level = data.inventory.find((l) => l.onHand >= 3 && l.onHand <= 30)!;
    const extra = 6;
    const statuses = await Promise.all(
      Array.from({ length: level.onHand + extra }, async () => {
        const res = await api(`/api/carts/${cartId}/items`, jsonBody({ sku: level.sku, quantity: 1 }));
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(level.onHand);
    expect(statuses.filter((s) => s === 409)).toHaveLength(extra);
    expect((await readCart(api, cartId)).lines).toMatchObject([{ sku: level.sku, quantity: level.onHand }]);

    // Setting the line past the stock is refused the same way.
    const set = await api(`/api/carts/${cartId}/items/${level.sku}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ quantity: level.onHand + 1 }),
    });
    expect(set.status).toBe(409);
    expect(await set.json()).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      meta: { available: level.onHand },
    });
  });

  it('rejects malformed JSON with 400', async () => {
    const api = newClient();
    const res = await api(`/api/carts/${newId('cart')}/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"sku": "A",',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'MALFORMED_REQUEST' });
  });

  it('rejects a form body with 415', async () => {
    const api = newClient();
    const res = await api(`/api/carts/${newId('cart')}/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'sku=A&quantity=1',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('rejects an oversized body with 413', async () => {
    const api = newClient();
    const res = await api(
      `/api/carts/${newId('cart')}/items`,
      jsonBody({ sku: stockedSku(data), quantity: 1, padding: 'x'.repeat(70_000) }),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('rejects a malformed cart id with 400', async () => {
    const res = await newClient()(
      '/api/carts/not-a-cart/items',
      jsonBody({ sku: stockedSku(data), quantity: 1 }),
    );
    expect(res.status).toBe(400);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and request, without adding twice', async () => {
    const api = newClient();
    const cartId = newId('cart');
    const sku = stockedSku(data, 2);
    const init = jsonBody({ sku, quantity: 1 }, { 'Idempotency-Key': 'add-key-0001-first' });
    const first = await api(`/api/carts/${cartId}/items`, init);
    const replay = await api(`/api/carts/${cartId}/items`, init);
    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.headers.get('Cache-Control')).toBe('private, no-store');
    expect(await replay.json()).toEqual(await first.json());
    expect((await readCart(api, cartId)).lines[0]!.quantity).toBe(1);
  });

  it('answers 422 when the same key comes with a different body', async () => {
    const api = newClient();
    const cartId = newId('cart');
    const sku = stockedSku(data, 3);
    await api(
      `/api/carts/${cartId}/items`,
      jsonBody({ sku, quantity: 1 }, { 'Idempotency-Key': 'add-key-0002-second' }),
    );
    const res = await api(
      `/api/carts/${cartId}/items`,
      jsonBody({ sku, quantity: 2 }, { 'Idempotency-Key': 'add-key-0002-second' }),
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect((await readCart(api, cartId)).lines[0]!.quantity).toBe(1);
  });

  it('lets a rejected request be retried with the same key', async () => {
    const api = newClient();
    const cartId = newId('cart');
    const sku = stockedSku(data, 1);
    const bad = await api(
      `/api/carts/${cartId}/items`,
      jsonBody({ sku: 'NOPE-1', quantity: 1 }, { 'Idempotency-Key': 'retry-key-0001-aa' }),
    );
    expect(bad.status).toBe(422);
    const good = await api(
      `/api/carts/${cartId}/items`,
      jsonBody({ sku, quantity: 1 }, { 'Idempotency-Key': 'retry-key-0001-aa' }),
    );
    expect(good.status).toBe(200);
  });

  it('rejects a malformed key', async () => {
    const res = await newClient()(
      `/api/carts/${newId('cart')}/items`,
      jsonBody({ sku: stockedSku(data), quantity: 1 }, { 'Idempotency-Key': 'short' }),
    );
    expect(res.status).toBe(400);
  });

  it('concurrent requests with one key add once', async () => {
    const api = newClient();
    const cartId = newId('cart');
    const sku = stockedSku(data, 2);
    const init = () => jsonBody({ sku, quantity: 1 }, { 'Idempotency-Key': 'concurrent-key-1' });
    const statuses = (
      await Promise.all(Array.from({ length: 5 }, () => api(`/api/carts/${cartId}/items`, init())))
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    expect((await readCart(api, cartId)).lines[0]!.quantity).toBe(1);
  });
});

describe('rate limiting', () => {
  it('throttles a client that sends too many state-changing requests with 429', async () => {
    const api = newClient();
    await startEarlyInWindow(60, 30_000);
    let limited: Response | undefined;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await api('/api/carts', { method: 'POST' });
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get('Retry-After')).toBe('60');
    expect(await limited?.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await newClient()('/api/carts', { method: 'POST' })).status).toBe(201);
  }, 90_000);
});
