/**
 * When the demo history's orders were placed: how many on each local day of the year before the seed's clock
 * (growth over the year, busier weekends, the November/December peak) and at what time of day.
 */
import { addDays, localDay, startOfLocalDay, type ZoneOffset } from '@domain/reports/time-zone';
import type { Rng } from './random';

const HOUR = 3_600_000;

/** Shoppers by local hour (0–23): quiet nights, a lunchtime bump and a busy evening. */
const HOUR_WEIGHTS = [
  3, 2, 1, 1, 1, 2, 4, 7, 10, 11, 12, 13, 14, 13, 12, 12, 12, 13, 15, 17, 18, 16, 11, 6,
] as const;
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

/** How busy a calendar day is against an ordinary one: the holiday season, Black Friday week, a quiet January. */
function seasonOf(day: string): number {
  const month = Number(day.slice(5, 7));
  const date = Number(day.slice(8, 10));
  if (month === 11) return date >= 24 ? 2.4 : 1.4;
  if (month === 12) return date === 1 ? 2.4 : date <= 18 ? 1.8 : date <= 24 ? 1.3 : date === 25 ? 0.4 : 1;
  if (month === 1) return 0.8;
  if (month === 2) return 0.85;
  if (month >= 5 && month <= 8) return 0.95;
  return 1;
}

/** Weekends sell most, Friday a little more than midweek. */
function weekdayOf(day: string): number {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6 ? 1.35 : dow === 5 ? 1.1 : 1;
}

/** An hour of the day, weighted by HOUR_WEIGHTS. */
function pickHour(rng: Rng): number {
  let roll = rng.next() * HOUR_TOTAL;
  for (let h = 0; h < 24; h++) {
    roll -= HOUR_WEIGHTS[h] as number;
    if (roll < 0) return h;
  }
  return 23;
}

/**
 * About `total` placement instants (ms), ascending, over the 365 local days ending `endDaysAgo` days before `now`.
 * Each day gets its share of `total` by weight (growth from 0.75 to 1.25 over the year × season × weekday × ±15%
 * noise), rounded up or down at random, so the sum is close to `total` rather than exact.
 */
export function placementTimes(
  rng: Rng,
  offsets: readonly ZoneOffset[],
  now: number,
  total: number,
  endDaysAgo: number,
): number[] {
  const lastDay = localDay(offsets, now - endDaysAgo * 24 * HOUR);
  const firstDay = addDays(lastDay, -364);
  const days: { day: string; weight: number }[] = [];
  for (let i = 0; i < 365; i++) {
    const day = addDays(firstDay, i);
    const growth = 0.75 + (0.5 * i) / 364;
    days.push({ day, weight: growth * seasonOf(day) * weekdayOf(day) * (0.85 + 0.3 * rng.next()) });
  }
  const sum = days.reduce((a, d) => a + d.weight, 0);
  const times: number[] = [];
  for (const { day, weight } of days) {
    const expected = (total * weight) / sum;
    const count = Math.floor(expected) + (rng.next() < expected % 1 ? 1 : 0);
    const start = startOfLocalDay(offsets, day);
    // Whole seconds: a local hour, then minutes and seconds within it. On the 23-hour DST day a late order lands
    // early the next day, hence the sort below.
    for (let n = 0; n < count; n++) times.push(start + pickHour(rng) * HOUR + rng.int(0, 3599) * 1000);
  }
  return times.sort((a, b) => a - b);
}
