/**
 * Offline cart writes from two devices on one cart converge: each device queues random add / set / remove intents in
 * its own outbox, then replays them with the real flushOutbox against the real Worker (CartDO, StockDO, D1) through
 * a network that drops requests, loses responses after the server applied them, and delivers some twice. Afterwards
 * both devices show exactly the server's cart, no line is doubled, every line is within limits and stock, and the
 * cart is what the sequential model (domain/cart/cart-intents.ts) predicts from the order writes reached the server.
 */
import { env, SELF } from 'cloudflare:test';
import type { SeedData } from '@db/seed/generate';
import { applyCartIntent, type CartIntent, type IntentLine } from '@domain/cart/cart-intents';
import { MAX_LINE_QUANTITY } from '@domain/cart/limits';
import { newId } from '@domain/core/ids';
import { stockStub } from '@durable-objects/stock';
import { memoryOutbox } from '@tests/support/memory-outbox';
import { seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';
import { intentOf, type ServerCart, ServerCartSchema, showCart } from '~/lib/offline/cart-view';
import { enqueue, flushOutbox } from '~/lib/offline/outbox';

/** A small seeded generator (as holds-chaos.test.ts), so a failing run can be replayed from its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One request as it reached the Worker, in the order it did, and what the Worker answered. */
interface Arrival {
  key: string;
  status: number;
}

let data: SeedData;
/** SKUs in play and their units available: plenty, a few, and (when the seed has one) none. */
let stock: Map<string, number>;
beforeAll(async () => {
  data = await seedSmallStore();
  const levels = await Promise.all(
    data.inventory.map(async ({ sku }) => {
      const level = await stockStub(env, sku).getLevel({ sku });
      return { sku, available: level.ok ? level.value.available : -1 };
    }),
  );
  const plenty = levels.filter((l) => l.available >= 12).slice(0, 2);
  const few = levels.filter((l) => l.available >= 1 && l.available <= 4).slice(0, 1);
  const none = levels.filter((l) => l.available === 0).slice(0, 1);
  stock = new Map([...plenty, ...few, ...none].map((l) => [l.sku, l.available]));
  expect(plenty.length + few.length).toBe(3);
});

let ipCounter = 0;

/**
 * The network as one device sees it: each request is dropped before sending, delivered with its answer lost, or
 * delivered twice (a retry racing the original) with the given odds; every delivery is logged in arrival order.
 */
function flakyNetwork(
  rng: () => number,
  arrivals: Arrival[],
  faults: { drop: number; lose: number; twice: number },
) {
  const ip = `203.0.113.${(++ipCounter % 250) + 1}`;
  async function deliver(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('CF-Connecting-IP', ip);
    const response = await SELF.fetch(new Request(`http://shop.test${path}`, { ...init, headers }));
    arrivals.push({ key: headers.get('Idempotency-Key') ?? '', status: response.status });
    return response;
  }
  const fetchFn = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = String(input);
    const roll = rng();
    if (roll < faults.drop) throw new TypeError('Failed to fetch (dropped before sending)');
    const first = await deliver(path, init);
    if (roll < faults.drop + faults.lose) {
      await first.arrayBuffer();
      throw new TypeError('Failed to fetch (answer lost after the server applied it)');
    }
    if (roll < faults.drop + faults.lose + faults.twice) {
      await first.arrayBuffer();
      return deliver(path, init);
    }
    return first;
  };
  const read = async (cartId: string): Promise<ServerCart> => {
    const response = await SELF.fetch(
      new Request(`http://shop.test/api/carts/${cartId}`, { headers: { 'CF-Connecting-IP': ip } }),
    );
    expect(response.status).toBe(200);
    return ServerCartSchema.parse(await response.json());
  };
  return { fetchFn: fetchFn as typeof fetch, read };
}

