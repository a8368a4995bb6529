/**
 * Idempotency-Key as a caller sees it: a retry after a server error applies the write once, one client never gets
 * another's response, replays carry no cookies, stored responses are small, and each caller has a key quota.
 */
import { env, SELF } from 'cloudflare:test';
import { createDb } from '@db/client';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { jsonBody, newClient, seedSmallStore } from '@tests/support/workerd';
import { createApp } from '@worker/app';
import type { AppEnv } from '@worker/http/app-env';
import { idempotency } from '@worker/middleware/idempotency';
import { sessions } from '@worker/middleware/session';
import { Hono } from 'hono';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

type Cart = { id: string; lines: { sku: string; quantity: number }[] };

let data: SeedData;
let skus: string[];
beforeAll(async () => {
  data = await seedSmallStore();
  skus = data.inventory.filter((l) => l.onHand >= 5).map((l) => l.sku);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const ctx = {
  waitUntil: () => undefined,
  passThroughOnException: () => undefined,
} as unknown as ExecutionContext;

/**
 * The cart binding whose CartDO applies an add, but whose answer is lost on the way back (a connection dropped after
 * the object committed): the Worker sees an error after the write, and the client a 500.
 */
function answerLostAfterAdd(): Pick<typeof env, 'CART'> {
  const cart = env.CART;
  const lossy = (stub: ReturnType<typeof cart.getByName>) =>
    new Proxy(stub, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop !== 'addItem') return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: unknown[]) => {
          await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          throw new Error('Network connection lost.');
        };
      },
    });
  return {
    CART: new Proxy(cart, {
      get(target, prop) {
        if (prop === 'getByName') return (name: string) => lossy(target.getByName(name));
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }),
  };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('a retry after a server error', () => {
  it('applies an add to cart once: the 500 came after the CartDO write, the retry returns the cart', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const cartId = newId('cart');
    const sku = skus[0]!;
    const key = crypto.randomUUID();
    const init = () =>
      jsonBody({ sku, quantity: 1 }, { 'Idempotency-Key': key, 'CF-Connecting-IP': '192.0.2.50' });

    // The cart already holds another line; the CartDO commits the new one, and its answer is lost.
    const other = skus[1]!;
    const first = await SELF.fetch(
      new Request(
        `http://shop.test/api/carts/${cartId}/items`,
        jsonBody({ sku: other, quantity: 1 }, { 'CF-Connecting-IP': '192.0.2.50' }),
      ),
    );
    expect(first.status).toBe(200);
    const app = createApp();
    const failed = await app.request(
      `http://shop.test/api/carts/${cartId}/items`,
      init(),
      { ...env, ...answerLostAfterAdd() },
      ctx,
    );
    expect(failed.status).toBe(500);
    expect(failed.headers.get('Content-Type')).toBe('application/problem+json');

    // The outbox retries a 5xx with the same key: it is neither refused nor applied a second time.
    const retry = await SELF.fetch(new Request(`http://shop.test/api/carts/${cartId}/items`, init()));
    expect(retry.status).toBe(200);
    const both = [
      expect.objectContaining({ sku: other, quantity: 1 }),
      expect.objectContaining({ sku, quantity: 1 }),
    ];
    expect(((await retry.json()) as Cart).lines).toEqual(both);

    const again = await SELF.fetch(new Request(`http://shop.test/api/carts/${cartId}/items`, init()));
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    const read = (await (await SELF.fetch(`http://shop.test/api/carts/${cartId}`)).json()) as Cart;
    expect(read.lines).toEqual(both);
  });

  it('a different body under a key whose request failed is still a 422', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const cartId = newId('cart');
    const key = crypto.randomUUID();
    const headers = { 'Idempotency-Key': key, 'CF-Connecting-IP': '192.0.2.51' };
    const before = await SELF.fetch(
      new Request(
        `http://shop.test/api/carts/${cartId}/items`,
        jsonBody({ sku: skus[0]!, quantity: 1 }, { 'CF-Connecting-IP': '192.0.2.51' }),
      ),
    );
    expect(before.status).toBe(200);
    const failed = await createApp().request(
      `http://shop.test/api/carts/${cartId}/items`,
      jsonBody({ sku: skus[1]!, quantity: 1 }, headers),
      { ...env, ...answerLostAfterAdd() },
      ctx,
    );
    expect(failed.status).toBe(500);
    const other = await SELF.fetch(
      new Request(
        `http://shop.test/api/carts/${cartId}/items`,
        jsonBody({ sku: skus[1]!, quantity: 2 }, headers),
      ),
    );
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });
});

