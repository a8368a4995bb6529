/**
 * The warehouse API through the real Worker and D1: the queue (content, order, who may read it), picks (absolute,
 * idempotent, validated), pack (pending → processing), ship (one shipment on replay), notes, and the conflicts an
 * offline tablet meets: an admin address edit (409 ORDER_CHANGED, reason edited, with the server's order) and a
 * cancel (reason cancelled, nothing written).
 */
import { env } from 'cloudflare:workers';
import { createDb } from '@db/client';
import { queueSql } from '@db/repositories/warehouse';
import type { SeedData } from '@db/seed/generate';
import { createStaff, loginCookie } from '@tests/support/accounts';
import { jsonBody, newClient, seedSmallStore } from '@tests/support/workerd';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS, placeOrder, readyCheckout } from '../checkout/support';

let data: SeedData;
let admin: string;
let warehouse: string;
let warehouseName: string;
let warehouseId: string;
let content: string;
const api = newClient();

beforeAll(async () => {
  data = await seedSmallStore();
  const wh = await createStaff(['warehouse']);
  warehouseId = wh.id;
  warehouseName = (await env.DB.prepare('SELECT name FROM staff_users WHERE id = ?')
    .bind(wh.id)
    .first<{ name: string }>())!.name;
  [admin, warehouse, content] = await Promise.all([
    createStaff(['admin']).then((s) => loginCookie('staff', s)),
    loginCookie('staff', wh),
    createStaff(['content']).then((s) => loginCookie('staff', s)),
  ]);
});

const as = (cookie: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), Cookie: cookie },
});
let keyCounter = 0;
const newKey = () => `wh-test-${Date.now()}-${++keyCounter}-${crypto.randomUUID()}`;
const write = (cookie: string, path: string, body: unknown, key = newKey()) =>
  api(path, as(cookie, jsonBody(body, { 'Idempotency-Key': key })));

type Line = {
  lineId: string;
  sku: string;
  quantity: number;
  shipped: number;
  picked: number;
  binLocation: string | null;
};
type WOrder = {
  id: string;
  number: string;
  status: string;
  version: number;
  packedAt: number | null;
  packedBy: string | null;
  lines: Line[];
  shipTo: { line1: string };
};
type Problem = { code: string; meta?: { reason?: string; current?: WOrder }; errors?: { path: string }[] };

/** An order of two lines (2 units and 1 unit), placed and paid through checkout; its id. */
async function newOrder(): Promise<string> {
  const skus = data.inventory.filter((l) => l.onHand >= 30).map((l) => l.sku);
  const { api: shop, checkoutId } = await readyCheckout([
    { sku: skus[0]!, quantity: 2 },
    { sku: skus[1]!, quantity: 1 },
  ]);
  const placed = await placeOrder(shop, checkoutId, 'success');
  expect(placed.status).toBe(201);
  const { number } = (await placed.json()) as { number: string };
  const row = await env.DB.prepare('SELECT id FROM orders WHERE number = ?')
    .bind(number)
    .first<{ id: string }>();
  return row!.id;
}

async function queue(cookie = warehouse) {
  const res = await api('/api/warehouse/queue', as(cookie));
  expect(res.status).toBe(200);
  return (await res.json()) as { staff: { id: string; name: string }; orders: WOrder[]; next: string | null };
}

async function inQueue(orderId: string): Promise<WOrder | undefined> {
  let after: string | null = null;
  do {
    const res = await api(`/api/warehouse/queue${after ? `?after=${after}` : ''}`, as(warehouse));
    const page = (await res.json()) as { orders: WOrder[]; next: string | null };
    const hit = page.orders.find((o) => o.id === orderId);
    if (hit) return hit;
    after = page.next;
  } while (after);
  return undefined;
}

async function counts(orderId: string) {
  return (await env.DB.prepare(
    `SELECT (SELECT count(*) FROM shipments WHERE order_id = ?1) AS shipments,
      (SELECT count(*) FROM order_events WHERE order_id = ?1) AS events,
      (SELECT status FROM orders WHERE id = ?1) AS status,
      (SELECT version FROM orders WHERE id = ?1) AS version,
      (SELECT sum(picked) FROM order_lines WHERE order_id = ?1) AS picked`,
  )
    .bind(orderId)
    .first<{ shipments: number; events: number; status: string; version: number; picked: number }>())!;
}