/** A device: its own outbox, the last cart the server sent it, and the view it shows (base + queued intents). */
function device(name: string, cartId: string, network: ReturnType<typeof flakyNetwork>) {
  const outbox = memoryOutbox();
  let base: ServerCart | null = null;
  return {
    name,
    outbox,
    async queue(intent: CartIntent): Promise<string> {
      const entry =
        intent.type === 'remove'
          ? await enqueue('cart.remove', { cartId, sku: intent.sku }, { store: outbox.store })
          : await enqueue(
              intent.type === 'add' ? 'cart.add' : 'cart.set',
              { cartId, sku: intent.sku, quantity: intent.quantity },
              { store: outbox.store },
            );
      return entry.idempotencyKey;
    },
    /** One replay pass (it stops at the first entry to retry); reads the server cart once the queue is empty. */
    async flush(): Promise<number> {
      const report = await flushOutbox(network.fetchFn, { store: outbox.store });
      if (report.remaining === 0) base = await network.read(cartId);
      return report.remaining;
    },
    async shown(): Promise<IntentLine[]> {
      const pending = (await outbox.store.list()).map((e) => intentOf(e, cartId)!);
      return showCart(base, pending, new Map(), 'USD').lines.map(({ sku, quantity }) => ({ sku, quantity }));
    },
  };
}

function randomIntent(rng: () => number, skus: string[]): CartIntent {
  const sku = skus[Math.floor(rng() * skus.length)]!;
  const roll = rng();
  if (roll < 0.5) return { type: 'add', sku, quantity: 1 + Math.floor(rng() * 3) };
  if (roll < 0.8) return { type: 'set', sku, quantity: Math.floor(rng() * 7) };
  return { type: 'remove', sku };
}

/** The sequential model: each write applied once, at the first time it reached the server and the rules allowed it. */
function model(arrivals: Arrival[], intents: Map<string, CartIntent>) {
  let lines: IntentLine[] = [];
  const applied = new Set<string>();
  const expectedOk: boolean[] = [];
  for (const { key } of arrivals) {
    if (applied.has(key)) {
      expectedOk.push(true); // a replay answers with the cart, changing nothing
      continue;
    }
    const intent = intents.get(key)!;
    const next = applyCartIntent(lines, intent, stock.get(intent.sku));
    expectedOk.push(next.ok);
    if (next.ok) {
      lines = next.value;
      applied.add(key);
    }
  }
  return { lines, expectedOk };
}

const bySku = (lines: IntentLine[]) => [...lines].sort((a, b) => (a.sku < b.sku ? -1 : 1));

async function runScenario(seed: number, opsPerDevice: number) {
  const rng = random(seed);
  const cartId = newId('cart');
  const arrivals: Arrival[] = [];
  const faults = { drop: 0.15, lose: 0.15, twice: 0.15 };
  const devices = [
    device('A', cartId, flakyNetwork(rng, arrivals, faults)),
    device('B', cartId, flakyNetwork(rng, arrivals, faults)),
  ];
  const intents = new Map<string, CartIntent>();
  const skus = [...stock.keys()];
  const left = devices.map(() => opsPerDevice);

  // Random interleaving: a device either makes one offline change or comes online for one replay pass.
  while (left.some((n) => n > 0)) {
    const d = Math.floor(rng() * devices.length);
    if (left[d]! > 0 && rng() < 0.7) {
      const intent = randomIntent(rng, skus);
      intents.set(await devices[d]!.queue(intent), intent);
      left[d]!--;
    } else {
      await devices[d]!.flush();
    }
  }
  // Back online for good: replay until both queues are empty (network faults still injected).
  for (let pass = 0; pass < 200; pass++) {
    // One device at a time, so the arrival log is the order the server saw (the model replays that order).
    let remaining = 0;
    for (const d of devices) remaining += await d.flush();
    if (remaining === 0) break;
  }
  for (const d of devices) expect(d.outbox.entries.size, `device ${d.name} still has queued writes`).toBe(0);
  // Each device reads the cart once the other is done too (as a page does on the other's broadcast or a reload).
  const server = await flakyNetwork(rng, [], { drop: 0, lose: 0, twice: 0 }).read(cartId);
  for (const d of devices) await d.flush();

  const serverLines = server.lines.map(({ sku, quantity }) => ({ sku, quantity }));
  for (const d of devices)
    expect(bySku(await d.shown()), `device ${d.name} shows the server cart`).toEqual(bySku(serverLines));
  expect(new Set(serverLines.map((l) => l.sku)).size, 'no line doubled').toBe(serverLines.length);
  for (const line of serverLines) {
    expect(line.quantity).toBeGreaterThanOrEqual(1);
    expect(line.quantity).toBeLessThanOrEqual(Math.min(MAX_LINE_QUANTITY, stock.get(line.sku)!));
  }
  const predicted = model(arrivals, intents);
  expect(bySku(serverLines), 'the cart the sequential model predicts').toEqual(bySku(predicted.lines));
  expect(
    arrivals.map((a) => a.status >= 200 && a.status < 300),
    'each delivery accepted or refused as the model says',
  ).toEqual(predicted.expectedOk);
  // Refused writes were given up on, not retried forever, and each device kept them to tell the shopper.
  const refusedKeys = new Set(devices.flatMap((d) => d.outbox.rejected.map((r) => r.idempotencyKey)));
  for (const key of refusedKeys) expect(arrivals.some((a) => a.key === key && a.status >= 400)).toBe(true);
  return { arrivals: arrivals.length, lines: serverLines.length, refused: refusedKeys.size };
}

