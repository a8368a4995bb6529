/**
 * Traffic storage (db/schema/analytics.ts): the consumer's one batch per message batch, the rollup statements it
 * shares with the rebuild, retention purges and the daily salt. Statements take their rows as one JSON parameter
 * (json_each), so a batch of 100 events stays far below D1's 100 bound parameters per statement. Batched statements
 * are query builders (insert … select, update, delete): Drizzle cannot put raw SQL with parameters in a D1 batch.
 */
import type { Db } from '@db/client';
import { type DayRange, localDaySql } from '@db/repositories/report-rollups';
import {
  reportFunnelDaily,
  reportTrafficDaily,
  trafficEvents,
  trafficSalts,
  trafficVisitorLoad,
  trafficVisitors,
} from '@db/schema';
import { sqlLiteral } from '@db/sql-literal';
import { addDays, laterDay } from '@domain/reports/time-zone';
import { eq, lt, type SQL, sql } from 'drizzle-orm';

/** A traffic event as stored (the consumer has resolved its day and product). */
export interface TrafficRow {
  id: string;
  kind: string;
  day: string;
  at: number;
  visitor: string;
  path: string | null;
  productId: string | null;
  referrerHost: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  device: string;
  browser: string;
  country: string | null;
}

const json = (value: unknown) => JSON.stringify(value);

/** Which of these event ids are stored already, and the events counted so far per `day|visitor`. */
export async function readTrafficState(
  db: Db,
  ids: string[],
  dayVisitors: [string, string][],
): Promise<{ seen: Set<string>; counted: Map<string, number> }> {
  const load = trafficVisitorLoad;
  const [seen, loads] = await db.batch([
    db
      .select({ id: trafficEvents.id })
      .from(trafficEvents)
      .where(sql`${trafficEvents.id} IN (SELECT value FROM json_each(${json(ids)}))`),
    db
      .select({ day: load.day, visitor: load.visitor, events: load.events })
      .from(load)
      .where(sql`(${load.day}, ${load.visitor}) IN
        (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${json(dayVisitors)}))`),
  ]);
  return {
    seen: new Set(seen.map((r) => r.id)),
    counted: new Map(loads.map((r) => [`${r.day}|${r.visitor}`, r.events])),
  };
}

