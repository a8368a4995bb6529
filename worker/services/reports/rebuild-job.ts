/**
 * The full rollup rebuild as a background job on the REPORTS queue: one message per month, each rebuilding its month
 * in one batch, recording it as done and sending the next; the last one also recomputes the per-customer totals and
 * marks the rollups whole. Progress lives in report_zone, so every report page can say how far it is.
 */
import type { Db } from '@db/client';
import {
  markRebuiltStatement,
  type RebuildJob,
  readReportZone,
  rebuildCustomerTotalsStatements,
  rebuildJobGuardStatement,
  rebuildMonthDoneStatement,
  rebuildRangeStatements,
  reclaimRebuildStatement,
  startRebuildStatement,
} from '@db/repositories/report-rollups';
import { rebuildTrafficRange } from '@db/repositories/traffic';
import { newId } from '@domain/core/ids';
import {
  isLastRebuildMonth,
  isRebuildStale,
  monthDays,
  nextRebuildMonth,
  type RebuildProgress,
  rebuildProgress,
} from '@domain/reports/rebuild';
import {
  addDays,
  earlierDay,
  localDay,
  monthOf,
  nextMonth,
  startOfLocalDay,
  type ZoneOffset,
} from '@domain/reports/time-zone';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ExportPageMessage } from './exports';
import { type FoldRunningMessage, foldRunningTotals } from './running';

/** A REPORTS queue message: rebuild `month` ('YYYY-MM-01') for job `job`. */
export const RebuildMonthMessage = z
  .object({
    kind: z.literal('rebuild-month'),
    job: z.string().min(1).max(64),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-01$/),
  })
  .strict();
export type RebuildMonthMessage = z.infer<typeof RebuildMonthMessage>;

/** The REPORTS producer binding, as far as the rebuild, the running totals and the exports use it. */
export interface ReportsQueue {
  send(
    body: RebuildMonthMessage | FoldRunningMessage | ExportPageMessage,
    options?: QueueSendOptions,
  ): Promise<unknown>;
}

/** What one message did (logged, and read by tests). */
export type RebuildStep = 'rebuilt' | 'finished' | 'redelivered' | 'superseded';

// The traffic term reads the earliest day's events only (traffic_events has no index on at).
const sqlFirstActivity = sql`SELECT min(at) AS at FROM (
    SELECT min(placed_at) AS at FROM orders UNION ALL SELECT min(created_at) FROM refunds
    UNION ALL SELECT min(coalesce(confirmed_at, created_at)) FROM promotion_uses WHERE state = 'confirmed'
    UNION ALL SELECT min(at) FROM traffic_events WHERE day = (SELECT min(day) FROM traffic_events))`;

/**
 * The first month with orders, refunds, confirmed promotion uses or raw traffic events, and the end day (today + 2),
 * in `offsets`.
 */
export async function rebuildSpan(
  db: Db,
  offsets: readonly ZoneOffset[],
  now: number,
): Promise<{ from: string; to: string } | null> {
  const [first] = await db.all<{ at: number | null }>(sqlFirstActivity);
  if (first?.at === null || first?.at === undefined) return null;
  const to = addDays(localDay(offsets, now), 2);
  const from = monthOf(localDay(offsets, Number(first.at)));
  return from < to ? { from, to } : null;
}

/** The rebuild range of `month` in `offsets`: its days cut at `end`, and the instants they begin. */
export function monthRange(offsets: readonly ZoneOffset[], month: string, end: string) {
  const { fromDay, toDay } = monthDays(month, end);
  return { fromDay, toDay, fromMs: startOfLocalDay(offsets, fromDay), toMs: startOfLocalDay(offsets, toDay) };
}

function message(job: string, month: string): RebuildMonthMessage {
  return { kind: 'rebuild-month', job, month };
}

/**
 * Starts a background rebuild in the zone now set, unless one runs or the rollups are whole. A store with nothing to
 * count is marked whole at once. Returns the progress of the job that now runs (null: none runs).
 */
