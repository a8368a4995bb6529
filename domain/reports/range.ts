/**
 * What a report is asked for: a range of whole local days (inclusive, at most two years), a grain (day, week,
 * month) and a comparison (the previous period of the same length, or the same dates a year earlier). Parsed with
 * zod at every edge; the rest of the reports work on the normalised ReportRange.
 */
import { z } from 'zod';
import { addDays, daysBetween, monthOf, nextMonth } from './time-zone';

/** Longest range one report covers: two years and a leap day. */
export const MAX_RANGE_DAYS = 731;
export const GRAINS = ['day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];
export const COMPARISONS = ['previous', 'last-year', 'none'] as const;
export type Comparison = (typeof COMPARISONS)[number];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day 'YYYY-MM-DD' between 2000 and 2099. */
export const DaySchema = z.string().refine((value) => {
  const m = DAY.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  return year >= 2000 && year <= 2099 && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}, 'Expected a date as YYYY-MM-DD (2000–2099).');

/** The range fields every report takes (extend it with a report's own, then pass it through checkRange). */
export const ReportQueryFields = z.object({
  from: DaySchema,
  to: DaySchema,
  grain: z.enum(GRAINS).optional(),
  compare: z.enum(COMPARISONS).default('previous'),
});

/** Refuses an inverted range or one longer than MAX_RANGE_DAYS, on the `to` field. */
export function checkRange<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema.superRefine((q, ctx) => {
    if (q.to < q.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The range ends before it starts.' });
    else if (daysBetween(q.from, q.to) + 1 > MAX_RANGE_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `A report covers at most ${MAX_RANGE_DAYS} days.`,
      });
    }
  });
}

export const ReportQuerySchema = checkRange(ReportQueryFields.strict());
export type ReportQuery = z.input<typeof ReportQuerySchema>;

/** Days `from` to `to` inclusive, as the half-open [fromDay, toDay) the queries use. */
export interface DaySpan {
  from: string;
  to: string;
  /** The day after `to`. */
  end: string;
}

/** A validated report request. */
export interface ReportRange {
  current: DaySpan;
  comparison: DaySpan | null;
  compare: Comparison;
  grain: Grain;
}

function span(from: string, to: string): DaySpan {
  return { from, to, end: addDays(to, 1) };
}

/** `day` a year earlier (29 February becomes the 28th). */
export function yearEarlier(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - 1, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** The grain a range reads best in when none was asked for: days up to two months, weeks up to half a year. */
export function defaultGrain(days: number): Grain {
  return days <= 62 ? 'day' : days <= 190 ? 'week' : 'month';
}

/** The normalised range of a parsed query. */
export function reportRange(q: z.output<typeof ReportQueryFields>): ReportRange {
  const days = daysBetween(q.from, q.to) + 1;
  const comparison =
    q.compare === 'previous'
      ? span(addDays(q.from, -days), addDays(q.from, -1))
      : q.compare === 'last-year'
        ? span(yearEarlier(q.from), yearEarlier(q.to))
        : null;
  return {
    current: span(q.from, q.to),
    comparison,
    compare: q.compare,
    grain: q.grain ?? defaultGrain(days),
  };
}

/** The first day of the bucket `day` falls in: itself, its week's Monday, or its month's first. */
export function bucketOf(day: string, grain: Grain): string {
  if (grain === 'day') return day;
  if (grain === 'month') return monthOf(day);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Every bucket of `s` in order (the first may start before `s.from`: a week or month cut by the range). */
export function bucketsOf(s: DaySpan, grain: Grain): string[] {
  const out: string[] = [];
  for (let day = s.from; day <= s.to; day = addDays(day, 1)) {
    const b = bucketOf(day, grain);
    if (out[out.length - 1] !== b) out.push(b);
  }
  return out;
}

/** The relative change from `previous` to `current` (0.125 = +12.5 %), or null when there was nothing before. */
export function changeOf(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/**
 * `s` cut for the rollups: the whole months it covers, read from the monthly rollups ('YYYY-MM', `from` up to not
 * including `end`), and the days before and after them, read from the daily ones (half-open day ranges). A span
 * without a whole month is all days.
 */
export interface SpanParts {
  days: { from: string; end: string }[];
  months: { from: string; end: string } | null;
}

export function spanParts(s: DaySpan): SpanParts {
  const firstWhole = s.from === monthOf(s.from) ? s.from : nextMonth(s.from);
  const afterWhole = monthOf(s.end);
  if (firstWhole >= afterWhole) return { days: [{ from: s.from, end: s.end }], months: null };
  const days = [
    { from: s.from, end: firstWhole },
    { from: afterWhole, end: s.end },
  ].filter((d) => d.from < d.end);
  return { days, months: { from: firstWhole.slice(0, 7), end: afterWhole.slice(0, 7) } };
}

/**
 * `s` cut at the running totals' mark (`through`: the days before it are folded): the
 * folded part [from, foldedEnd) read as the running totals at its end less those before its start, and the rest
 * read from the rollups (spanParts). Spans with fewer than `minDays` folded days are read from the rollups whole:
 * adding up a few days' rows is cheaper than two seeks per key. `atTotals`: the folded part ends at the mark and the
 * totals rows are whole there, so its end is each key's totals row.
 */
export interface RunningParts {
  folded: { from: string; end: string; atTotals: boolean } | null;
  rest: DaySpan | null;
}

export function runningParts(s: DaySpan, mark: RunningMark, minDays: number): RunningParts {
  const { through, totalsThrough } = mark;
  const foldedEnd = through === null || through > s.end ? s.end : through;
  if (through === null || daysBetween(s.from, foldedEnd) < minDays) return { folded: null, rest: s };
  const rest = foldedEnd < s.end ? { from: foldedEnd, to: s.to, end: s.end } : null;
  const atTotals = foldedEnd === through && totalsThrough === through;
  return { folded: { from: s.from, end: foldedEnd, atTotals }, rest };
}

/**
 * Where the running totals stand (report_zone): their rows hold the days before `through`, their totals rows the
 * days before `totalsThrough` (the same after a fold; a write to an earlier day moves `through` back alone).
 */
export interface RunningMark {
  through: string | null;
  totalsThrough: string | null;
}
