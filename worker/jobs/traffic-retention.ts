/** Traffic retention for the nightly cron: raw events past TRAFFIC_RETENTION_DAYS go; rollups stay. */
import { createDb, type DbEnv } from '@db/client';
import { readReportZone } from '@db/repositories/report-rollups';
import { purgeTraffic } from '@db/repositories/traffic';
import { addDays, localDay } from '@domain/reports/time-zone';

/** Raw events are kept this many days when TRAFFIC_RETENTION_DAYS is unset or not a whole number of 1–3650. */
export const DEFAULT_TRAFFIC_RETENTION_DAYS = 90;

/** The retention setting, in days. */
export function trafficRetentionDays(value: string | undefined): number {
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 && days <= 3650 ? days : DEFAULT_TRAFFIC_RETENTION_DAYS;
}

/**
 * Deletes raw events older than the retention (today counts as one of the days kept), visitor sets and flood counts
 * of days before the day before yesterday, and salts before today. A set must outlive every event of its day: the
 * consumer refuses events older than 36 hours, and a day ended at least 48 hours before its set goes, so a late
 * event never finds its day's set gone (which would shrink the day's visitor counts). Bounded per night
 * (db/repositories/traffic.ts PURGE_MAX_CHUNKS); returns rows deleted.
 */
export async function purgeOldTraffic(
  env: DbEnv & { TRAFFIC_RETENTION_DAYS?: string },
  now: number,
): Promise<number> {
  const db = createDb(env);
  const today = localDay((await readReportZone(db)).offsets, now);
  return purgeTraffic(db, {
    eventsBeforeDay: addDays(today, 1 - trafficRetentionDays(env.TRAFFIC_RETENTION_DAYS)),
    setsBeforeDay: addDays(today, -2),
    saltsBeforeDay: today,
  });
}
