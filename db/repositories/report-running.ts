/**
 * Running totals (db/schema/reports.ts report_product_running, analytics.ts report_traffic_running): folding a day
 * into them, and the rows a range reads from them. A day is folded once it is over; the triggers of migration 0029
 * move report_zone.running_through back when an earlier daily row changes, and the next fold recounts from there.
 */
import type { Db } from '@db/client';
import { reportZone } from '@db/schema';
import { sqlLiteral } from '@db/sql-literal';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';

/** The first day any product or traffic rollup has, or null when both are empty. */
export async function firstRollupDay(db: Db): Promise<string | null> {
  const [row] = await db.all<{ day: string | null }>(sql`SELECT min(day) AS day FROM (
      SELECT min(day) AS day FROM report_product_daily UNION ALL SELECT min(day) FROM report_traffic_daily)`);
  return row?.day ?? null;
}

/**
 * Statements that fold `day` into the running totals, where `through` is report_zone.running_through as read
 * (null: nothing folded yet) and `day` the first day to fold (`through`, or the first rollup day). Every statement
 * is guarded by `through`, so a fold that lost a race (another fold, or a trigger moving the mark back) writes
 * nothing; in one batch they are one transaction.
 *
 * Steps: take the totals back to the day before `day` (only keys with running rows from `day` on: none, unless a
 * write made them stale), drop those rows, add `day`'s daily rows to the totals as running rows, copy them into the
 * totals, and move the mark to `dayAfter`.
 */
export function foldDayStatements(db: Db, dayText: string, through: string | null, dayAfter: string) {
  // Values are inlined (sqlLiteral): a D1 batch cannot bind parameters of raw statements. All are day strings.
  const day = sqlLiteral(dayText);
  const mark = through === null ? sql.raw('NULL') : sqlLiteral(through);
  const guard = sql`(SELECT running_through FROM report_zone WHERE id = 1) IS ${mark}`;
  const statements: SQL[] = [
    sql`INSERT INTO report_zone (id, time_zone) VALUES (1, 'UTC') ON CONFLICT(id) DO NOTHING`,
  ];
  for (const t of RUNNING) {
    const running = sql.raw(t.running);
    const totals = sql.raw(t.totals);
    const keys = sql.raw(t.key.join(', '));
    const columns = t.carried.concat(t.values);
    const list = sql.raw(columns.join(', '));
    const stale = sql`(${keys}) IN (SELECT ${keys} FROM ${running} WHERE day >= ${day})`;
    const sameKey = (a: string, b: string) =>
      sql.raw(t.key.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND '));
    statements.push(
      // Keys whose only rows were stale leave the totals; the others go back to their last row before `day`.
      sql`DELETE FROM ${totals} WHERE ${stale} AND NOT EXISTS (SELECT 1 FROM ${running} r
        WHERE ${sameKey('r', t.totals)} AND r.day < ${day}) AND ${guard}`,
      sql`UPDATE ${totals} SET (${list}) = (SELECT ${list} FROM ${running} r
        WHERE ${sameKey('r', t.totals)} AND r.day < ${day} ORDER BY r.day DESC LIMIT 1)
        WHERE ${stale} AND ${guard}`,
      sql`DELETE FROM ${running} WHERE day >= ${day} AND ${guard}`,
      sql`INSERT INTO ${running} (${keys}, day, ${list})
        SELECT ${sql.raw(t.key.map((k) => `d.${k}`).join(', '))}, ${day},
          ${sql.raw(
            t.carried
              .map((c) => `d.${c}`)
              .concat(t.values.map((v) => `d.${v} + coalesce(p.${v}, 0)`))
              .join(', '),
          )}
        FROM (${t.dayRows(day)}) d LEFT JOIN ${totals} p ON ${sameKey('p', 'd')}
        WHERE ${guard}`,
      sql`INSERT INTO ${totals} (${keys}, ${list}) SELECT ${keys}, ${list} FROM ${running}
        WHERE day = ${day} AND ${guard}
        ON CONFLICT (${keys}) DO UPDATE SET ${sql.raw(columns.map((c) => `${c} = excluded.${c}`).join(', '))}`,
    );
  }
  // Last, and answering the new mark: no row back means the guard failed and nothing above was written.
  const moved = db
    .update(reportZone)
    .set({ runningThrough: dayAfter, totalsThrough: dayAfter })
    .where(
      and(
        eq(reportZone.id, 1),
        through === null ? isNull(reportZone.runningThrough) : eq(reportZone.runningThrough, through),
      ),
    )
    .returning({ through: reportZone.runningThrough });
  return [...statements.map((statement) => db.run(statement)), moved] as const;
}

/** One pair of running-total tables: key columns, columns carried from the day's row, summed columns, a day's rows. */
interface RunningTable {
  running: string;
  totals: string;
  key: string[];
  carried: string[];
  values: string[];
  dayRows(day: SQL): SQL;
}

/** The product key of a daily row: its product, else (a variant deleted before it was sold) the SKU itself. */
const PRODUCT_KEY = 'coalesce(product_id, sku)';
/** The category key of a daily row: its product's category now, '' when the product is gone. */
export const CATEGORY_KEY = "coalesce((SELECT p.category_id FROM products p WHERE p.id = product_id), '')";

const RUNNING: RunningTable[] = [
  {
    running: 'report_product_running',
    totals: 'report_product_totals',
    key: ['grain', 'key'],
    carried: ['product_id'],
    values: ['units', 'gross', 'discounts', 'refunded_units', 'refunded'],
    dayRows: (day) => sql`
      SELECT 'sku' AS grain, sku AS key, product_id, units, gross, discounts, refunded_units, refunded
        FROM report_product_daily WHERE day = ${day}
      UNION ALL
      SELECT 'product', ${sql.raw(PRODUCT_KEY)}, max(product_id), sum(units), sum(gross), sum(discounts),
        sum(refunded_units), sum(refunded)
        FROM report_product_daily WHERE day = ${day} GROUP BY 2
      UNION ALL
      SELECT 'category', ${sql.raw(CATEGORY_KEY)}, NULL, sum(units), sum(gross), sum(discounts), sum(refunded_units),
        sum(refunded)
        FROM report_product_daily WHERE day = ${day} GROUP BY 2`,
  },
  {
    running: 'report_traffic_running',
    totals: 'report_traffic_totals',
    key: ['dimension', 'value'],
    carried: [],
    values: ['views', 'visitors'],
    dayRows: (day) => sql`SELECT dimension, value, views, visitors FROM report_traffic_daily
      WHERE day = ${day} AND dimension <> 'total'`,
  },
];
