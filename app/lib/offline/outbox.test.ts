/** Outbox replay logic in Node: decisions, ordering, retries and rejections (IndexedDB itself is covered by e2e). */

import { newId } from '@domain/core/ids';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxEntry } from './db';
import {
  decideReplay,
  enqueue,
  flushOutbox,
  MAX_SERVER_ATTEMPTS,
  type OutboxRejection,
  type OutboxStore,
} from './outbox';
import { toOutboxRequest } from './outbox-requests';

const CART = newId('cart', Date.UTC(2026, 10, 1));

/** An in-memory OutboxStore with the same ordering contract as the Dexie one. */
function memoryStore() {
  const entries = new Map<number, OutboxEntry>();
  const rejected: OutboxRejection[] = [];
  let nextId = 1;
  const store: OutboxStore = {
    add: async (entry) => {
      const id = nextId++;
      entries.set(id, { ...entry, id });
      return id;
    },
    list: async () => [...entries.values()].sort((a, b) => a.id! - b.id!),
    remove: async (id) => {
      entries.delete(id);
    },
    update: async (id, changes) => {
      entries.set(id, { ...entries.get(id)!, ...changes });
    },
    reject: async (id, rejection) => {
      entries.delete(id);
      rejected.push(rejection);
    },
  };
  return { store, entries, rejected };
}

interface Sent {
  method: string;
  url: string;
  key: string | null;
  body: unknown;
}

