/** The warehouse outbox's replay in Node: order, version chaining, per-staff ownership, 401 pause, conflicts, backoff. */
import { describe, expect, it } from 'vitest';
import type { WarehouseOrder } from './contract';
import type { EntryBody, EntryKind, WarehouseEntry } from './entries';
import { memoryWarehouseStore } from './memory-store';
import { BASE_BACKOFF_MS, backoffDelay, decide, MAX_ATTEMPTS, syncWarehouse } from './outbox';

function order(id: string, version = 1): WarehouseOrder {
  return {
    id,
    number: `NW-${id}`,
    status: 'processing',
    version,
    placedAt: 1,
    packedAt: null,
    packedBy: null,
    customerName: 'Ada',
    email: 'ada@example.com',
    shipTo: {
      name: 'Ada',
      line1: '1 Main St',
      line2: null,
      city: 'Town',
      region: null,
      postalCode: '12345',
      country: 'US',
      phone: null,
    },
    shippingMethod: 'Standard',
    lines: [
      {
        lineId: `${id}-l1`,
        sku: 'HAM-1',
        name: 'Hammer',
        variantLabel: null,
        quantity: 2,
        shipped: 0,
        picked: 0,
        binLocation: 'A-1',
        barcode: null,
      },
    ],
  };
}

/**
 * A tiny stand-in for /api/warehouse with the contract's rules: versions checked, each write bumps the version,
 * Idempotency-Key replays answer the first result; `fail` can turn any request into a failure first.
 */
