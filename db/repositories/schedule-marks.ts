/**
 * Schedule marks: the moments scheduled content changes what shoppers see, and the page version built from them. Any
 * scheduled content (banners now; posts and landing pages later) writes its marks in the same batch as itself.
 */
import type { Db } from '@db/client';
import { catalogState, scheduleMarks } from '@db/schema';
import { and, eq, gt, sql } from 'drizzle-orm';

/**
 * Statements that make `times` the future marks of `ownerId`: marks already passed stay, because the page version
 * counts them and must never go back to a number an older state of the shop already used (see pageVersion).
 */
export function scheduleMarksFor(db: Db, ownerId: string, times: readonly number[], now: number) {
  const future = [...new Set(times.filter((t) => t > now))];
  return [
    db.delete(scheduleMarks).where(and(eq(scheduleMarks.ownerId, ownerId), gt(scheduleMarks.at, now))),
    ...(future.length
      ? [
          db
            .insert(scheduleMarks)
            .values(future.map((at) => ({ ownerId, at })))
            .onConflictDoNothing(),
        ]
      : []),
  ] as const;
}

/** Statements removing the future marks of deleted content (passed ones stay, as above). */
export const clearScheduleMarks = (db: Db, ownerId: string, now: number) =>
  scheduleMarksFor(db, ownerId, [], now);

/**
 * The version shop pages are cached under at `now`: the catalog version (bumped by triggers on every write) plus the
 * marks already passed (one indexed count, same round trip). Both only grow, so the sum changes at every write and
 * at every scheduled moment, and never repeats.
 */
export async function pageVersion(db: Db, now: number): Promise<number> {
  const [row] = await db
    .select({
      version: catalogState.version,
      passed: sql<number>`(select count(*) from ${scheduleMarks} where ${scheduleMarks.at} <= ${now})`,
    })
    .from(catalogState)
    .where(eq(catalogState.id, 1));
  return (row?.version ?? 1) + Number(row?.passed ?? 0);
}
