/**
 * The report rollups' upkeep outside the triggers: the time zone their days are in, and the rebuild that recomputes
 * a range of days from the source tables with exactly the triggers' rules (migration 0023_reports), and the
 * per-customer lifetime totals' full recompute (migration 0025_report_customers).
 */
import type { Db } from '@db/client';
import { reportZone, reportZoneOffsets } from '@db/schema';
import { sqlLiteral } from '@db/sql-literal';
import type { ZoneOffset } from '@domain/reports/time-zone';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';

/** The local day of timestamp column `at`, as the triggers compute it. */
export function localDaySql(at: SQL): SQL {
  return sql`date((${at} + 60000 * coalesce((SELECT z.offset_minutes FROM report_zone_offsets z
    WHERE z.starts_at <= ${at} ORDER BY z.starts_at DESC LIMIT 1), 0)) / 1000, 'unixepoch')`;
}

/** The background rebuild in progress (report_zone's rebuild_* columns). */
export interface RebuildJob {
  id: string;
  /** First month ('YYYY-MM-01') and end day (exclusive). */
  from: string;
  to: string;
  /** The last month rebuilt (null: none yet). */
  doneThrough: string | null;
  startedAt: number;
  progressAt: number;
}

/** The report zone's row as read: the zone, when the rollups were last whole, and any rebuild in progress. */
export interface ReportZone {
  timeZone: string;
  rebuiltAt: number | null;
  /** The running totals hold the days before this one (null: none yet; worker/services/reports/running.ts). */
  runningThrough: string | null;
  /** The running totals' totals rows are through the day before this one (see report_zone.totals_through). */
  totalsThrough: string | null;
  offsets: ZoneOffset[];
  rebuild: RebuildJob | null;
}

/** The zone the rollups are in and its offsets ('UTC' and none until set), with any rebuild in progress. */
export async function readReportZone(db: Db): Promise<ReportZone> {
  const [[zone], offsets] = await db.batch([
    db.select().from(reportZone).where(eq(reportZone.id, 1)),
    db.select().from(reportZoneOffsets).orderBy(reportZoneOffsets.startsAt),
  ]);
  const rebuild =
    zone?.rebuildJob && zone.rebuildFrom && zone.rebuildTo
      ? {
          id: zone.rebuildJob,
          from: zone.rebuildFrom,
          to: zone.rebuildTo,
          doneThrough: zone.rebuildDoneThrough,
          startedAt: zone.rebuildStartedAt ?? 0,
          progressAt: zone.rebuildProgressAt ?? 0,
        }
      : null;
  return {
    timeZone: zone?.timeZone ?? 'UTC',
    rebuiltAt: zone?.rebuiltAt ?? null,
    runningThrough: zone?.runningThrough ?? null,
    totalsThrough: zone?.totalsThrough ?? null,
    offsets,
    rebuild,
  };
}

/** Statements that make `timeZone` (with `offsets`) the rollups' zone; the rollups then need a rebuild. */
export function setReportZoneStatements(db: Db, timeZone: string, offsets: readonly ZoneOffset[]) {
  const json = JSON.stringify(offsets.map((o) => [o.startsAt, o.offsetMinutes]));
  return [
    db.delete(reportZoneOffsets),
    db
      .insert(reportZoneOffsets)
      .select(sql`SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${json})`),
    db
      .insert(reportZone)
      .values({ id: 1, timeZone, rebuiltAt: null })
      // A rebuild running for the old zone stops: its remaining messages are dropped (no longer its job).
      .onConflictDoUpdate({ target: reportZone.id, set: { timeZone, rebuiltAt: null, ...NO_REBUILD } }),
  ] as const;
}

/** Records that every rollup was rebuilt at `at` (and that no rebuild is running any more). */
export function markRebuiltStatement(db: Db, at: number) {
  return db
    .update(reportZone)
    .set({ rebuiltAt: at, ...NO_REBUILD })
    .where(eq(reportZone.id, 1));
}

const NO_REBUILD = {
  rebuildJob: null,
  rebuildFrom: null,
  rebuildTo: null,
  rebuildDoneThrough: null,
  rebuildStartedAt: null,
  rebuildProgressAt: null,
};

/**
 * Records a new background rebuild of the months `from` to `to`, unless one runs already or the rollups are whole
 * (so readers that find the rollups never rebuilt start one job between them); returns the row when it did.
 */
