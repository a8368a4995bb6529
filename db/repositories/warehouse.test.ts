/**
 * The warehouse queue on 100,000 orders in libSQL (the real engine, in memory): it finds the oldest paid orders with
 * units left, pages follow one another without gaps, and its plan walks the partial index with no sort and no scan
 * of orders. The plan and timings are printed (`npx vitest run --project unit db/repositories/warehouse.test.ts`).
 */
import type { Db } from '@db/client';
import { createLibsqlDb, migrateLibsqlDb } from '@db/client-node';
import { sql } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { shipmentStatements } from './shipments';
import {
  findWarehouseOrder,
  listQueueLines,
  listQueueOrders,
  packStatements,
  pickStatements,
  type QueueCursor,
  queueSql,
} from './warehouse';

const N = 100_000;
const T0 = Date.UTC(2026, 0, 1);
let db: Db;

/**
 * Order i: placed i minutes after T0; status by i mod 10 (0 pending, 1 processing, 2–6 shipped, 7–8 delivered,
 * 9 cancelled: 20% open); two lines; one payment, captured except every 7th order (authorized); every 4th
 * processing order has shipped its first line already, and every 8th processing order shipped everything
 * (an inconsistent row the queue must still skip).
 */
async function seedOrders(target: Db, n = N) {
  await target.run(
    sql.raw(`WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n})
    INSERT INTO orders (id, number, email, status, currency, subtotal_amount, total_amount, shipping_address,
      shipping_method, placed_at, updated_at)
    SELECT printf('ord_%08d', i), CAST(100000 + i AS TEXT), printf('buyer%d@example.com', i),
      CASE i % 10 WHEN 0 THEN 'pending' WHEN 1 THEN 'processing' WHEN 7 THEN 'delivered' WHEN 8 THEN 'delivered'
        WHEN 9 THEN 'cancelled' ELSE 'shipped' END,
      'USD', 1000, 1500,
      json_object('name', printf('Person %d', i), 'line1', '1 Main St', 'city', 'Springfield',
        'postalCode', '12345', 'country', 'US'),
      'standard', ${T0} + i * 60000, ${T0} + i * 60000
    FROM k`),
  );
  await target.run(
    sql.raw(`INSERT INTO order_lines (id, order_id, sku, product_name, quantity, unit_amount, line_total_amount)
    SELECT 'ordl_' || substr(id, 5) || '_' || j, id, printf('SKU-%04d', (CAST(substr(id, 5) AS INTEGER) + j) % 1000),
      'Thing', j, 1000, 1000 * j
    FROM orders, (SELECT 1 AS j UNION ALL SELECT 2)`),
  );
  await target.run(
    sql.raw(`INSERT INTO payments (id, order_id, provider, provider_ref, amount, currency, status, created_at,
      updated_at)
    SELECT 'pay_' || substr(id, 5), id, 'test', 'ref_' || id, 1500, 'USD',
      CASE WHEN CAST(substr(id, 5) AS INTEGER) % 7 = 0 THEN 'authorized' ELSE 'captured' END, placed_at, placed_at
    FROM orders`),
  );
  // Shipments: every processing order with i % 40 = 1 shipped line 1; with i % 80 = 1 also line 2.
  await target.run(
    sql.raw(`INSERT INTO shipments (id, order_id, carrier, tracking_number, shipped_at)
    SELECT 'shp_' || substr(id, 5), id, 'other', NULL, placed_at FROM orders
    WHERE CAST(substr(id, 5) AS INTEGER) % 40 = 1 OR status IN ('shipped', 'delivered')`),
  );
  await target.run(
    sql.raw(`INSERT INTO shipment_lines (shipment_id, order_line_id, quantity)
    SELECT 'shp_' || substr(l.order_id, 5), l.id, l.quantity FROM order_lines l JOIN orders o ON o.id = l.order_id
    WHERE o.status IN ('shipped', 'delivered')
      OR (CAST(substr(o.id, 5) AS INTEGER) % 40 = 1 AND (l.quantity = 1 OR CAST(substr(o.id, 5) AS INTEGER) % 80 = 1))`),
  );
}

beforeAll(async () => {
  db = createLibsqlDb(':memory:');
  await migrateLibsqlDb(db);
  await seedOrders(db);
  await db.run(sql`ANALYZE`);
}, 120_000);

/** What the queue should hold, computed the slow way from the seed's rules. */
function expectedIds(limit: number): string[] {
  const ids: string[] = [];
  for (let i = 1; ids.length < limit && i <= N; i++) {
    const open = i % 10 === 0 || i % 10 === 1;
    const paid = i % 7 !== 0;
    const allShipped = i % 80 === 1;
    if (open && paid && !allShipped) ids.push(`ord_${String(i).padStart(8, '0')}`);
  }
  return ids;
}