describe('the queue', () => {
  it('lists paid orders with units left, oldest first, with lines, bins and who is asking', async () => {
    const first = await newOrder();
    const second = await newOrder();
    const sku = (await inQueue(first))!.lines[0]!.sku;
    await env.DB.prepare('UPDATE inventory_levels SET bin_location = ? WHERE sku = ?')
      .bind('B-07-1', sku)
      .run();
    const page = await queue();
    expect(page.staff).toEqual({ id: warehouseId, name: warehouseName });
    const ids = page.orders.map((o) => o.id);
    expect(ids.indexOf(first)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    const order = page.orders.find((o) => o.id === first)!;
    expect(order).toMatchObject({ status: 'pending', version: 1, packedAt: null, packedBy: null });
    expect(order.shipTo).toMatchObject({ line1: ADDRESS.line1 });
    expect(order.lines.map((l) => [l.quantity, l.shipped, l.picked])).toEqual([
      [2, 0, 0],
      [1, 0, 0],
    ]);
    expect(order.lines.find((l) => l.sku === sku)!.binLocation).toBe('B-07-1');
    const placed = page.orders.map((o) => (o as unknown as { placedAt: number }).placedAt);
    expect([...placed].sort((a, b) => a - b)).toEqual(placed);
  });

  it('leaves out shipped, cancelled and unpaid orders', async () => {
    const cancelled = await newOrder();
    const cancel = await write(admin, `/api/admin/orders/${cancelled}/cancel`, {
      reason: 'Customer asked',
      restock: true,
    });
    expect(cancel.status).toBe(200);
    const unpaid = await newOrder();
    await env.DB.prepare("UPDATE payments SET status = 'authorized' WHERE order_id = ?").bind(unpaid).run();
    expect(await inQueue(cancelled)).toBeUndefined();
    expect(await inQueue(unpaid)).toBeUndefined();
  });

  it('is for staff with fulfilment:read only', async () => {
    expect((await api('/api/warehouse/queue')).status).toBe(401);
    const denied = await api('/api/warehouse/queue', as(content));
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as Problem).code).toBe('FORBIDDEN');
    expect((await api('/api/warehouse/queue', as(admin))).status).toBe(200);
    const write403 = await write(content, `/api/warehouse/orders/${await newOrder()}/pack`, {
      expectedVersion: 1,
    });
    expect(write403.status).toBe(403);
  });

  it('walks the partial index in queue order: no temporary sort, one probe per candidate', async () => {
    const db = createDb(env);
    for (const after of [null, { placedAt: 1, id: 'ord_x' }]) {
      const plan = await db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${queueSql(200, after)}`);
      const details = plan.map((r) => r.detail).join('\n');
      expect(details).toContain('USING INDEX orders_fulfil_queue_idx');
      expect(details).not.toContain('TEMP B-TREE');
      expect(details).not.toMatch(/SCAN (p|l|sl)\b/);
    }
  });
});

describe('picks', () => {
  it('sets absolute counts, bumps the version, and a replay changes nothing more', async () => {
    const id = await newOrder();
    const order = (await inQueue(id))!;
    const key = newKey();
    const body = { expectedVersion: 1, lines: [{ lineId: order.lines[0]!.lineId, picked: 2 }] };
    const res = await write(warehouse, `/api/warehouse/orders/${id}/picks`, body, key);
    expect(res.status).toBe(200);
    const after = (await res.json()) as WOrder;
    expect(after.version).toBe(2);
    expect(after.lines[0]!.picked).toBe(2);
    const again = await write(warehouse, `/api/warehouse/orders/${id}/picks`, body, key);
    expect(again.status).toBe(200);
    expect(((await again.json()) as WOrder).version).toBe(2);
    expect(await counts(id)).toMatchObject({ version: 2, picked: 2 });
    // Absolute: setting 1 (at the new version) leaves 1, not 3.
    const lower = await write(warehouse, `/api/warehouse/orders/${id}/picks`, {
      expectedVersion: 2,
      lines: [{ lineId: order.lines[0]!.lineId, picked: 1 }],
    });
    expect(((await lower.json()) as WOrder).lines[0]!.picked).toBe(1);
  });

  it('refuses bad entries with a 400 and writes nothing', async () => {
    const id = await newOrder();
    const order = (await inQueue(id))!;
    const path = `/api/warehouse/orders/${id}/picks`;
    const [a, b] = order.lines as [Line, Line];
    for (const body of [
      { expectedVersion: 1, lines: [{ lineId: a.lineId, picked: 3 }] }, // more than ordered
      { expectedVersion: 1, lines: [{ lineId: b.lineId, picked: -1 }] },
      { expectedVersion: 1, lines: [{ lineId: a.lineId, picked: 1 }], extra: true },
      { expectedVersion: 1, lines: [{ lineId: a.lineId, picked: 1, bin: 'A' }] },
      { expectedVersion: 1, lines: [{ lineId: 'ordl_nope', picked: 1 }] },
      { lines: [{ lineId: a.lineId, picked: 1 }] },
    ]) {
      const res = await write(warehouse, path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as Problem).code).toBe('VALIDATION_FAILED');
    }
    expect(await counts(id)).toMatchObject({ version: 1, picked: 0 });
    expect(
      (
        await write(warehouse, '/api/warehouse/orders/ord_missing/picks', {
          expectedVersion: 1,
          lines: [{ lineId: a.lineId, picked: 1 }],
        })
      ).status,
    ).toBe(400);
  });
});

describe('pack and ship', () => {
  it('pack moves a pending order to processing and records who packed it', async () => {
    const id = await newOrder();
    const res = await write(warehouse, `/api/warehouse/orders/${id}/pack`, { expectedVersion: 1 });
    expect(res.status).toBe(200);
    const packed = (await res.json()) as WOrder;
    expect(packed).toMatchObject({ status: 'processing', version: 2, packedBy: warehouseName });
    expect(packed.packedAt).toEqual(expect.any(Number));
  });

  it('a pack replayed from another address (the service worker, or Wi-Fi to mobile data) is the same request', async () => {
    const id = await newOrder();
    const key = newKey();
    const first = await write(warehouse, `/api/warehouse/orders/${id}/pack`, { expectedVersion: 1 }, key);
    expect(first.status).toBe(200);
    const elsewhere = newClient();
    const again = await elsewhere(
      `/api/warehouse/orders/${id}/pack`,
      as(warehouse, jsonBody({ expectedVersion: 1 }, { 'Idempotency-Key': key })),
    );
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(((await again.json()) as WOrder).version).toBe(2);
    expect((await counts(id)).version).toBe(2);
  });

  it('ship ships everything left once, however often it is replayed', async () => {
    const id = await newOrder();
    const key = newKey();
    const body = { expectedVersion: 1, carrier: 'ups', trackingNumber: '1Z999AA10123456784' };
    const first = await write(warehouse, `/api/warehouse/orders/${id}/ship`, body, key);
    expect(first.status).toBe(201);
    const shipped = (await first.json()) as { shipment: { id: string; trackingUrl: string }; order: WOrder };
    expect(shipped.order).toMatchObject({ id, status: 'shipped', version: 2 });
    expect(shipped.shipment.trackingUrl).toContain('1Z999AA10123456784');
    const again = await write(warehouse, `/api/warehouse/orders/${id}/ship`, body, key);
    expect([200, 201]).toContain(again.status);
    expect(((await again.json()) as typeof shipped).shipment.id).toBe(shipped.shipment.id);
    // Another staff session replaying the same outbox entry: the shipments service finds the parcel by its key.
    const other = await write(admin, `/api/warehouse/orders/${id}/ship`, body, key);
    expect(other.status).toBe(200);
    expect(((await other.json()) as typeof shipped).shipment.id).toBe(shipped.shipment.id);
    expect(await counts(id)).toMatchObject({ shipments: 1, status: 'shipped' });
    expect(await inQueue(id)).toBeUndefined();
  });

  it('refuses an unknown carrier or a missing tracking number', async () => {
    const id = await newOrder();
    for (const body of [
      { expectedVersion: 1, carrier: 'pigeon', trackingNumber: '12345' },
      { expectedVersion: 1, carrier: 'dhl' },
    ]) {
      expect((await write(warehouse, `/api/warehouse/orders/${id}/ship`, body)).status).toBe(400);
    }
    expect(await counts(id)).toMatchObject({ shipments: 0, version: 1 });
  });
});

describe('conflicts', () => {
  it('an admin address edit makes the tablet’s version stale: 409 ORDER_CHANGED with the server’s order', async () => {
    const id = await newOrder();
    const edit = await api(
      `/api/admin/orders/${id}/shipping-address`,
      as(admin, { ...jsonBody({ address: { ...ADDRESS, line1: '2 Mission St' } }), method: 'PUT' }),
    );
    expect(edit.status).toBe(200);
    const before = await counts(id);
    const res = await write(warehouse, `/api/warehouse/orders/${id}/pack`, { expectedVersion: 1 });
    expect(res.status).toBe(409);
    const problem = (await res.json()) as Problem;
    expect(problem.code).toBe('ORDER_CHANGED');
    expect(problem.meta?.reason).toBe('edited');
    expect(problem.meta?.current).toMatchObject({ id, version: 2, shipTo: { line1: '2 Mission St' } });
    expect(await counts(id)).toEqual(before);
    // After a supervisor looked: the same action at the new version goes through.
    expect((await write(warehouse, `/api/warehouse/orders/${id}/pack`, { expectedVersion: 2 })).status).toBe(
      200,
    );
  });

  it('a cancel in the back office wins over a queued shipment: 409 reason cancelled, nothing written', async () => {
    const id = await newOrder();
    const cancel = await write(admin, `/api/admin/orders/${id}/cancel`, {
      reason: 'Fraud check',
      restock: false,
    });
    expect(cancel.status).toBe(200);
    const before = await counts(id);
    const res = await write(warehouse, `/api/warehouse/orders/${id}/ship`, {
      expectedVersion: 1,
      carrier: 'other',
    });
    expect(res.status).toBe(409);
    const problem = (await res.json()) as Problem;
    expect(problem).toMatchObject({ code: 'ORDER_CHANGED', meta: { reason: 'cancelled' } });
    expect(problem.meta?.current).toMatchObject({ id, status: 'cancelled' });
    expect(await counts(id)).toEqual(before);
    expect(before.shipments).toBe(0);
  });

  it('a shipment made elsewhere: reason shipped', async () => {
    const id = await newOrder();
    await write(warehouse, `/api/warehouse/orders/${id}/ship`, { expectedVersion: 1, carrier: 'other' });
    const res = await write(warehouse, `/api/warehouse/orders/${id}/picks`, {
      expectedVersion: 1,
      lines: [{ lineId: 'ordl_x', picked: 0 }],
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Problem).meta?.reason).toBe('shipped');
  });

  it('every back-office write that changes the order moves its version', async () => {
    const id = await newOrder();
    const status = await write(admin, `/api/admin/orders/${id}/status`, { event: 'start_processing' });
    expect(status.status).toBe(200);
    expect((await counts(id)).version).toBe(2);
    const line = (await inQueue(id))!.lines[0]!;
    const parcel = await write(admin, `/api/admin/orders/${id}/shipments`, {
      carrier: 'other',
      lines: [{ orderLineId: line.lineId, quantity: 1 }],
    });
    expect(parcel.status).toBe(201);
    expect((await counts(id)).version).toBe(3);
    // The tablet's stale pack is refused; at the current version it goes through.
    expect((await write(warehouse, `/api/warehouse/orders/${id}/pack`, { expectedVersion: 2 })).status).toBe(
      409,
    );
    expect((await write(warehouse, `/api/warehouse/orders/${id}/pack`, { expectedVersion: 3 })).status).toBe(
      200,
    );
    const cancel = await write(admin, `/api/admin/orders/${id}/cancel`, {
      reason: 'Out of stock',
      restock: false,
    });
    expect(cancel.status).toBe(200);
    expect(await counts(id)).toMatchObject({ version: 5, status: 'cancelled' });
  });

  it('a note goes on the timeline and leaves the version alone', async () => {
    const id = await newOrder();
    const before = await counts(id);
    const res = await write(warehouse, `/api/warehouse/orders/${id}/notes`, {
      note: 'Kept the edited address',
    });
    expect(res.status).toBe(201);
    const after = await counts(id);
    expect(after).toMatchObject({ version: before.version, events: before.events + 1 });
    // Who wrote it is in the audit log, as for a note written in the admin.
    const audit = await env.DB.prepare(
      "SELECT action FROM audit_log WHERE entity_id = ? AND action = 'order.note'",
    )
      .bind(id)
      .all();
    expect(audit.results).toHaveLength(1);
    expect((await write(warehouse, `/api/warehouse/orders/${id}/notes`, { note: ' ' })).status).toBe(400);
  });
});