export function startRebuildStatement(db: Db, job: { id: string; from: string; to: string }, now: number) {
  return db
    .update(reportZone)
    .set({
      rebuildJob: job.id,
      rebuildFrom: job.from,
      rebuildTo: job.to,
      rebuildDoneThrough: null,
      rebuildStartedAt: now,
      rebuildProgressAt: now,
    })
    .where(and(eq(reportZone.id, 1), isNull(reportZone.rebuildJob), isNull(reportZone.rebuiltAt)))
    .returning({ id: reportZone.rebuildJob });
}

/**
 * A statement that fails the batch it is in when `job` is no longer the running rebuild (a zone change superseded
 * it between the consumer's check and its write): it inserts a second report_zone row with id 1, which the primary
 * key refuses, so the month's statements beside it are rolled back with it.
 */
export function rebuildJobGuardStatement(db: Db, job: string) {
  return db.run(sql`INSERT INTO report_zone (id, time_zone) SELECT 1, 'superseded'
    WHERE NOT EXISTS (SELECT 1 FROM report_zone WHERE id = 1 AND rebuild_job = ${sqlLiteral(job)})`);
}

/** Records that `job` rebuilt `month`, at `now`. */
export function rebuildMonthDoneStatement(db: Db, job: string, month: string, now: number) {
  return db
    .update(reportZone)
    .set({ rebuildDoneThrough: month, rebuildProgressAt: now })
    .where(and(eq(reportZone.id, 1), eq(reportZone.rebuildJob, job)));
}

/**
 * Claims a stalled job for one re-send: moves its progress time from `seenAt` to `now`, so of the readers that found
 * it stale only the one this returns a row to sends its next message again.
 */
export function reclaimRebuildStatement(db: Db, job: string, seenAt: number, now: number) {
  return db
    .update(reportZone)
    .set({ rebuildProgressAt: now })
    .where(
      and(eq(reportZone.id, 1), eq(reportZone.rebuildJob, job), eq(reportZone.rebuildProgressAt, seenAt)),
    )
    .returning({ id: reportZone.rebuildJob });
}

/** A range of whole local days: `fromDay` up to (not including) `toDay`, and the instants they begin. */
export interface DayRange {
  fromDay: string;
  toDay: string;
  fromMs: number;
  toMs: number;
}

const inRange = (at: SQL, r: DayRange) =>
  sql`${at} >= ${sqlLiteral(r.fromMs)} AND ${at} < ${sqlLiteral(r.toMs)}`;

/**
 * Statements (one db.batch) that recompute every rollup row of the days in `r` from orders, order lines, refunds,
 * refund lines and confirmed promotion uses. The triggers' rules, as set-based SQL: any difference between the two
 * is a bug the rollup tests catch.
 */
