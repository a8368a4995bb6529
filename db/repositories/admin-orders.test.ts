/**
 * The admin order list on 100,000 orders in libSQL (the real engine, in memory): the filters find what they should,
 * pages follow one another without gaps, and every filter's query plan uses an index (no full scan of orders).
 * The plans are printed, so `npx vitest run --project unit db/repositories/admin-orders.test.ts` shows them.
 */

import type { Db } from '@db/client';
import { createLibsqlDb, migrateLibsqlDb } from '@db/client-node';
import { parseOrderListParams, toOrderListFilter } from '@domain/orders/order-admin';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  adminOrdersQuery,
  attentionCountsQuery,
  countOrdersNeedingAttention,
  listAdminOrders,
} from './admin-orders';

const N = 100_000;
const T0 = Date.UTC(2026, 0, 1);
let db: Db;

beforeAll(async () => {
  db = createLibsqlDb(':memory:');
  await migrateLibsqlDb(db);
  // Order i: placed i minutes after T0, status by i mod 5, email/name by i, one line of SKU-(i mod 1000), one payment
  // captured except every 100th (failed).
  await db.run(
    sql.raw(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${N})
    INSERT INTO orders (id, number, email, status, currency, subtotal_amount, total_amount, shipping_address,
      shipping_method, placed_at, updated_at)
    SELECT printf('ord_%08d', i), CAST(1000 + i AS TEXT), printf('buyer%d@example.com', i),
      CASE i % 5 WHEN 0 THEN 'pending' WHEN 1 THEN 'processing' WHEN 2 THEN 'shipped' WHEN 3 THEN 'delivered'
        ELSE 'cancelled' END,
      'USD', 1000, 1500, json_object('name', printf('Person %d Example', i), 'country', 'US'), 'standard',
      ${T0} + i * 60000, ${T0} + i * 60000
    FROM n`),
  );
  await db.run(
    sql.raw(`INSERT INTO order_lines (id, order_id, sku, product_name, quantity, unit_amount,
      line_total_amount)
    SELECT id || ':1', id, printf('SKU-%04d', CAST(substr(id, 5) AS INTEGER) % 1000), 'Thing', 1, 1000, 1000
    FROM orders`),
  );
  await db.run(
    sql.raw(`INSERT INTO payments (id, order_id, provider, provider_ref, amount, currency, status,
      created_at, updated_at)
    SELECT 'pay_' || substr(id, 5), id, 'test', 'ref_' || id, 1500, 'USD',
      CASE WHEN CAST(substr(id, 5) AS INTEGER) % 100 = 0 THEN 'failed' ELSE 'captured' END, placed_at, placed_at
    FROM orders`),
  );
  await db.run(sql`ANALYZE`);
}, 120_000);

function filterOf(qs: string) {
  const parsed = parseOrderListParams(new URLSearchParams(qs));
  if (!parsed.success) throw new Error(parsed.error.message);
  return toOrderListFilter(parsed.data);
}

async function planOf(qs: string): Promise<string[]> {
  const q = adminOrdersQuery(db, filterOf(qs)).toSQL();
  const client = (
    db as unknown as {
      $client: { execute(s: { sql: string; args: unknown[] }): Promise<{ rows: { detail: string }[] }> };
    }
  ).$client;
  const res = await client.execute({ sql: `EXPLAIN QUERY PLAN ${q.sql}`, args: q.params as unknown[] });
  return res.rows.map((r) => String(r.detail));
}

describe('the admin order list on 100,000 orders', () => {
  it('pages newest first without gaps or repeats', async () => {
    const first = await listAdminOrders(db, filterOf(''));
    expect(first.items).toHaveLength(50);
    expect(first.items[0]).toMatchObject({ number: String(1000 + N), itemCount: 1, paymentStatus: 'failed' });
    expect(first.items[1]).toMatchObject({ paymentStatus: 'captured' });
    const second = await listAdminOrders(db, filterOf(`after=${first.next!.placedAt}.${first.next!.id}`));
    expect(Number(second.items[0]!.number)).toBe(Number(first.items.at(-1)!.number) - 1);
  });

  it('filters by status, fulfilment, payment, dates and search', async () => {
    const pending = await listAdminOrders(db, filterOf('status=pending'));
    expect(pending.items.every((o) => o.status === 'pending')).toBe(true);
    const unfulfilled = await listAdminOrders(db, filterOf('fulfilment=unfulfilled'));
    expect(new Set(unfulfilled.items.map((o) => o.status))).toEqual(new Set(['pending', 'processing']));
    const failed = await listAdminOrders(db, filterOf('payment=failed'));
    expect(failed.items.every((o) => o.paymentStatus === 'failed')).toBe(true);
    expect(failed.items).toHaveLength(50);
    // Minutes 1..1440 after T0 are 2026-01-01: orders 1..1439 (order 1440 is at midnight of the 2nd).
    const day = await listAdminOrders(db, { ...filterOf('from=2026-01-01&to=2026-01-01'), limit: 2000 });
    expect(day.items).toHaveLength(1439);
    expect((await listAdminOrders(db, filterOf('q=1234'))).items.map((o) => o.number)).toEqual(['1234']);
    expect((await listAdminOrders(db, filterOf('q=%231234'))).items.map((o) => o.number)).toEqual(['1234']);
    expect((await listAdminOrders(db, filterOf('q=BUYER77@example.com'))).items.map((o) => o.email)).toEqual([
      'buyer77@example.com',
    ]);
    const named = await listAdminOrders(db, filterOf('q=person%2099999'));
    expect(named.items.map((o) => o.customerName)).toEqual(['Person 99999 Example']);
    const sku = await listAdminOrders(db, { ...filterOf('q=sku-0042'), limit: 200 });
    expect(sku.items).toHaveLength(100);
    const both = await listAdminOrders(db, filterOf('q=sku-0042&status=shipped'));
    expect(both.items.every((o) => o.status === 'shipped')).toBe(true);
    expect((await listAdminOrders(db, filterOf('fulfilment=shipped&status=pending'))).items).toEqual([]);
  });

  it('uses an index for every filter', async () => {
    for (const qs of [
      '',
      'status=pending',
      'fulfilment=unfulfilled',
      'from=2026-01-01&to=2026-01-31',
      'q=ada',
      'q=1234',
      'status=processing&q=sku-0042',
      'payment=failed',
      'after=1767225600000.ord_00000100',
      'attention=unshipped',
      'attention=return_received',
      'attention=refund_failed',
    ]) {
      const plan = await planOf(qs);
      console.info(`plan for ?${qs}\n  ${plan.join('\n  ')}`);
      const fullScans = plan.filter(
        (d) => /^SCAN (orders|order_lines|payments|refunds)\b/.test(d) && !d.includes('INDEX'),
      );
      expect(fullScans, `?${qs}`).toEqual([]);
      const started = performance.now();
      await listAdminOrders(db, filterOf(qs));
      console.info(`  ${(performance.now() - started).toFixed(1)} ms`);
    }
  });
});

describe('orders needing attention on 100,000 orders', () => {
  it('counts each reason from indexes alone, and lists the same orders', async () => {
    // A refund of every 50th cancelled order: every other one refused (no provider id); a refused one in four
    // retried successfully a minute later.
    await db.run(
      sql.raw(`INSERT INTO refunds (id, order_id, amount, currency, provider_ref, status, created_at)
      SELECT 'ref_' || substr(id, 5), id, 1500, 'USD',
        CASE WHEN (CAST(substr(id, 5) AS INTEGER) / 50) % 2 = 0 THEN NULL ELSE 'pr_' || id END,
        CASE WHEN (CAST(substr(id, 5) AS INTEGER) / 50) % 2 = 0 THEN 'failed' ELSE 'succeeded' END, placed_at
      FROM orders WHERE status = 'cancelled' AND CAST(substr(id, 5) AS INTEGER) % 50 = 4`),
    );
    await db.run(
      sql.raw(`INSERT INTO refunds (id, order_id, amount, currency, provider_ref, status, created_at)
      SELECT 'ref2_' || substr(order_id, 5), order_id, 1500, 'USD', 'pr2_' || order_id, 'succeeded', created_at + 60000
      FROM refunds WHERE status = 'failed' AND (CAST(substr(order_id, 5) AS INTEGER) / 100) % 4 = 0`),
    );
    await db.run(sql`ANALYZE`);
    const now = T0 + (N + 60 * 24 * 3) * 60000;
    const counts = await countOrdersNeedingAttention(db, now);
    const [failed] = await db.all<{
      n: number;
    }>(sql`SELECT count(*) AS n FROM refunds f WHERE f.status = 'failed'
      AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = f.order_id AND r.status = 'succeeded')`);
    // Every pending and processing order is older than two days at `now`; no order is in a return state.
    expect(counts).toEqual({
      unshipped: 40_000,
      return_requested: 0,
      return_received: 0,
      refund_failed: Number(failed!.n),
    });
    expect(counts.refund_failed).toBeGreaterThan(0);
    const listed = await listAdminOrders(db, { ...filterOf('attention=refund_failed'), limit: 10_000 });
    expect(listed.items).toHaveLength(counts.refund_failed);

    const plan = (await db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${attentionCountsQuery(now)}`)).map(
      (r) => String(r.detail),
    );
    console.info(`plan for the attention counts\n  ${plan.join('\n  ')}`);
    expect(plan.filter((d) => /^SCAN (orders|refunds)\b/.test(d) && !d.includes('INDEX'))).toEqual([]);
  });
});
