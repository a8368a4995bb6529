/**
 * Keeping the rollups whole: the full rebuild (month by month, each month one batch, so no statement runs long),
 * run once when the rollups were never rebuilt (orders written before migration 0023 are counted then) and whenever
 * the report time zone changes; the per-customer totals, which have no days, are recomputed whole beside them, and
 * the traffic days that still have raw events are recounted in the zone's days. With the REPORTS queue it runs in the
 * background (rebuild-job.ts); without it, inline in the request.
 */
import type { Db } from '@db/client';
import { appendAuditStatement } from '@db/repositories/audit';
import {
  markRebuiltStatement,
  type ReportZone,
  readReportZone,
  rebuildCustomerTotalsStatements,
  rebuildRangeStatements,
  setReportZoneStatements,
} from '@db/repositories/report-rollups';
import { rebuildTrafficRange } from '@db/repositories/traffic';
import { fail, ok, type Result } from '@domain/core/result';
import { type RebuildProgress, rebuildProgress } from '@domain/reports/rebuild';
import { isTimeZone, localDay, nextMonth, zoneOffsets } from '@domain/reports/time-zone';
import { auditEntry } from '@worker/services/audit/audit';
import type { StaffPrincipal } from '@worker/services/identity/sessions';
import { monthRange, type ReportsQueue, rebuildSpan, resumeIfStale, startRebuild } from './rebuild-job';
import { foldRunningTotals } from './running';

/** Recomputes every rollup from the source tables inline; returns how many months it went through. */
export async function rebuildAllRollups(db: Db, now: number): Promise<number> {
  const { offsets } = await readReportZone(db);
  const span = await rebuildSpan(db, offsets, now);
  let months = 0;
  for (let month = span?.from; span && month && month < span.to; month = nextMonth(month)) {
    const range = monthRange(offsets, month, span.to);
    await rebuildTrafficRange(db, range);
    await db.batch(rebuildRangeStatements(db, range) as never);
    months++;
  }
  // Lifetime per customer: one recompute of the whole table, not month by month.
  await db.batch(rebuildCustomerTotalsStatements(db) as never);
  await markRebuiltStatement(db, now);
  await foldRunningTotals(db, (await readReportZone(db)).runningThrough, localDay(offsets, now));
  return months;
}

/**
 * The report zone and its offsets, with the rollups whole or becoming whole, and how far a rebuild is (`rebuilding`,
 * null: none runs). Never rebuilt (a store upgraded with orders already placed): with the REPORTS queue, a
 * background job is started (once: readers meanwhile find it running); without it (scripts, a deployment without
 * queues), the rebuild runs inline, as it did before the queue. A job that stalled is resumed.
 */
export async function readyReportZone(
  db: Db,
  now: number,
  queue?: ReportsQueue,
): Promise<ReportZone & { rebuilding: RebuildProgress | null }> {
  const zone = await readReportZone(db);
  if (zone.rebuild) {
    if (queue) await resumeIfStale(db, queue, zone.rebuild, now);
    return { ...zone, rebuilding: rebuildProgress(zone.rebuild) };
  }
  if (zone.rebuiltAt !== null) return { ...zone, rebuilding: null };
  if (!queue) {
    await rebuildAllRollups(db, now);
    return { ...(await readReportZone(db)), rebuilding: null };
  }
  const rebuilding = await startRebuild(db, queue, now);
  return { ...(await readReportZone(db)), rebuilding };
}

/**
 * Makes `timeZone` the reports' zone and rebuilds every rollup in its days: in the background when `queue` is given
 * (the answer then says how far it is), inline otherwise. A rebuild running for the old zone is superseded.
 */
export async function changeReportZone(
  db: Db,
  actor: StaffPrincipal,
  timeZone: string,
  now: number,
  queue?: ReportsQueue,
): Promise<Result<{ timeZone: string; months: number; rebuilding: RebuildProgress | null }>> {
  if (!isTimeZone(timeZone)) {
    return fail('VALIDATION_FAILED', 'Choose a time zone from the list.', {
      errors: [{ path: 'timeZone', message: 'Choose a time zone from the list.' }],
    });
  }
  const before = (await readReportZone(db)).timeZone;
  await db.batch([
    ...setReportZoneStatements(db, timeZone, zoneOffsets(timeZone)),
    appendAuditStatement(
      db,
      auditEntry({
        actor,
        action: 'reports.time-zone',
        entityType: 'settings',
        entityId: 'report-time-zone',
        before: { timeZone: before },
        after: { timeZone },
        now,
      }),
    ),
  ]);
  if (!queue) return ok({ timeZone, months: await rebuildAllRollups(db, now), rebuilding: null });
  const rebuilding = await startRebuild(db, queue, now);
  return ok({ timeZone, months: rebuilding?.total ?? 0, rebuilding });
}