function fakeServer(staff = { id: 'stf_b', name: 'Bea' }) {
  const orders = new Map<string, WarehouseOrder>([
    ['o1', order('o1')],
    ['o2', order('o2')],
  ]);
  const seen = new Map<string, { status: number; body: unknown }>();
  const log: { path: string; key: string | null; body: Record<string, unknown> | undefined }[] = [];
  let fail: ((path: string) => Response | Error | 'drop' | undefined) | undefined;
  let session: typeof staff | null = staff;
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    const key = new Headers(init?.headers).get('Idempotency-Key');
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
    const injected = fail?.(path);
    if (injected instanceof Error) throw injected;
    if (injected instanceof Response) return injected;
    if (!session) return json(401, { code: 'UNAUTHENTICATED' });
    if (path === '/api/warehouse/queue') {
      return json(200, { staff: session, generatedAt: 1, orders: [...orders.values()] });
    }
    log.push({ path, key, body });
    const answer =
      key && seen.has(key) ? (seen.get(key) as { status: number; body: unknown }) : apply(path, body);
    if (key && answer.status < 300) seen.set(key, answer);
    if (injected === 'drop') throw new Error('connection dropped after the write');
    return json(answer.status, answer.body);
  }) as typeof fetch;

  function apply(path: string, body: Record<string, unknown> = {}): { status: number; body: unknown } {
    const [, id, action] = /orders\/([^/]+)\/(\w+)$/.exec(path) ?? [];
    const o = orders.get(id as string);
    if (!o) return { status: 404, body: { code: 'NOT_FOUND' } };
    if (action === 'notes') return { status: 201, body: { ok: true } };
    if (o.status === 'cancelled' || body.expectedVersion !== o.version) {
      const reason = o.status === 'cancelled' ? 'cancelled' : 'edited';
      return {
        status: 409,
        body: { code: 'ORDER_CHANGED', detail: 'changed', meta: { reason, current: o } },
      };
    }
    const next = { ...o, version: o.version + 1 };
    if (action === 'picks') {
      const picks = body.lines as { lineId: string; picked: number }[];
      next.lines = o.lines.map((l) => ({
        ...l,
        picked: picks.find((p) => p.lineId === l.lineId)?.picked ?? l.picked,
      }));
    }
    if (action === 'pack') next.packedAt = 5;
    orders.set(o.id, next);
    if (action === 'ship') {
      next.status = 'shipped';
      return {
        status: 201,
        body: {
          shipment: { id: 'shp_1', carrier: 'ups', trackingNumber: '1Z99', trackingUrl: null },
          order: next,
        },
      };
    }
    return { status: 200, body: next };
  }
  return {
    fetchFn,
    orders,
    log,
    failWith(f: typeof fail) {
      fail = f;
    },
    signOut() {
      session = null;
    },
    signIn(s: typeof staff) {
      session = s;
    },
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

let keys = 0;
function entry<K extends EntryKind>(
  kind: K,
  orderId: string,
  body: EntryBody<K>,
  extra: Partial<WarehouseEntry> = {},
): WarehouseEntry {
  return {
    kind,
    orderId,
    orderNumber: `NW-${orderId}`,
    body,
    expectedVersion: kind === 'note' ? null : 1,
    staffId: 'stf_b',
    staffName: 'Bea',
    idempotencyKey: `key-${++keys}`,
    createdAt: 1,
    attempts: 0,
    state: 'pending',
    ...extra,
  } as WarehouseEntry;
}

const ship = { carrier: 'ups', trackingNumber: '1Z999AA1' } as const;

describe('syncWarehouse', () => {
  it('replays one order’s pick, pack and ship in order, each on the version the one before produced', async () => {
    const server = fakeServer();
    const { store, entries, orders } = memoryWarehouseStore();
    await store.add(entry('pick', 'o1', { lines: [{ lineId: 'o1-l1', picked: 1 }] }));
    await store.add(entry('pick', 'o1', { lines: [{ lineId: 'o1-l1', picked: 2 }] }));
    await store.add(entry('pack', 'o1', {}));
    await store.add(entry('ship', 'o1', ship));
    const report = await syncWarehouse({ store, fetchFn: server.fetchFn });
    expect(report).toMatchObject({ sent: 4, attention: 0, remaining: 0 });
    expect(server.log.map((l) => [l.path.split('/').pop(), l.body?.expectedVersion])).toEqual([
      ['picks', 1],
      ['picks', 2],
      ['pack', 3],
      ['ship', 4],
    ]);
    expect(server.orders.get('o1')?.status).toBe('shipped');
    expect(entries.size).toBe(0);
    expect(orders.get('o1')?.order).toMatchObject({ status: 'shipped', version: 5 });
  });

  it('chains on its own write, not on a replayed answer that already shows someone else’s later change', async () => {
    const server = fakeServer();
    const { store } = memoryWarehouseStore();
    await store.add(entry('pick', 'o1', { lines: [{ lineId: 'o1-l1', picked: 1 }] }));
    await store.add(entry('pack', 'o1', {}));
    // The pick's first answer was lost; by its replay an administrator had edited the order (2 → 3), and the replay
    // answers with the order as it is now.
    server.failWith((path) => {
      if (!path.endsWith('/picks')) return undefined;
      const o = server.orders.get('o1')!;
      server.orders.set('o1', { ...o, version: o.version + 2 });
      return json(200, { ...o, version: o.version + 2 });
    });
    const report = await syncWarehouse({ store, fetchFn: server.fetchFn });
    // The pack goes out on version 2 (after the tablet's own pick), meets version 3, and is shown, not applied.
    expect(report).toMatchObject({ sent: 1, attention: 1 });
    expect(server.log.map((l) => [l.path.split('/').pop(), l.body?.expectedVersion])).toEqual([['pack', 2]]);
  });

  it('sends a dropped write again with the same key, and the server applies it once', async () => {
    const server = fakeServer();
    const { store } = memoryWarehouseStore();
    await store.add(entry('ship', 'o1', ship));
    let drops = 1;
    server.failWith((path) => (path.endsWith('/ship') && drops-- > 0 ? 'drop' : undefined));
    expect((await syncWarehouse({ store, fetchFn: server.fetchFn })).halted).toBe('retry-later');
    expect(await syncWarehouse({ store, fetchFn: server.fetchFn, force: true })).toMatchObject({ sent: 1 });
    expect(server.log.map((l) => l.key)).toEqual([`key-${keys}`, `key-${keys}`]);
    expect(server.orders.get('o1')?.version).toBe(2);
  });

  it('replays only the signed-in staff member’s entries and holds the rest of their orders', async () => {
    const server = fakeServer({ id: 'stf_b', name: 'Bea' });
    const { store, entries } = memoryWarehouseStore();
    await store.add(
      entry('pick', 'o1', { lines: [{ lineId: 'o1-l1', picked: 1 }] }, { staffId: 'stf_a', staffName: 'Al' }),
    );
    await store.add(entry('pack', 'o1', {}));
    await store.add(entry('pack', 'o2', {}));
    const report = await syncWarehouse({ store, fetchFn: server.fetchFn });
    expect(report).toMatchObject({ sent: 1, remaining: 2 });
    expect(server.log.map((l) => l.path)).toEqual(['/api/warehouse/orders/o2/pack']);
    expect([...entries.values()].map((e) => e.staffId)).toEqual(['stf_a', 'stf_b']);

    server.signIn({ id: 'stf_a', name: 'Al' });
    expect(await syncWarehouse({ store, fetchFn: server.fetchFn })).toMatchObject({ sent: 1, remaining: 1 });
    expect(server.log.at(-1)?.path).toBe('/api/warehouse/orders/o1/picks');
    expect([...entries.values()].map((e) => e.staffId)).toEqual(['stf_b']);
  });

  it('pauses on a 401 without losing entries, and goes on after signing in again', async () => {
    const server = fakeServer();
    const { store, entries } = memoryWarehouseStore();
    await store.add(entry('pack', 'o1', {}));
    server.signOut();
    expect(await syncWarehouse({ store, fetchFn: server.fetchFn })).toMatchObject({
      halted: 'sign-in',
      remaining: 1,
    });
    expect((await store.getSync()).signInNeeded).toBe(true);
    expect(entries.size).toBe(1);

    // A session that expires between the queue and a write pauses too.
    server.signIn({ id: 'stf_b', name: 'Bea' });
    server.failWith((path) => (path.endsWith('/pack') ? json(401, { code: 'UNAUTHENTICATED' }) : undefined));
    expect(await syncWarehouse({ store, fetchFn: server.fetchFn })).toMatchObject({ halted: 'sign-in' });
    expect(entries.size).toBe(1);

    server.failWith(undefined);
    expect(await syncWarehouse({ store, fetchFn: server.fetchFn })).toMatchObject({ sent: 1, remaining: 0 });
    expect((await store.getSync()).signInNeeded).toBe(false);
  });

  it('puts a conflict in Needs attention with the server’s side, holds that order (notes still go) and goes on', async () => {
    const server = fakeServer();
    server.orders.set('o1', { ...order('o1', 3), status: 'cancelled' });
    const { store, entries } = memoryWarehouseStore();
    await store.add(entry('ship', 'o1', ship));
    await store.add(entry('pack', 'o1', {}));
    await store.add(entry('note', 'o1', { note: 'for the supervisor' }));
    await store.add(entry('pack', 'o2', {}));
    const report = await syncWarehouse({ store, fetchFn: server.fetchFn });
    expect(report).toMatchObject({ sent: 2, attention: 1, remaining: 1 });
    const [refused, held] = [...entries.values()];
    expect(refused).toMatchObject({
      state: 'attention',
      conflict: { status: 409, code: 'ORDER_CHANGED', reason: 'cancelled' },
    });
    expect(refused?.conflict?.current).toMatchObject({ id: 'o1', status: 'cancelled', version: 3 });
    expect(held).toMatchObject({ kind: 'pack', state: 'pending' });
    expect(server.log.map((l) => l.path)).toEqual([
      '/api/warehouse/orders/o1/ship',
      '/api/warehouse/orders/o1/notes',
      '/api/warehouse/orders/o2/pack',
    ]);
  });

  it('backs off after a failure, doubling the wait, and a forced pass or success resets it', async () => {
    const server = fakeServer();
    const { store } = memoryWarehouseStore();
    await store.add(entry('pack', 'o1', {}));
    let now = 1_000;
    server.failWith(() => json(503, { code: 'UNAVAILABLE' }));
    const first = await syncWarehouse({ store, fetchFn: server.fetchFn, now: () => now, random: () => 0 });
    expect(first).toMatchObject({ halted: 'retry-later', retryAt: 1_000 + BASE_BACKOFF_MS });
    now += 100;
    expect(await syncWarehouse({ store, fetchFn: server.fetchFn, now: () => now })).toMatchObject({
      halted: 'backoff',
    });
    now = 1_000 + BASE_BACKOFF_MS;
    const second = await syncWarehouse({ store, fetchFn: server.fetchFn, now: () => now, random: () => 0 });
    expect(second.retryAt).toBe(now + 2 * BASE_BACKOFF_MS);
    // A pass that gets something through before failing waits only the first step again.
    await store.add(entry('pack', 'o2', {}));
    server.failWith((path) => (path.endsWith('o2/pack') ? json(503, {}) : undefined));
    const third = await syncWarehouse({
      store,
      fetchFn: server.fetchFn,
      now: () => now,
      force: true,
      random: () => 0,
    });
    expect(third).toMatchObject({ sent: 1, halted: 'retry-later', retryAt: now + BASE_BACKOFF_MS });
    server.failWith(undefined);
    expect(
      await syncWarehouse({ store, fetchFn: server.fetchFn, now: () => now, force: true }),
    ).toMatchObject({
      sent: 1,
    });
    expect(await store.getSync()).toMatchObject({ failures: 0, retryAt: 0 });
  });
});

describe('decide and backoffDelay', () => {
  it('retries what may pass, pauses on 401 and asks a person about the rest', () => {
    function r(status: number, body: unknown = {}) {
      return decide({ type: 'response', status, body }, 0, 9).action;
    }
    expect(r(200)).toBe('done');
    expect(r(201)).toBe('done');
    expect(r(401)).toBe('sign-in');
    for (const s of [408, 429, 500, 503]) expect(r(s), String(s)).toBe('retry');
    expect(r(409, { code: 'IDEMPOTENCY_IN_PROGRESS' })).toBe('retry');
    for (const s of [400, 403, 404, 409, 422]) expect(r(s), String(s)).toBe('attention');
    expect(decide({ type: 'network-error', message: 'offline' }, MAX_ATTEMPTS - 1, 9).action).toBe(
      'attention',
    );
  });

  it('doubles the wait up to the cap, with at most a quarter of jitter', () => {
    expect([1, 2, 3].map((f) => backoffDelay(f, 0))).toEqual([500, 1000, 2000]);
    expect(backoffDelay(30, 0)).toBe(30_000);
    expect(backoffDelay(1, 0.999)).toBeLessThanOrEqual(625);
  });
});

describe('reading the queue', () => {
  it('follows the pages (`next` → `?after=`) and keeps every order, up to MAX_QUEUE_PAGES', async () => {
    const all = Array.from({ length: 450 }, (_, i) => order(`p${i}`));
    const asked: string[] = [];
    const fetchFn = (async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://tablet.test');
      asked.push(url.search);
      const from = Number(url.searchParams.get('after') ?? 0);
      const page = all.slice(from, from + 200);
      const next = from + 200 < all.length ? String(from + 200) : null;
      return json(200, { staff: { id: 'stf_b', name: 'Bea' }, generatedAt: 1, orders: page, next });
    }) as typeof fetch;
    const { store, orders } = memoryWarehouseStore();
    expect(await syncWarehouse({ store, fetchFn })).toMatchObject({ sent: 0 });
    expect(asked).toEqual(['', '?after=200', '?after=400']);
    expect(orders.size).toBe(450);
  });

  it('a page that fails makes the pass retry later and keeps the device’s copy as it was', async () => {
    const { store, orders } = memoryWarehouseStore();
    let calls = 0;
    const fetchFn = (async () => {
      calls++;
      if (calls === 1)
        return json(200, {
          staff: { id: 'stf_b', name: 'Bea' },
          generatedAt: 1,
          orders: [order('a')],
          next: 'x',
        });
      return json(503, { code: 'UNAVAILABLE' });
    }) as typeof fetch;
    expect(await syncWarehouse({ store, fetchFn })).toMatchObject({ halted: 'retry-later' });
    expect(orders.size).toBe(0);
  });
});