export function rebuildRangeStatements(db: Db, r: DayRange) {
  const days = sql`day >= ${sqlLiteral(r.fromDay)} AND day < ${sqlLiteral(r.toDay)}`;
  const orderDay = localDaySql(sql`o.placed_at`);
  const refundDay = localDaySql(sql`r.created_at`);
  const useDay = localDaySql(sql`coalesce(u.confirmed_at, u.created_at)`);
  const productOf = (sku: SQL) => sql`(SELECT v.product_id FROM product_variants v WHERE v.sku = ${sku})`;
  return [
    db.run(sql`DELETE FROM report_sales_daily WHERE ${days}`),
    db.run(sql`DELETE FROM report_product_daily WHERE ${days}`),
    db.run(sql`DELETE FROM report_country_daily WHERE ${days}`),
    db.run(sql`DELETE FROM report_promotion_daily WHERE ${days}`),
    db.run(sql`INSERT INTO report_sales_daily (day, orders, units, gross, discounts, shipping, tax, total,
        new_customer_orders, account_orders)
      SELECT ${orderDay}, count(*),
        coalesce(sum((SELECT sum(l.quantity) FROM order_lines l WHERE l.order_id = o.id)), 0),
        sum(o.subtotal_amount), sum(o.discount_amount), sum(o.shipping_amount), sum(o.tax_amount), sum(o.total_amount),
        sum(NOT EXISTS (SELECT 1 FROM orders p WHERE p.id <> o.id AND (p.email = o.email OR p.customer_id = o.customer_id)
          AND (p.placed_at < o.placed_at OR (p.placed_at = o.placed_at AND p.id < o.id)))),
        sum(o.customer_id IS NOT NULL)
      FROM orders o WHERE ${inRange(sql`o.placed_at`, r)} GROUP BY 1`),
    db.run(sql`INSERT INTO report_sales_daily (day, refunds)
      SELECT ${refundDay}, sum(r.amount) FROM refunds r
      WHERE r.status = 'succeeded' AND ${inRange(sql`r.created_at`, r)} GROUP BY 1
      ON CONFLICT(day) DO UPDATE SET refunds = excluded.refunds`),
    db.run(sql`INSERT INTO report_product_daily (day, sku, product_id, units, gross, discounts)
      SELECT ${orderDay}, l.sku, ${productOf(sql`l.sku`)}, sum(l.quantity), sum(l.line_total_amount),
        sum(l.discount_amount)
      FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE ${inRange(sql`o.placed_at`, r)} GROUP BY 1, 2`),
    db.run(sql`INSERT INTO report_product_daily (day, sku, product_id, refunded_units, refunded)
      SELECT ${refundDay}, l.sku, ${productOf(sql`l.sku`)}, sum(rl.quantity),
        sum((l.line_total_amount - l.discount_amount) * rl.quantity / l.quantity)
      FROM refund_lines rl JOIN refunds r ON r.id = rl.refund_id JOIN order_lines l ON l.id = rl.line_id
      WHERE r.status = 'succeeded' AND ${inRange(sql`r.created_at`, r)} GROUP BY 1, 2
      ON CONFLICT(day, sku) DO UPDATE SET refunded_units = excluded.refunded_units, refunded = excluded.refunded`),
    db.run(sql`INSERT INTO report_country_daily (day, country, region, orders, net, total)
      SELECT ${orderDay}, coalesce(json_extract(o.shipping_address, '$.country'), ''),
        coalesce(json_extract(o.shipping_address, '$.region'), ''), count(*),
        sum(o.subtotal_amount - o.discount_amount), sum(o.total_amount)
      FROM orders o WHERE ${inRange(sql`o.placed_at`, r)} GROUP BY 1, 2, 3`),
    db.run(sql`INSERT INTO report_promotion_daily (day, promotion_id, code, uses, discount, revenue)
      SELECT ${useDay}, u.promotion_id, coalesce(u.code, ''), count(*), sum(u.discount_amount),
        sum(coalesce((SELECT o.total_amount FROM orders o WHERE o.id = u.order_id), 0))
      FROM promotion_uses u
      WHERE u.state = 'confirmed' AND ${inRange(sql`coalesce(u.confirmed_at, u.created_at)`, r)} GROUP BY 1, 2, 3`),
  ];
}

/**
 * Statements (one db.batch) that recompute every customer's lifetime totals from orders and succeeded refunds: all
 * of them at once, since a customer's row spans every day (and no time zone is involved). Migration 0025 ends with
 * the same INSERT, for stores that had orders before it.
 */
export function rebuildCustomerTotalsStatements(db: Db) {
  return [
    db.run(sql`DELETE FROM report_customer_totals`),
    db.run(sql`INSERT INTO report_customer_totals (customer_key, customer_id, email, orders, gross, discounts, refunds,
        net, total, first_order_at, last_order_at)
      SELECT coalesce(o.customer_id, 'guest:' || lower(o.email)), o.customer_id,
        CASE WHEN o.customer_id IS NULL THEN lower(o.email) ELSE (SELECT lower(p.email) FROM orders p
          WHERE p.customer_id = o.customer_id ORDER BY p.placed_at DESC, lower(p.email) DESC LIMIT 1) END,
        count(*), sum(o.subtotal_amount), sum(o.discount_amount), coalesce(sum(r.amount), 0),
        sum(o.subtotal_amount) - sum(o.discount_amount) - coalesce(sum(r.amount), 0), sum(o.total_amount),
        min(o.placed_at), max(o.placed_at)
      FROM orders o
      LEFT JOIN (SELECT order_id, sum(amount) AS amount FROM refunds WHERE status = 'succeeded' GROUP BY order_id) r
        ON r.order_id = o.id
      GROUP BY 1`),
  ];
}
