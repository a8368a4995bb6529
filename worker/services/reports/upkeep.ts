/**
 * Keeping the rollups whole: the full rebuild (month by month, each month one batch, so no statement runs long),
 * run once when the rollups were never rebuilt (orders written before migration 0023 are counted then) and whenever
 * the report time zone changes; the per-customer totals, which have no days, are recomputed whole beside them.
 */
import type { Db } from '@db/client';
import { appendAuditStatement } from '@db/repositories/audit';
import {
  markRebuiltStatement,
  readReportZone,
  rebuildCustomerTotalsStatements,
  rebuildRangeStatements,
  rollupsRebuiltAt,
  setReportZoneStatements,
} from '@db/repositories/report-rollups';
import { fail, ok, type Result } from '@domain/core/result';
import { addDays, isTimeZone, localDay, startOfLocalDay, zoneOffsets } from '@domain/reports/time-zone';
import { auditEntry } from '@worker/services/audit/audit';
import type { StaffPrincipal } from '@worker/services/identity/sessions';
import { sql } from 'drizzle-orm';

/** The first day of the month after `day`'s. */
function nextMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

/** Recomputes every rollup from the source tables; returns how many months it went through. */
export async function rebuildAllRollups(db: Db, now: number): Promise<number> {
  const { offsets } = await readReportZone(db);
  const [first] = await db.all<{ at: number | null }>(sql`SELECT min(at) AS at FROM (
    SELECT min(placed_at) AS at FROM orders UNION ALL SELECT min(created_at) FROM refunds
    UNION ALL SELECT min(coalesce(confirmed_at, created_at)) FROM promotion_uses WHERE state = 'confirmed')`);
  const end = addDays(localDay(offsets, now), 2);
  let months = 0;
  if (first?.at !== null && first?.at !== undefined) {
    for (
      let from = `${localDay(offsets, Number(first.at)).slice(0, 7)}-01`;
      from < end;
      from = nextMonth(from)
    ) {
      const month = nextMonth(from);
      // biome-ignore lint/complexity/useMathMinMax: days are 'YYYY-MM-DD' strings, compared as text.
      const to = month < end ? month : end;
      const range = {
        fromDay: from,
        toDay: to,
        fromMs: startOfLocalDay(offsets, from),
        toMs: startOfLocalDay(offsets, to),
      };
      await db.batch(rebuildRangeStatements(db, range) as never);
      months++;
    }
  }
  // Lifetime per customer: one recompute of the whole table, not month by month.
  await db.batch(rebuildCustomerTotalsStatements(db) as never);
  await markRebuiltStatement(db, now);
  return months;
}

/** Rebuilds the rollups if they never were (a store upgraded with orders already placed). */
export async function ensureRollups(db: Db, now: number): Promise<void> {
  if ((await rollupsRebuiltAt(db)) === null) await rebuildAllRollups(db, now);
}

/** The report zone and its offsets, once the rollups are whole (rebuilt first if they never were). */
export async function readyReportZone(
  db: Db,
  now: number,
): Promise<Awaited<ReturnType<typeof readReportZone>>> {
  const zone = await readReportZone(db);
  if (zone.rebuiltAt !== null) return zone;
  await rebuildAllRollups(db, now);
  return readReportZone(db);
}

/** Makes `timeZone` the reports' zone and rebuilds every rollup in its days. */
export async function changeReportZone(
  db: Db,
  actor: StaffPrincipal,
  timeZone: string,
  now: number,
): Promise<Result<{ timeZone: string; months: number }>> {
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
  return ok({ timeZone, months: await rebuildAllRollups(db, now) });
}
