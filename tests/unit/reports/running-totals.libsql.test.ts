/**
 * Running totals on libSQL: whatever the range, the product and traffic reports read from the running totals equal
 * the same reports added up from the daily and monthly rollups, after folding, after a write to a folded day (the
 * triggers move the mark back) and after folding again.
 */
import { createLibsqlDb, migrateLibsqlDb } from '@db/client-node';
import { readReportZone } from '@db/repositories/report-rollups';
import {
  type ProductGrouping,
  readNetUnits,
  readProductSales,
  readTrafficTop,
} from '@db/repositories/reports';
import { type RunningMark, reportRange } from '@domain/reports/range';
import { addDays } from '@domain/reports/time-zone';
import { foldRunningTotals } from '@worker/services/reports/running';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

const FIRST = '2025-11-20';
const TODAY = '2026-03-18';
const DAYS = 119; // FIRST … TODAY
const GROUPS: ProductGrouping[] = ['variant', 'product', 'category'];
/** 15 days across a month's end, long enough to read the running totals. */
const EDGE_RANGE = { from: '2026-01-24', to: '2026-02-07' };

let db: ReturnType<typeof createLibsqlDb>;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}
const rand = random(20_261_204);
const pick = (n: number) => Math.floor(rand() * n);

async function seedRollups() {
  await db.run(
    sql`INSERT INTO categories (id, slug, name) VALUES ('cat_a', 'a', 'Aprons'), ('cat_b', 'b', 'Bags')`,
  );
  for (let p = 0; p < 6; p++) {
    await db.run(sql`INSERT INTO products (id, slug, name, category_id, status, created_at, updated_at)
      VALUES (${`prod_${p}`}, ${`p-${p}`}, ${`Product ${p}`}, ${p % 2 ? 'cat_a' : 'cat_b'}, 'active', 0, 0)`);
  }
  for (let d = 0; d <= DAYS; d++) {
    const day = addDays(FIRST, d);
    for (let k = 0; k < 24; k++) {
      if (rand() < 0.45) continue;
      // SKUs 20–23 were sold as a product since deleted (no product id): their product key is the SKU.
      const productId = k >= 20 ? null : `prod_${k % 6}`;
      const units = pick(5);
      const refundedUnits = rand() < 0.15 ? 1 + pick(2) : 0;
      if (units === 0 && refundedUnits === 0) continue;
      await db.run(sql`INSERT INTO report_product_daily
        (day, sku, product_id, units, gross, discounts, refunded_units, refunded)
        VALUES (${day}, ${`SKU-${k}`}, ${productId}, ${units}, ${units * 1250}, ${pick(3) * 100},
          ${refundedUnits}, ${refundedUnits * 1100})`);
    }
    // A burst: the best seller of any range around it, far from the best sellers of all time.
    if (d === DAYS - 18) {
      await db.run(sql`INSERT INTO report_product_daily (day, sku, product_id, units, gross, discounts)
        VALUES (${day}, 'SKU-BURST', 'prod_1', 60, 60000, 0)`);
    }
    // Sold only today (never folded): the best seller of every range reaching today, in no list of all time.
    if (day === TODAY) {
      await db.run(sql`INSERT INTO report_product_daily (day, sku, product_id, units, gross, discounts)
        VALUES (${day}, 'SKU-TODAY', 'prod_3', 500, 500000, 0)`);
    }
    // Sold only around a month's end: the best seller of EDGE_RANGE, and among neither month's best sellers.
    if (day >= EDGE_RANGE.from && day <= EDGE_RANGE.to) {
      await db.run(sql`INSERT INTO report_product_daily (day, sku, product_id, units, gross, discounts)
        VALUES (${day}, 'SKU-EDGE', 'prod_4', 3, 3000, 0)`);
    }
    for (const [dimension, values] of [
      ['page', 9],
      ['country', 4],
      ['device', 3],
    ] as const) {
      for (let v = 0; v < values; v++) {
        if (rand() < 0.3) continue;
        const views = 1 + pick(40);
        await db.run(sql`INSERT INTO report_traffic_daily (day, dimension, value, views, visitors)
          VALUES (${day}, ${dimension}, ${`${dimension}-${v}`}, ${views}, ${1 + pick(views)})`);
      }
    }
  }
}

/** Random ranges inside the data, with the extremes: all of it, through today, ending before the mark. */
function ranges(n: number) {
  const out = [
    { from: FIRST, to: TODAY },
    { from: addDays(FIRST, 3), to: addDays(TODAY, -1) },
    { from: addDays(FIRST, 40), to: addDays(FIRST, 80) },
    { from: addDays(TODAY, -25), to: TODAY },
    EDGE_RANGE,
  ];
  while (out.length < n) {
    const a = pick(DAYS + 1);
    const b = pick(DAYS + 1);
    out.push({ from: addDays(FIRST, Math.min(a, b)), to: addDays(FIRST, Math.max(a, b)) });
  }
  return out.map((r) => reportRange({ ...r, compare: 'none' }).current);
}