describe('two devices writing to one cart offline', () => {
  // Fixed seeds keep CI reproducible; one fresh seed per run keeps exploring. A failure names its seed.
  const seeds = [1, 2, 3, 20261203, Math.floor(Math.random() * 2 ** 31)];
  it.each(seeds)(
    'converge on the server cart the sequential model predicts (seed %i)',
    async (seed) => {
      try {
        const run = await runScenario(seed, 18);
        expect(run.arrivals).toBeGreaterThan(0);
      } catch (error) {
        console.error(
          `cart convergence failed with seed ${seed}: replay it by putting ${seed} in the seed list`,
        );
        throw error;
      }
    },
    60_000,
  );
});

describe('a line is never added twice', () => {
  it('an add whose answer was lost after the server applied it is not applied again on replay', async () => {
    const cartId = newId('cart');
    const arrivals: Arrival[] = [];
    const sku = [...stock.entries()].find(([, available]) => available >= 12)![0];
    // The first delivery's answer is lost (a timeout), every later one arrives.
    const lossy = flakyNetwork(() => 0.2, arrivals, { drop: 0, lose: 1, twice: 0 });
    const clean = flakyNetwork(() => 0.99, arrivals, { drop: 0, lose: 0, twice: 0 });
    const outbox = memoryOutbox();
    await enqueue('cart.add', { cartId, sku, quantity: 2 }, { store: outbox.store });

    const first = await flushOutbox(lossy.fetchFn, { store: outbox.store });
    expect(first).toMatchObject({ sent: 0, remaining: 1, halted: expect.stringContaining('answer lost') });
    const second = await flushOutbox(clean.fetchFn, { store: outbox.store });
    expect(second).toMatchObject({ sent: 1, remaining: 0 });
    // And a stale copy of the same entry replayed later (another tab's queue) changes nothing either.
    const stale = memoryOutbox();
    await stale.store.add({
      kind: 'cart.add',
      payload: { cartId, sku, quantity: 2 },
      idempotencyKey: arrivals[0]!.key,
      createdAt: 0,
      attempts: 0,
    });
    expect(await flushOutbox(clean.fetchFn, { store: stale.store })).toMatchObject({ sent: 1, remaining: 0 });

    expect(arrivals.map((a) => a.status)).toEqual([200, 200, 200]);
    const cart = await clean.read(cartId);
    expect(cart.lines.map(({ sku, quantity }) => ({ sku, quantity }))).toEqual([{ sku, quantity: 2 }]);
  });
});