/** Product ids by slug, for product page views. */
export async function productIdsBySlug(db: Db, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.all<{ id: string; slug: string }>(
    sql`SELECT id, slug FROM products WHERE slug IN (SELECT value FROM json_each(${json(slugs)}))`,
  );
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Rollup dimensions and the raw column each counts (the total counts every page view under the value ''). */
const DIMENSIONS: [dimension: string, column: string][] = [
  ['page', 'path'],
  ['product', 'product_id'],
  ['referrer', 'referrer_host'],
  ['utm_source', 'utm_source'],
  ['utm_medium', 'utm_medium'],
  ['utm_campaign', 'utm_campaign'],
  ['device', 'device'],
  ['browser', 'browser'],
  ['country', 'country'],
];

// The rollup rows each pending page view feeds, as (day, dimension, value, visitor): each pending view crossed with
// the dimension names (D1 caps compound SELECTs, so no UNION per dimension). Constant SQL: the names come from the
// list above, never from input. "WHERE true" in every insert … select: without it SQLite reads an upsert's ON as a
// join constraint.
const pendingDimensions = sql.raw(`SELECT day, dimension, value, visitor FROM (
  SELECT e.day AS day, d.value AS dimension, CASE d.value WHEN 'total' THEN ''
    ${DIMENSIONS.map(([dimension, column]) => `WHEN '${dimension}' THEN e.${column}`).join(' ')} END AS value,
    e.visitor AS visitor
  FROM traffic_events e JOIN json_each('${JSON.stringify(['total', ...DIMENSIONS.map(([d]) => d)])}') d
  WHERE e.rolled = 0 AND e.kind = 'page_view') WHERE value IS NOT NULL`);

// The funnel steps each pending event is, as (day, step, visitor): a product page view is the first step.
const pendingSteps =
  sql.raw(`SELECT day, CASE kind WHEN 'page_view' THEN 'product_view' ELSE kind END AS step,
  visitor FROM traffic_events WHERE rolled = 0 AND (kind <> 'page_view' OR product_id IS NOT NULL)`);

/**
 * The statements that fold the pending rows (rolled = 0: those this batch inserted) into the rollups, then mark them
 * rolled. A rollup row's visitors grow by the visitors its set gained in this batch (fresh = 1), so a visitor adds to
 * a row once per day whatever the batches, and a batch costs what it holds, not what the day holds.
 */
function rollPending(db: Db) {
  const freshIn = (dimension: SQL, value: SQL, day: SQL) => sql`(SELECT count(*) FROM traffic_visitors v
    WHERE v.fresh = 1 AND v.day = ${day} AND v.dimension = ${dimension} AND v.value = ${value})`;
  return [
    db
      .insert(trafficVisitors)
      .select(sql`SELECT day, dimension, value, visitor, 1 FROM (${pendingDimensions}) WHERE true`)
      .onConflictDoNothing(),
    db
      .insert(trafficVisitors)
      .select(sql`SELECT day, 'step', step, visitor, 1 FROM (${pendingSteps}) WHERE true`)
      .onConflictDoNothing(),
    db
      .insert(reportTrafficDaily)
      .select(
        sql`SELECT d.day, d.dimension, d.value, count(*), ${freshIn(sql`d.dimension`, sql`d.value`, sql`d.day`)}
        FROM (${pendingDimensions}) d WHERE true GROUP BY d.day, d.dimension, d.value`,
      )
      .onConflictDoUpdate({
        target: [reportTrafficDaily.day, reportTrafficDaily.dimension, reportTrafficDaily.value],
        set: {
          views: sql`${reportTrafficDaily.views} + excluded.views`,
          visitors: sql`${reportTrafficDaily.visitors} + excluded.visitors`,
        },
      }),
    db
      .insert(reportFunnelDaily)
      .select(
        sql`SELECT s.day, s.step, ${freshIn(sql`'step'`, sql`s.step`, sql`s.day`)}, count(*)
        FROM (${pendingSteps}) s WHERE true GROUP BY s.day, s.step`,
      )
      .onConflictDoUpdate({
        target: [reportFunnelDaily.day, reportFunnelDaily.step],
        set: {
          visitors: sql`${reportFunnelDaily.visitors} + excluded.visitors`,
          events: sql`${reportFunnelDaily.events} + excluded.events`,
        },
      }),
    db.update(trafficVisitors).set({ fresh: 0 }).where(eq(trafficVisitors.fresh, 1)),
    db.update(trafficEvents).set({ rolled: 1 }).where(eq(trafficEvents.rolled, 0)),
  ] as const;
}

/**
 * Stores admitted events and folds them into the rollups, atomically (one D1 batch). INSERT OR IGNORE skips an id
 * stored by an earlier delivery, and only inserted rows are pending, so redelivery never counts twice.
 * `counts`: the new per-visitor totals (`day|visitor` → events counted that day) for the flood allowance.
 */
export async function writeTrafficBatch(db: Db, rows: TrafficRow[], counts: Map<string, number>) {
  if (rows.length === 0) return;
  const loads = [...counts].map(([key, events]) => [...key.split('|'), events]);
  await db.batch([
    // Columns in the table's order (insert … select lists them all).
    db
      .insert(trafficEvents)
      .select(
        sql`SELECT json_extract(value, '$.id'), json_extract(value, '$.kind'), json_extract(value, '$.day'),
        json_extract(value, '$.at'), json_extract(value, '$.visitor'), json_extract(value, '$.path'),
        json_extract(value, '$.productId'), json_extract(value, '$.referrerHost'),
        json_extract(value, '$.utmSource'), json_extract(value, '$.utmMedium'),
        json_extract(value, '$.utmCampaign'), json_extract(value, '$.device'), json_extract(value, '$.browser'),
        json_extract(value, '$.country'), 0
      FROM json_each(${json(rows)}) WHERE true`,
      )
      .onConflictDoNothing(),
    db
      .insert(trafficVisitorLoad)
      .select(
        sql`SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]')
        FROM json_each(${json(loads)}) WHERE true`,
      )
      .onConflictDoUpdate({
        target: [trafficVisitorLoad.day, trafficVisitorLoad.visitor],
        set: { events: sql`excluded.events` },
      }),
    ...rollPending(db),
  ]);
}

/**
 * Recomputes the traffic rollups of each day from fromDay to toDay (inclusive, 'YYYY-MM-DD') from the raw events:
 * one batch per day (rollups, visitor sets and pending flags of that day reset, then the consumer's own statements).
 * Only days that still have raw events are touched: a day past retention keeps the rollups it has.
 */
export async function rebuildTrafficRollups(db: Db, fromDay: string, toDay: string): Promise<number> {
  const days = await db.all<{ day: string }>(
    sql`SELECT DISTINCT day FROM traffic_events WHERE day BETWEEN ${fromDay} AND ${toDay} ORDER BY day`,
  );
  for (const { day } of days) {
    await db.batch([
      db.delete(reportTrafficDaily).where(eq(reportTrafficDaily.day, day)),
      db.delete(reportFunnelDaily).where(eq(reportFunnelDaily.day, day)),
      db.delete(trafficVisitors).where(eq(trafficVisitors.day, day)),
      db.update(trafficEvents).set({ rolled: 0 }).where(eq(trafficEvents.day, day)),
      ...rollPending(db),
    ]);
  }
  return days.length;
}

/**
 * After a change of report zone, for one range of the rebuild: moves the raw events that happened in it to their
 * local day in the zone now set, then recomputes the rollups of those days from them. Raw events exist only for the
 * retention period: older days keep their rollups, in the days of the zone they were counted in. When older rollups
 * exist (retention purged their events, or the demo history was seeded as rollups), the earliest day with raw events
 * is only partly covered by them and keeps its rollups too: a rollup is never replaced by a part of itself. Visitors
 * are hashed per day of the old zone, so one visitor across its old midnight may count twice in a moved day.
 * Returns the days rebuilt.
 */
export async function rebuildTrafficRange(db: Db, r: DayRange): Promise<number> {
  // An event's day moves by at most the difference of two offsets (under 27 hours): two days either side of the range.
  await db.run(sql`UPDATE traffic_events SET day = ${localDaySql(sql`at`)}
    WHERE day BETWEEN ${addDays(r.fromDay, -2)} AND ${addDays(r.toDay, 1)}
      AND at >= ${sqlLiteral(r.fromMs)} AND at < ${sqlLiteral(r.toMs)}`);
  const [first] = await db.all<{ day: string | null; older: number }>(sql`SELECT e.day AS day,
      EXISTS (SELECT 1 FROM report_traffic_daily WHERE day < e.day) AS older
    FROM (SELECT min(day) AS day FROM traffic_events) e`);
  if (!first?.day) return 0;
  const from = laterDay(r.fromDay, first.older ? addDays(first.day, 1) : first.day);
  const to = addDays(r.toDay, -1);
  return from > to ? 0 : rebuildTrafficRollups(db, from, to);
}

/** Rows deleted per statement by the purges, so one night's work is bounded whatever the backlog. */
export const PURGE_CHUNK = 5000;
/** Chunks per table per run; a larger backlog is finished by the following nights. */
export const PURGE_MAX_CHUNKS = 20;

async function purgeInChunks(db: Db, table: string, beforeDay: string): Promise<number> {
  let purged = 0;
  const name = sql.raw(table);
  for (let i = 0; i < PURGE_MAX_CHUNKS; i++) {
    const rows = await db.all<{ n: number }>(sql`DELETE FROM ${name} WHERE rowid IN
      (SELECT rowid FROM ${name} WHERE day < ${beforeDay} LIMIT ${PURGE_CHUNK}) RETURNING 1 AS n`);
    purged += rows.length;
    if (rows.length < PURGE_CHUNK) break;
  }
  return purged;
}

/**
 * Retention: raw events before `eventsBeforeDay` go (rollups stay); visitor sets and flood counts before
 * `setsBeforeDay` (no longer needed once a day is over); salts before `saltsBeforeDay`. Returns rows deleted.
 */
export async function purgeTraffic(
  db: Db,
  days: { eventsBeforeDay: string; setsBeforeDay: string; saltsBeforeDay: string },
): Promise<number> {
  let purged = await purgeInChunks(db, 'traffic_events', days.eventsBeforeDay);
  purged += await purgeInChunks(db, 'traffic_visitors', days.setsBeforeDay);
  purged += await purgeInChunks(db, 'traffic_visitor_load', days.setsBeforeDay);
  const salts = await db.all(sql`DELETE FROM traffic_salts WHERE day < ${days.saltsBeforeDay} RETURNING 1`);
  return purged + salts.length;
}

/**
 * The salt of `day` (made on first use), deleting every earlier one in the same batch: an old day's hashes cannot be
 * recomputed. `fresh` is used only if the day has none yet.
 */
export async function daySalt(db: Db, day: string, fresh: string): Promise<string> {
  const [, , rows] = await db.batch([
    db.insert(trafficSalts).values({ day, salt: fresh }).onConflictDoNothing(),
    db.delete(trafficSalts).where(lt(trafficSalts.day, day)),
    db.select({ salt: trafficSalts.salt }).from(trafficSalts).where(eq(trafficSalts.day, day)),
  ]);
  return rows[0]?.salt ?? fresh;
}