/** Every range, grouping and order read through `through` and from the rollups alone must agree. */
async function expectSameAsRollups(mark: RunningMark) {
  for (const s of ranges(12)) {
    for (const group of GROUPS) {
      for (const by of ['units', 'net'] as const) {
        // Short lists are where best sellers are chosen among candidates (10 per row) before the others are ruled out.
        for (const limit of [1, 2, 100]) {
          const label = `${group} by ${by}, ${limit} rows, ${s.from}…${s.to}`;
          expect(await readProductSales(db, s, group, by, limit, mark), label).toEqual(
            await readProductSales(db, s, group, by, limit),
          );
        }
      }
    }
    expect(await readTrafficTop(db, s, 100, mark), `traffic ${s.from}…${s.to}`).toEqual(
      await readTrafficTop(db, s, 100),
    );
    // Stock cover's rate: some SKUs only, one never sold.
    const skus = ['SKU-1', 'SKU-7', 'SKU-22', 'SKU-NONE'];
    const net = await readNetUnits(db, s, skus, mark);
    expect(net, `net units ${s.from}…${s.to}`).toEqual(await readNetUnits(db, s, skus));
    expect(net.has('SKU-NONE')).toBe(false);
  }
}

/** Where the running totals stand now. */
const stand = async (): Promise<RunningMark> => {
  const zone = await readReportZone(db);
  return { through: zone.runningThrough, totalsThrough: zone.totalsThrough };
};
const folded = (day: string): RunningMark => ({ through: day, totalsThrough: day });

beforeAll(async () => {
  db = createLibsqlDb(':memory:');
  await migrateLibsqlDb(db);
  await seedRollups();
});

describe('running totals', () => {
  it('fold every day before today, and reports read from them equal the rollups added up', async () => {
    expect(await foldRunningTotals(db, null, TODAY, 5)).toEqual(folded(addDays(FIRST, 5)));
    await expectSameAsRollups(await stand());
    expect(await foldRunningTotals(db, addDays(FIRST, 5), TODAY)).toEqual(folded(TODAY));
    await expectSameAsRollups(folded(TODAY));
    // The totals row of a key is its running total through yesterday: the sum of all its days before today.
    const [row] = await db.all<{ totals: number; days: number }>(sql`SELECT
      (SELECT units FROM report_product_totals WHERE grain = 'sku' AND key = 'SKU-3') AS totals,
      (SELECT sum(units) FROM report_product_daily WHERE sku = 'SKU-3' AND day < ${TODAY}) AS days`);
    expect(row!.totals).toBe(row!.days);
    expect(row!.days).toBeGreaterThan(0);
  });

  it('a write to a folded day moves the mark back to it, and folding again gives the same answers', async () => {
    const day = addDays(FIRST, 57);
    await db.run(sql`INSERT INTO report_product_daily (day, sku, product_id, units, gross, discounts)
      VALUES (${day}, 'SKU-NEW', 'prod_2', 7, 7000, 0)
      ON CONFLICT(day, sku) DO UPDATE SET units = units + 7, gross = gross + 7000`);
    await db.run(sql`UPDATE report_traffic_daily SET views = views + 11 WHERE day = ${addDays(day, 9)}`);
    expect(await stand()).toEqual({ through: day, totalsThrough: TODAY });
    await expectSameAsRollups(await stand());
    expect(await foldRunningTotals(db, day, TODAY)).toEqual(folded(TODAY));
    await expectSameAsRollups(folded(TODAY));
  });

  it('a deleted day (a rebuild rewriting it) is folded out again, keys that only sold then included', async () => {
    const day = addDays(FIRST, 30);
    await db.run(sql`DELETE FROM report_product_daily WHERE day >= ${day} AND day < ${addDays(day, 5)}`);
    await db.run(sql`DELETE FROM report_product_daily WHERE sku = 'SKU-NEW'`);
    expect((await stand()).through).toBe(day);
    await expectSameAsRollups(await stand());
    expect(await foldRunningTotals(db, day, TODAY)).toEqual(folded(TODAY));
    await expectSameAsRollups(folded(TODAY));
    const [gone] = await db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM report_product_totals WHERE key = 'SKU-NEW'`,
    );
    expect(gone!.n).toBe(0);
  });

  it('a product moved to another category is recounted from its first sale, categories as they are now', async () => {
    const [first] = await db.all<{ day: string }>(
      sql`SELECT min(day) AS day FROM report_product_running WHERE grain = 'product' AND key = 'prod_1'`,
    );
    await db.run(sql`UPDATE products SET category_id = 'cat_b' WHERE id = 'prod_1'`);
    expect((await stand()).through).toBe(first!.day);
    await expectSameAsRollups(await stand());
    expect(await foldRunningTotals(db, first!.day, TODAY)).toEqual(folded(TODAY));
    await expectSameAsRollups(folded(TODAY));
    const s = reportRange({ from: FIRST, to: TODAY, compare: 'none' }).current;
    const categories = await readProductSales(db, s, 'category', 'units', 10, folded(TODAY));
    expect(categories.map((c) => c.name).sort()).toEqual(['Aprons', 'Bags', 'No category']);
  });

  it('a fold that lost a race writes nothing', async () => {
    await db.run(sql`UPDATE report_product_daily SET units = units + 1 WHERE day = ${addDays(FIRST, 90)}`);
    const stale = addDays(FIRST, 80); // not the mark any more
    const before = await db.all(sql`SELECT * FROM report_product_running ORDER BY grain, key, day`);
    expect(await foldRunningTotals(db, stale, TODAY, 1)).toEqual({
      through: addDays(FIRST, 90),
      totalsThrough: TODAY,
    });
    expect(await db.all(sql`SELECT * FROM report_product_running ORDER BY grain, key, day`)).toEqual(before);
  });
});
