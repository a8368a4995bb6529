/**
 * The background rebuild's months and progress (worker/jobs/report-rebuild.ts): a job rebuilds the months from its
 * first month up to its end day, one at a time, and records the last month done. Days are 'YYYY-MM-DD' strings.
 */
import { monthOf, nextMonth } from './time-zone';

/** A job with no progress for this long lost its message (retries spent, a failed send): the next read re-sends it. */
export const STALE_REBUILD_MS = 10 * 60 * 1000;

/** How far a running rebuild is: months done and months in all. */
export interface RebuildProgress {
  done: number;
  total: number;
}

/** The months a job covers ('YYYY-MM-01' first month, exclusive end day) and the last one done (null: none). */
export interface RebuildSpan {
  from: string;
  to: string;
  doneThrough: string | null;
}

/** The days month `month` rebuilds: the month, cut at the job's end day. */
export function monthDays(month: string, end: string): { fromDay: string; toDay: string } {
  const after = nextMonth(month);
  return { fromDay: month, toDay: after < end ? after : end };
}

/** Months from `from` (a month's first day) up to through `through`, both counted (0 when `through` is earlier). */
function monthsThrough(from: string, through: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = through.split('-').map(Number) as [number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) + 1);
}

/** Months done and in all. The last month is the one holding the day before the end. */
export function rebuildProgress(span: RebuildSpan): RebuildProgress {
  const total = span.to > span.from ? monthsThrough(span.from, monthOf(previousDay(span.to))) : 0;
  const done = span.doneThrough === null ? 0 : Math.min(total, monthsThrough(span.from, span.doneThrough));
  return { done, total };
}

/** The month a job rebuilds next (null: every month is done). */
export function nextRebuildMonth(span: RebuildSpan): string | null {
  const month = span.doneThrough === null ? span.from : nextMonth(span.doneThrough);
  return month < span.to ? month : null;
}

/** True when `month` is the job's last. */
export function isLastRebuildMonth(span: Pick<RebuildSpan, 'to'>, month: string): boolean {
  return nextMonth(month) >= span.to;
}

/** True when a job that last moved at `progressAt` is presumed lost. */
export function isRebuildStale(progressAt: number, now: number): boolean {
  return now - progressAt >= STALE_REBUILD_MS;
}

function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
