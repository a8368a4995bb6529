/** Formatting and query parameters for the back office: times in UTC (the audit log's clock), date filters, pages. */

const DATE_TIME = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** "Mar 4, 2026, 14:05 UTC". */
export const formatDateTime = (epochMs: number): string => `${DATE_TIME.format(epochMs)} UTC`;

/** The machine-readable form for <time datetime>. */
export const isoOf = (epochMs: number): string => new Date(epochMs).toISOString();

const DAY_MS = 86_400_000;
const DATE_FIELD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC midnight that starts a `YYYY-MM-DD` day, or null for anything that is not a real date. */
export function startOfDay(value: string): number | null {
  const m = DATE_FIELD.exec(value);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return isoOf(ms).slice(0, 10) === value ? ms : null;
}

/** The UTC midnight after a `YYYY-MM-DD` day (an inclusive "to" date as an exclusive bound), or null. */
export function endOfDay(value: string): number | null {
  const start = startOfDay(value);
  return start === null ? null : start + DAY_MS;
}

/** `?page=` as a page number from 1 to 10 000 (the admin API's bounds); anything else is page 1. */
export function pageParam(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** A wait in words: "45 seconds", "1 minute", "15 minutes" (rounded up: never promise too soon). */
export function describeWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