describe('keys are scoped by the caller', () => {
  it('two clients sending the same key to POST /api/carts each get their own new cart', async () => {
    const key = crypto.randomUUID();
    const a = newClient();
    const b = newClient();
    const first = await a('/api/carts', { method: 'POST', headers: { 'Idempotency-Key': key } });
    const second = await b('/api/carts', { method: 'POST', headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('Idempotent-Replayed')).toBeNull();
    const [ca, cb] = [(await first.json()) as Cart, (await second.json()) as Cart];
    expect(cb.id).not.toBe(ca.id);
    // The same client replaying its key gets its own cart back.
    const replay = await a('/api/carts', { method: 'POST', headers: { 'Idempotency-Key': key } });
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(((await replay.json()) as Cart).id).toBe(ca.id);
  });

  it('a key shorter than 16 characters is a 400; a UUID (what the outbox sends) is accepted', async () => {
    const api = newClient();
    const short = await api('/api/carts', {
      method: 'POST',
      headers: { 'Idempotency-Key': 'fifteen-chars-x' },
    });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const uuid = await api('/api/carts', {
      method: 'POST',
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(uuid.status).toBe(201);
  });

  it('a replay never carries the first response’s Set-Cookie', async () => {
    let calls = 0;
    const app = new Hono<AppEnv>()
      .use(async (c, next) => {
        c.set('db', createDb(env));
        await next();
      })
      .use(sessions)
      .use(idempotency)
      .post('/api/session-like', (c) => {
        c.header('Set-Cookie', 'session=secret-of-the-first-caller; HttpOnly');
        return c.json({ calls: ++calls }, 200);
      });
    const init = () => ({
      method: 'POST',
      headers: { 'Idempotency-Key': 'cookie-key-0000000001', 'CF-Connecting-IP': '192.0.2.52' },
    });
    const first = await app.request('/api/session-like', init(), env);
    expect(first.headers.get('Set-Cookie')).toContain('session=');
    const replay = await app.request('/api/session-like', init(), env);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await replay.json()).toEqual({ calls: 1 });
    expect(replay.headers.get('Set-Cookie')).toBeNull();
    const stored = await env.DB.prepare(
      "SELECT response_headers FROM idempotency_keys WHERE key = 'cookie-key-0000000001'",
    ).first<{ response_headers: string }>();
    expect(stored?.response_headers.toLowerCase()).not.toContain('set-cookie');
  });
});

describe('what is stored is bounded', () => {
  it('a cart write stores a small marker, and a replay answers with the current cart', async () => {
    const api = newClient();
    const cartId = newId('cart');
    for (const sku of skus.slice(1, 6)) {
      expect((await api(`/api/carts/${cartId}/items`, jsonBody({ sku, quantity: 1 }))).status).toBe(200);
    }
    const key = crypto.randomUUID();
    const init = () => jsonBody({ sku: skus[0]!, quantity: 1 }, { 'Idempotency-Key': key });
    const first = await api(`/api/carts/${cartId}/items`, init());
    expect(first.status).toBe(200);
    expect(((await first.json()) as Cart).lines).toHaveLength(6);

    const row = await env.DB.prepare(
      `SELECT length(coalesce(response_body, '')) + length(coalesce(response_headers, '')) AS bytes
       FROM idempotency_keys WHERE key = ?`,
    )
      .bind(key)
      .first<{ bytes: number }>();
    expect(row!.bytes).toBeLessThan(200);

    // A later change shows in the replay: it re-reads the cart instead of returning a stored copy.
    await api(`/api/carts/${cartId}/items/${skus[1]!}`, { method: 'DELETE' });
    const replay = await api(`/api/carts/${cartId}/items`, init());
    expect(replay.status).toBe(200);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.headers.get('Cache-Control')).toBe('private, no-store');
    const cart = (await replay.json()) as Cart;
    expect(cart.lines).toHaveLength(5);
    expect(cart.lines.find((l) => l.sku === skus[0])?.quantity).toBe(1);
  });

  /** Writes `count` finished keys for the cart's caller directly (as other isolates would have). */
  async function fillKeys(cartId: string, count: number, from = 0) {
    const caller = (await sha256Hex(`cart:${cartId}`)).slice(0, 32);
    const now = Date.now();
    const insert = env.DB.prepare(
      `INSERT INTO idempotency_keys (scope, key, caller, request_hash, status_code, created_at)
       VALUES (?, ?, ?, 'h', 200, ?)`,
    );
    await env.DB.batch(
      Array.from({ length: count }, (_, i) =>
        insert.bind(
          `${caller} POST /api/carts/${cartId}/items`,
          `filler-key-${String(from + i).padStart(8, '0')}`,
          caller,
          now - i,
        ),
      ),
    );
  }

  it('each caller may hold 500 keys a day; past that a new key is a 429 problem', async () => {
    const api = newClient();
    const cartId = newId('cart');
    await fillKeys(cartId, 500);
    const res = await api(
      `/api/carts/${cartId}/items`,
      jsonBody({ sku: skus[0]!, quantity: 1 }, { 'Idempotency-Key': crypto.randomUUID() }),
    );
    expect(res.status).toBe(429);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 429, code: 'IDEMPOTENCY_KEY_QUOTA' });
    expect(((await (await api(`/api/carts/${cartId}`)).json()) as Cart).lines).toEqual([]);
    // Another caller is not affected.
    const other = await api(
      `/api/carts/${newId('cart')}/items`,
      jsonBody({ sku: skus[0]!, quantity: 1 }, { 'Idempotency-Key': crypto.randomUUID() }),
    );
    expect(other.status).toBe(200);
  });

  it('counts every new key of a caller near its quota, even right after counting', async () => {
    const api = newClient();
    const cartId = newId('cart');
    const add = () =>
      api(
        `/api/carts/${cartId}/items`,
        jsonBody({ sku: skus[0]!, quantity: 1 }, { 'Idempotency-Key': crypto.randomUUID() }),
      );
    await fillKeys(cartId, 480);
    expect((await add()).status).toBe(200); // counted: 480 of 500
    await fillKeys(cartId, 19, 480); // keys made elsewhere meanwhile: 500 with the one above
    const refused = await add();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_QUOTA' });
  });
});
