/**
 * The lookups that open one order on a shopper's path (the guest's order link and the confirmation email, the
 * checkout that placed it, the number) must seek an index: a scan costs ~200 ms per order placed at a million orders.
 */
import { createLibsqlDb, migrateLibsqlDb } from '@db/client-node';
import { orders } from '@db/schema';
import { eq, type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orderPartQueries } from './customer-orders';

describe('single-order lookups', () => {
  it.each([
    ['access token hash', eq(orders.accessTokenHash, 'a'.repeat(64))],
    ['checkout', eq(orders.checkoutId, 'chk_x')],
    ['number', eq(orders.number, 'NW-1001')],
    ['id', eq(orders.id, 'ord_x')],
  ] as [string, SQL][])('by %s searches an index', async (_, where) => {
    const db = createLibsqlDb(':memory:');
    await migrateLibsqlDb(db);
    const query = db.select().from(orders).where(where).getSQL();
    const plan = await db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`);
    const details = plan.map((r) => String(r.detail));
    expect(details).toHaveLength(1);
    expect(details[0]).toMatch(/^SEARCH orders USING (INDEX|PRIMARY KEY|COVERING INDEX)/);
  });
});

describe("the guest link's order parts", () => {
  it('find the order by its token hash and each part by an index, inside the one batch', async () => {
    const db = createLibsqlDb(':memory:');
    await migrateLibsqlDb(db);
    const byHash = db
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.accessTokenHash, 'a'.repeat(64)));
    for (const query of orderPartQueries(db, byHash)) {
      const plan = await db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query.getSQL()}`);
      const details = plan.map((r) => String(r.detail));
      expect(details.filter((d) => /^SCAN /.test(d))).toEqual([]);
      expect(details.some((d) => /SEARCH orders USING (COVERING )?INDEX/.test(d))).toBe(true);
    }
  });
});
