/**
 * Keeping the running totals (db/repositories/report-running.ts) folded through yesterday: a day is folded once it
 * is over in the store's time zone, by the nightly cron, by the rebuild job after each month, and by the first report
 * read of a day (a few days at most: further behind, the reads add up the rest from the daily rollups, which is
 * slower but equal). Today's rows are never folded; reads add them up live.
 */
import type { Db } from '@db/client';
import { type ReportZone, readReportZone } from '@db/repositories/report-rollups';
import { firstRollupDay, foldDayStatements } from '@db/repositories/report-running';
import type { RunningMark } from '@domain/reports/range';
import { addDays, daysBetween, localDay } from '@domain/reports/time-zone';
import { z } from 'zod';
import type { ReportsQueue } from './rebuild-job';

/** Days a report read folds before answering; the cron and the rebuild job fold any number. */
export const FOLD_DAYS_PER_READ = 3;

/** Days folded in one transaction: fewer commits (most of a day's fold is writing pages), bounded statements. */
const DAYS_PER_TRANSACTION = 10;

const markOf = (zone: ReportZone): RunningMark => ({
  through: zone.runningThrough,
  totalsThrough: zone.totalsThrough,
});

/**
 * Folds the days from the running mark `through` (or the first rollup day) up to `until` (exclusive), at most
 * `maxDays` of them, one transaction a day; returns where the running totals stand after. A fold that loses a race
 * (another fold, or a write moving the mark back) writes nothing.
 */
export async function foldRunningTotals(
  db: Db,
  through: string | null,
  until: string,
  maxDays = Number.POSITIVE_INFINITY,
): Promise<RunningMark> {
  const first = through ?? (await firstRollupDay(db));
  let mark = through;
  let left = first === null ? 0 : Math.min(maxDays, daysBetween(first, until));
  for (let day = first; day !== null && left > 0; ) {
    // Several days a transaction: each day's statements are guarded by the mark the day before moved.
    const statements = [];
    for (let n = 0; n < DAYS_PER_TRANSACTION && left > 0; n++, left--) {
      const next = addDays(day, 1);
      statements.push(...foldDayStatements(db, day, mark, next));
      mark = next;
      day = next;
    }
    const results = (await db.batch(statements as never)) as unknown[];
    if ((results.at(-1) as unknown[]).length === 0) break; // lost a race: nothing was written
  }
  return markOf(await readReportZone(db));
}

/**
 * Where the running totals stand for a report read: folded up to yesterday first, a few days at most, unless a
 * rebuild is rewriting the days (its job folds each month it finishes).
 */
export async function readyRunningTotals(
  db: Db,
  zone: ReportZone,
  today: string,
  queue?: ReportsQueue,
): Promise<RunningMark> {
  const ready = zone.runningThrough !== null && zone.runningThrough >= today && zone.totalsThrough === today;
  if (zone.rebuild || ready) return markOf(zone);
  const mark = await foldRunningTotals(db, zone.runningThrough, today, FOLD_DAYS_PER_READ);
  // Still behind (a store upgraded with history, or days without a report read or a cron run): the queue folds the
  // rest in the background. Several reads may send; the consumers after the first find nothing left to fold.
  if (queue && (mark.through === null || mark.through < today)) {
    await queue.send({ kind: 'fold-running' }, { contentType: 'json' });
  }
  return mark;
}

/** A REPORTS queue message: fold every finished day into the running totals. */
export const FoldRunningMessage = z.object({ kind: z.literal('fold-running') }).strict();
export type FoldRunningMessage = z.infer<typeof FoldRunningMessage>;

/**
 * Every day up to yesterday, for the nightly cron (worker/jobs/scheduled.ts) and the queue's fold-running message;
 * returns how many days it folded.
 */
export async function foldReportDays(db: Db, now: number): Promise<number> {
  const zone = await readReportZone(db);
  if (zone.rebuild) return 0;
  const from = zone.runningThrough ?? (await firstRollupDay(db));
  const after = await foldRunningTotals(db, zone.runningThrough, localDay(zone.offsets, now));
  return from && after.through ? Math.max(0, daysBetween(from, after.through)) : 0;
}