describe('the warehouse queue on 100,000 orders', () => {
  it('holds the oldest paid open orders with units left, and pages follow without gaps', async () => {
    const first = await listQueueOrders(db, 200, null);
    expect(first.map((o) => o.id)).toEqual(expectedIds(200));
    const last = first.at(-1)!;
    const next = await listQueueOrders(db, 200, {
      placedAt: last.placedAt,
      id: last.id,
    } satisfies QueueCursor);
    expect([...first, ...next].map((o) => o.id)).toEqual(expectedIds(400));
    const lines = await listQueueLines(
      db,
      first.map((o) => o.id),
    );
    expect(lines).toHaveLength(400);
    const partly = lines.filter((l) => l.orderId === 'ord_00000041');
    expect(partly.map((l) => [l.quantity, l.shipped])).toEqual([
      [1, 1],
      [2, 0],
    ]);
  });

  it('walks the partial index: no scan of orders, no sort; a page takes milliseconds', async () => {
    const client = (
      db as unknown as {
        $client: { execute(s: { sql: string; args: unknown[] }): Promise<{ rows: { detail: string }[] }> };
      }
    ).$client;
    for (const after of [null, { placedAt: T0 + 50_000 * 60_000, id: 'ord_00050000' }]) {
      const q = new SQLiteAsyncDialect().sqlToQuery(queueSql(200, after));
      const plan = (
        await client.execute({ sql: `EXPLAIN QUERY PLAN ${q.sql}`, args: q.params as unknown[] })
      ).rows.map((r) => String(r.detail));
      console.log(`queue plan (after ${after ? 'the middle' : 'none'}):\n  ${plan.join('\n  ')}`);
      expect(plan.join('\n')).toContain('USING INDEX orders_fulfil_queue_idx');
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|SCAN (o|orders)\b(?! USING)/);
    }
    const times: number[] = [];
    for (let r = 0; r < 20; r++) {
      const t0 = performance.now();
      const orders = await listQueueOrders(db, 200, null);
      await listQueueLines(
        db,
        orders.map((o) => o.id),
      );
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(
      `queue page of 200 with lines: median ${times[10]!.toFixed(1)} ms, max ${times[19]!.toFixed(1)} ms`,
    );
    expect(times[10]).toBeLessThan(250);
  });
});

describe('the guarded writes', () => {
  const id = 'ord_00000020'; // pending, paid, lines _1 (1 unit) and _2 (2 units)
  const audit = (n: string) => ({
    id: `aud_${n}`,
    staffId: 'stf_x',
    staffEmail: 'x@example.com',
    action: 'order.pack',
    entityType: 'order',
    entityId: id,
    before: null,
    after: null,
    requestId: null,
    at: 1,
  });
  const picked = async () => (await listQueueLines(db, [id])).map((l) => l.picked);

  it('write nothing at a stale version, and bump the version when they go in', async () => {
    const lines = [{ lineId: 'ordl_00000020_2', picked: 2 }];
    const [, stale] = await db.batch(pickStatements(db, { orderId: id, version: 7, lines, now: 1 }));
    expect(stale).toHaveLength(0);
    expect(await picked()).toEqual([0, 0]);
    const [, went] = await db.batch(pickStatements(db, { orderId: id, version: 1, lines, now: 1 }));
    expect(went).toEqual([{ version: 2 }]);
    expect(await picked()).toEqual([0, 2]);

    const pack = (version: number, n: string) =>
      packStatements(db, {
        orderId: id,
        version,
        fromStatus: 'pending',
        status: 'processing',
        staffId: 'stf_x',
        eventId: `evt_${n}`,
        note: 'Packed',
        audit: audit(n),
        now: 5,
      });
    const [, , refused] = await db.batch(pack(1, 'a'));
    expect(refused).toHaveLength(0);
    const [, , packed] = await db.batch(pack(2, 'b'));
    expect(packed).toEqual([{ version: 3 }]);
    const events = await db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM order_events WHERE order_id = ${id}`,
    );
    expect(events[0]!.n).toBe(1);
    expect(await findWarehouseOrder(db, id)).toMatchObject({ status: 'processing', version: 3, packedAt: 5 });
  });

  it('a shipment at a stale version writes nothing; at the current one it clears picks and the packed mark', async () => {
    const ship = (version: number, n: string) =>
      shipmentStatements(db, {
        id: `shp_${n}`,
        orderId: id,
        carrier: 'other',
        trackingNumber: null,
        createdBy: 'stf_x',
        idempotencyKey: `key-${n}`,
        lines: [{ orderLineId: 'ordl_00000020_2', quantity: 2 }],
        eventId: `evt_s${n}`,
        note: 'Shipped',
        audit: audit(`s${n}`),
        now: 9,
        expectedVersion: version,
      });
    const [stale] = await db.batch(ship(2, 'x'));
    expect(stale).toHaveLength(0);
    const [made, , , , status] = await db.batch(ship(3, 'y'));
    expect(made).toHaveLength(1);
    expect(status).toEqual([{ status: 'processing' }]); // line _1 is still to ship
    expect(await picked()).toEqual([0, 0]);
    expect(await findWarehouseOrder(db, id)).toMatchObject({ version: 4, packedAt: null, packedBy: null });
  });
});