export async function startRebuild(
  db: Db,
  queue: ReportsQueue,
  now: number,
): Promise<RebuildProgress | null> {
  const zone = await readReportZone(db);
  if (zone.rebuild) return rebuildProgress(zone.rebuild);
  if (zone.rebuiltAt !== null) return null;
  const span = await rebuildSpan(db, zone.offsets, now);
  if (!span) {
    await db.batch([...rebuildCustomerTotalsStatements(db), markRebuiltStatement(db, now)] as never);
    return null;
  }
  const job = { id: newId('reportRebuild', now), ...span };
  const [started] = await startRebuildStatement(db, job, now);
  if (!started) {
    // Another reader started one between our read and our write: report its progress.
    const again = await readReportZone(db);
    return again.rebuild ? rebuildProgress(again.rebuild) : null;
  }
  await queue.send(message(job.id, span.from), { contentType: 'json' });
  return rebuildProgress({ ...span, doneThrough: null });
}

/**
 * Re-sends the next month of a job that made no progress for STALE_REBUILD_MS (its message was lost: retries spent,
 * or a send failed). Only one reader wins the claim; rebuilding a month twice is harmless anyway.
 */
export async function resumeIfStale(
  db: Db,
  queue: ReportsQueue,
  job: RebuildJob,
  now: number,
): Promise<void> {
  if (!isRebuildStale(job.progressAt, now)) return;
  const [claimed] = await reclaimRebuildStatement(db, job.id, job.progressAt, now);
  if (!claimed) return;
  // Every month done but the finish lost: the last month's message runs the finish again.
  const month = nextRebuildMonth(job) ?? job.doneThrough ?? job.from;
  await queue.send(message(job.id, month), { contentType: 'json' });
}

/** True when `job` is no longer the rebuild in progress. */
async function superseded(db: Db, job: string): Promise<boolean> {
  return (await readReportZone(db)).rebuild?.id !== job;
}

/** Runs `statements` behind the job guard; false when the job was superseded meanwhile (nothing written). */
async function guarded(db: Db, job: string, statements: unknown[]): Promise<boolean> {
  try {
    await db.batch([rebuildJobGuardStatement(db, job), ...statements] as never);
    return true;
  } catch (error) {
    if (await superseded(db, job)) return false;
    throw error;
  }
}

/**
 * One message: rebuilds its month (unless it already is: a redelivery), records it, and sends the next month, or on
 * the last month recomputes the customer totals and marks the rollups whole. A message of a job that is no longer
 * running (a newer zone change superseded it, or it finished) is dropped.
 */
export async function rebuildMonth(
  db: Db,
  queue: ReportsQueue,
  msg: RebuildMonthMessage,
  now: number,
): Promise<RebuildStep> {
  const zone = await readReportZone(db);
  const job = zone.rebuild;
  if (!job || job.id !== msg.job || msg.month < job.from || msg.month >= job.to) return 'superseded';
  // A month past this one is done: this is a stale duplicate, and the chain has moved on without it.
  if (job.doneThrough !== null && job.doneThrough > msg.month) return 'redelivered';
  let step: RebuildStep = 'redelivered';
  if (job.doneThrough !== msg.month) {
    const range = monthRange(zone.offsets, msg.month, job.to);
    // Traffic first: its days are rebuilt one batch each and again whole on a redelivery, so the month is recorded
    // as done only after them.
    await rebuildTrafficRange(db, range);
    const written = await guarded(db, job.id, [
      ...rebuildRangeStatements(db, range),
      rebuildMonthDoneStatement(db, job.id, msg.month, now),
    ]);
    if (!written) return 'superseded';
    step = 'rebuilt';
    // The month's days are final now: fold them into the running totals (up to yesterday; one transaction a day).
    const today = localDay(zone.offsets, now);
    const { runningThrough } = await readReportZone(db);
    await foldRunningTotals(db, runningThrough, earlierDay(range.toDay, today));
  }
  if (isLastRebuildMonth(job, msg.month)) {
    const finished = await guarded(db, job.id, [
      ...rebuildCustomerTotalsStatements(db),
      markRebuiltStatement(db, now),
    ]);
    return finished ? 'finished' : 'superseded';
  }
  // A redelivery of a month already done re-sends its successor too, in case the first send was what failed.
  await queue.send(message(job.id, nextMonth(msg.month)), { contentType: 'json' });
  return step;
}
