/** Traffic retention for the nightly cron: raw events past TRAFFIC_RETENTION_DAYS go; rollups stay. */
import { createDb, type DbEnv } from '@db/client';
import { readReportZone } from '@db/repositories/report-rollups';
import { purgeTraffic } from '@db/repositories/traffic';
import { addDays, localDay } from '@domain/reports/time-zone';
import { MAX_EVENT_AGE_MS } from './traffic-consumer';

/** Raw events are kept this many days when TRAFFIC_RETENTION_DAYS is unset or not a whole number of 1–3650. */
export const DEFAULT_TRAFFIC_RETENTION_DAYS = 90;

/**
 * The fewest days kept, whatever the setting: a raw event is what tells the consumer a redelivered event was already
 * counted, and the consumer takes events up to MAX_EVENT_AGE_MS (36 h) old, i.e. from as far back as the day before
 * yesterday. With fewer days a queue redelivery after the nightly purge would count an event (an order) twice.
 */
export const MIN_TRAFFIC_RETENTION_DAYS = Math.ceil(MAX_EVENT_AGE_MS / 86_400_000) + 1;

/** The retention setting, in days (1 and 2 are raised to MIN_TRAFFIC_RETENTION_DAYS). */
export function trafficRetentionDays(value: string | undefined): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 3650) return DEFAULT_TRAFFIC_RETENTION_DAYS;
  return Math.max(days, MIN_TRAFFIC_RETENTION_DAYS);
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