/** A fetch that records requests and answers from a script, one response (or thrown error) per call. */
function scriptedFetch(script: Array<Response | Error>) {
  const sent: Sent[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    sent.push({
      method: init?.method ?? 'GET',
      url: String(input),
      key: headers.get('Idempotency-Key'),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
    const next = script.shift() ?? new Response('{}', { status: 200 });
    if (next instanceof Error) throw next;
    return next;
  }) as typeof fetch;
  return { fetchFn, sent };
}

function problem(status: number, code: string): Response {
  return new Response(JSON.stringify({ status, code, detail: `${code} happened` }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

describe('decideReplay', () => {
  it('maps outcomes to done, retry or reject', () => {
    expect(decideReplay({ type: 'response', status: 200 }, 0).action).toBe('done');
    expect(decideReplay({ type: 'response', status: 201 }, 3).action).toBe('done');
    expect(decideReplay({ type: 'network-error', message: 'Failed to fetch' }, 50).action).toBe('retry');
    expect(decideReplay({ type: 'response', status: 503 }, 0).action).toBe('retry');
    expect(decideReplay({ type: 'response', status: 429, code: 'RATE_LIMITED' }, 0).action).toBe('retry');
    expect(decideReplay({ type: 'response', status: 401 }, 0).action).toBe('retry');
    expect(decideReplay({ type: 'response', status: 409, code: 'IDEMPOTENCY_IN_PROGRESS' }, 0).action).toBe(
      'retry',
    );
    expect(decideReplay({ type: 'response', status: 409, code: 'INSUFFICIENT_STOCK' }, 0).action).toBe(
      'reject',
    );
    expect(decideReplay({ type: 'response', status: 422, code: 'IDEMPOTENCY_KEY_REUSED' }, 0).action).toBe(
      'reject',
    );
    expect(decideReplay({ type: 'response', status: 400 }, 0).action).toBe('reject');
    expect(decideReplay({ type: 'response', status: 404 }, 0).action).toBe('reject');
  });

  it('gives up on server errors after MAX_SERVER_ATTEMPTS, never on network errors', () => {
    expect(decideReplay({ type: 'response', status: 500 }, MAX_SERVER_ATTEMPTS - 2).action).toBe('retry');
    const last = decideReplay({ type: 'response', status: 500 }, MAX_SERVER_ATTEMPTS - 1);
    expect(last).toMatchObject({ action: 'reject', reason: expect.stringContaining('gave up') });
    expect(decideReplay({ type: 'network-error', message: 'offline' }, MAX_SERVER_ATTEMPTS * 10).action).toBe(
      'retry',
    );
  });
});

describe('toOutboxRequest', () => {
  it('maps each kind to its API request', () => {
    expect(toOutboxRequest('cart.add', { cartId: CART, sku: 'TSH-1', quantity: 2 })).toEqual({
      ok: true,
      value: { method: 'POST', path: `/api/carts/${CART}/items`, body: { sku: 'TSH-1', quantity: 2 } },
    });
    expect(toOutboxRequest('cart.set', { cartId: CART, sku: 'TSH-1', quantity: 0 })).toMatchObject({
      value: { method: 'PUT', path: `/api/carts/${CART}/items/TSH-1`, body: { quantity: 0 } },
    });
    expect(toOutboxRequest('cart.remove', { cartId: CART, sku: 'TSH-1' })).toMatchObject({
      value: { method: 'DELETE', path: `/api/carts/${CART}/items/TSH-1` },
    });
  });

  it('refuses unknown kinds and invalid payloads', () => {
    expect(toOutboxRequest('cart.explode', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    const bad = toOutboxRequest('cart.add', { cartId: 'cart_nope', sku: 'TSH-1', quantity: 1000 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(bad.ok ? '' : bad.error.detail).toMatch(/cartId.*quantity/s);
    expect(toOutboxRequest('cart.add', { cartId: CART, sku: 'TSH-1', quantity: 1, price: 1 }).ok).toBe(false);
  });
});

describe('enqueue', () => {
  it('stores a validated entry with a fresh idempotency key', async () => {
    const { store, entries } = memoryStore();
    const a = await enqueue('cart.add', { cartId: CART, sku: 'MUG-1', quantity: 1 }, { store, now: 1_000 });
    const b = await enqueue('cart.add', { cartId: CART, sku: 'MUG-1', quantity: 1 }, { store, now: 2_000 });
    expect(a).toMatchObject({ id: 1, kind: 'cart.add', attempts: 0, createdAt: 1_000 });
    expect(a.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.idempotencyKey).not.toBe(a.idempotencyKey);
    expect(entries.size).toBe(2);
  });

  it('throws on an invalid payload and stores nothing', async () => {
    const { store, entries } = memoryStore();
    await expect(
      enqueue('cart.add', { cartId: CART, sku: 'MUG-1', quantity: 0 }, { store }),
    ).rejects.toThrow();
    expect(entries.size).toBe(0);
  });
});

describe('enqueue asks the service worker to replay', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** A navigator with a controlling SW; `sync` present or not (Background Sync is Chromium-only). */
  function stubServiceWorker(sync?: { register(tag: string): Promise<void> }) {
    const postMessage = vi.fn();
    vi.stubGlobal('navigator', {
      serviceWorker: { controller: { postMessage }, ready: Promise.resolve(sync ? { sync } : {}) },
    });
    return postMessage;
  }

  it('registers a Background Sync after storing the entry where the browser has it', async () => {
    const { store, entries } = memoryStore();
    const register = vi.fn(async (_tag: string) => {
      expect(entries.size).toBe(1); // the SW must find the entry when the sync fires
    });
    const postMessage = stubServiceWorker({ register });
    await enqueue('cart.add', { cartId: CART, sku: 'MUG-1', quantity: 1 }, { store });
    expect(register.mock.calls).toEqual([['outbox']]);
    expect(postMessage).not.toHaveBeenCalled();
  });

  it('posts flush-outbox to the SW without Background Sync, or when the sync is refused', async () => {
    const { store } = memoryStore();
    const withoutSync = stubServiceWorker();
    await enqueue('cart.add', { cartId: CART, sku: 'MUG-1', quantity: 1 }, { store });
    expect(withoutSync.mock.calls).toEqual([[{ type: 'flush-outbox' }]]);

    const refused = stubServiceWorker({ register: () => Promise.reject(new Error('NotAllowedError')) });
    await enqueue('cart.add', { cartId: CART, sku: 'MUG-1', quantity: 1 }, { store });
    expect(refused.mock.calls).toEqual([[{ type: 'flush-outbox' }]]);
  });

  it('still queues when no service worker controls the page', async () => {
    const { store, entries } = memoryStore();
    vi.stubGlobal('navigator', { serviceWorker: { controller: null, ready: new Promise(() => {}) } });
    await enqueue('cart.add', { cartId: CART, sku: 'MUG-1', quantity: 1 }, { store });
    vi.stubGlobal('navigator', {});
    await enqueue('cart.add', { cartId: CART, sku: 'MUG-1', quantity: 1 }, { store });
    expect(entries.size).toBe(2);
  });
});

describe('flushOutbox', () => {
  it('replays entries in order with their idempotency keys and removes them on 2xx', async () => {
    const { store, entries } = memoryStore();
    const add = await enqueue('cart.add', { cartId: CART, sku: 'MUG-1', quantity: 2 }, { store });
    const set = await enqueue('cart.set', { cartId: CART, sku: 'MUG-1', quantity: 5 }, { store });
    const remove = await enqueue('cart.remove', { cartId: CART, sku: 'MUG-1' }, { store });
    const { fetchFn, sent } = scriptedFetch([new Response('{}'), new Response('{}'), new Response('{}')]);

    const report = await flushOutbox(fetchFn, { store, baseUrl: 'https://shop.test' });

    expect(report).toEqual({ sent: 3, rejected: [], remaining: 0 });
    expect(entries.size).toBe(0);
    expect(sent).toEqual([
      {
        method: 'POST',
        url: `https://shop.test/api/carts/${CART}/items`,
        key: add.idempotencyKey,
        body: { sku: 'MUG-1', quantity: 2 },
      },
      {
        method: 'PUT',
        url: `https://shop.test/api/carts/${CART}/items/MUG-1`,
        key: set.idempotencyKey,
        body: { quantity: 5 },
      },
      {
        method: 'DELETE',
        url: `https://shop.test/api/carts/${CART}/items/MUG-1`,
        key: remove.idempotencyKey,
        body: undefined,
      },
    ]);
  });

  it('stops at a network error, keeps that entry and the later ones, and counts the attempt', async () => {
    const { store, entries } = memoryStore();
    await enqueue('cart.add', { cartId: CART, sku: 'A-1', quantity: 1 }, { store });
    await enqueue('cart.add', { cartId: CART, sku: 'B-1', quantity: 1 }, { store });
    await enqueue('cart.add', { cartId: CART, sku: 'C-1', quantity: 1 }, { store });
    const { fetchFn, sent } = scriptedFetch([new Response('{}'), new TypeError('Failed to fetch')]);

    const report = await flushOutbox(fetchFn, { store });

    expect(report).toMatchObject({ sent: 1, remaining: 2, halted: 'network: Failed to fetch' });
    expect(sent.map((s) => (s.body as { sku: string }).sku)).toEqual(['A-1', 'B-1']);
    const left = await store.list();
    expect(left.map((e) => [e.payload, e.attempts])).toEqual([
      [{ cartId: CART, sku: 'B-1', quantity: 1 }, 1],
      [{ cartId: CART, sku: 'C-1', quantity: 1 }, 0],
    ]);
    expect(left[0]?.lastError).toBe('network: Failed to fetch');
    expect(entries.size).toBe(2);

    // Back online: the same key is sent again, so the server can recognise a write it may already have applied.
    const retry = scriptedFetch([]);
    expect(await flushOutbox(retry.fetchFn, { store })).toMatchObject({ sent: 2, remaining: 0 });
    expect(retry.sent[0]?.key).toBe(left[0]?.idempotencyKey);
  });

  it('tells the store the queue drained only after a pass that left nothing behind', async () => {
    const { store } = memoryStore();
    const drained = vi.fn(async () => {});
    store.drained = drained;
    await enqueue('cart.add', { cartId: CART, sku: 'A-1', quantity: 1 }, { store });
    await enqueue('cart.add', { cartId: CART, sku: 'B-1', quantity: 1 }, { store });

    await flushOutbox(scriptedFetch([new Response('{}'), new TypeError('Failed to fetch')]).fetchFn, {
      store,
    });
    expect(drained).not.toHaveBeenCalled();

    await flushOutbox(scriptedFetch([problem(409, 'INSUFFICIENT_STOCK')]).fetchFn, { store });
    expect(drained).toHaveBeenCalledTimes(1);
  });

  it('rejects a write that can never succeed, records why, and carries on with the next one', async () => {
    const { store, rejected } = memoryStore();
    await enqueue('cart.add', { cartId: CART, sku: 'RARE-1', quantity: 9 }, { store });
    await enqueue('cart.add', { cartId: CART, sku: 'MUG-1', quantity: 1 }, { store });
    const { fetchFn, sent } = scriptedFetch([problem(409, 'INSUFFICIENT_STOCK'), new Response('{}')]);

    const report = await flushOutbox(fetchFn, { store, now: () => 42 });

    expect(sent).toHaveLength(2);
    expect(report).toMatchObject({ sent: 1, remaining: 0 });
    expect(rejected).toEqual([
      {
        kind: 'cart.add',
        payload: { cartId: CART, sku: 'RARE-1', quantity: 9 },
        idempotencyKey: expect.any(String),
        status: 409,
        code: 'INSUFFICIENT_STOCK',
        reason: 'HTTP 409 INSUFFICIENT_STOCK: INSUFFICIENT_STOCK happened',
        at: 42,
      },
    ]);
    expect(report.rejected).toEqual(rejected);
  });

  it('keeps an entry through server errors, then gives it up after MAX_SERVER_ATTEMPTS', async () => {
    const { store, rejected } = memoryStore();
    await enqueue('cart.add', { cartId: CART, sku: 'A-1', quantity: 1 }, { store });
    for (let attempt = 1; attempt < MAX_SERVER_ATTEMPTS; attempt++) {
      const report = await flushOutbox(scriptedFetch([problem(503, 'UNAVAILABLE')]).fetchFn, { store });
      expect(report).toMatchObject({ sent: 0, remaining: 1 });
      expect((await store.list())[0]?.attempts).toBe(attempt);
    }
    const final = await flushOutbox(scriptedFetch([problem(503, 'UNAVAILABLE')]).fetchFn, { store });
    expect(final).toMatchObject({ sent: 0, remaining: 0 });
    expect(rejected[0]?.reason).toMatch(/^gave up after 8 attempts/);
  });

  it('drops a tampered entry without sending it', async () => {
    const { store, entries, rejected } = memoryStore();
    const id = await store.add({
      kind: 'cart.add',
      payload: {
        cartId: CART,
        sku: 'MUG-1',
        quantity: 1,
        unitPrice: { amount: 1, currency: 'USD' },
      } as never,
      idempotencyKey: 'k-12345678',
      createdAt: 0,
      attempts: 0,
    });
    const { fetchFn, sent } = scriptedFetch([]);

    const report = await flushOutbox(fetchFn, { store });

    expect(sent).toHaveLength(0);
    expect(entries.has(id)).toBe(false);
    expect(report.rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatch(/Invalid cart\.add payload/);
  });
});
