/** Numbers as the admin's reports show them: money, counts, percents and period-over-period change, in en-US. */
import { minorUnitsOf } from '@domain/pricing/money';

/**
 * How a report's numbers read, as plain data so a Qwik component can take it as a prop. Money is integer minor units
 * of `currency` (as everywhere else); a percent is a ratio (0.125 reads "12.5 %").
 */
export type ValueFormat = { kind: 'money'; currency: string } | { kind: 'count' } | { kind: 'percent' };

const LOCALE = 'en-US';
/** Keeps the number and its sign together on one line. */
const NBSP = '\u00a0';
/** A true minus sign: reads as "minus" and lines up with "+" in tabular figures. */
const MINUS = '\u2212';

/** Intl's en-US minus is a hyphen; reports show the true sign (display only: CSV keeps raw numbers). */
function withMinus(text: string): string {
  return text.replace('-', MINUS);
}

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) {
    // "negative": no "-$0" or "-0.0 %" for a small negative that rounds to zero.
    f = new Intl.NumberFormat(LOCALE, { signDisplay: 'negative', ...options });
    cache.set(key, f);
  }
  return f;
}

/** Minor units as an exact decimal string ("123456" USD → "1234.56"): Intl formats strings without a float. */
function decimalOf(minor: number, digits: number): string {
  const abs = Math.abs(minor)
    .toString()
    .padStart(digits + 1, '0');
  const unsigned = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return minor < 0 ? `-${unsigned}` : unsigned;
}

/**
 * "$12,345.67" from 1234567 USD; with `wholeUnits`, "$12,346" (summaries read better without cents). Throws for a
 * currency the platform does not support, like the rest of the money code: that is a bug, not input.
 */
export function formatAmount(minor: number, currency: string, wholeUnits = false): string {
  const digits = minorUnitsOf(currency);
  const f = numberFormat(`money:${currency}:${wholeUnits}`, {
    style: 'currency',
    currency,
    minimumFractionDigits: wholeUnits ? 0 : digits,
    maximumFractionDigits: wholeUnits ? 0 : digits,
  });
  // Intl.NumberFormat v3 formats decimal strings exactly; the cast keeps older lib typings happy.
  return withMinus(f.format(decimalOf(minor, digits) as unknown as number));
}

/** "$1.2K", "$900", "$3M" for chart axes; at most `fractionDigits` decimals (a float is fine at this precision). */
export function formatAmountCompact(minor: number, currency: string, fractionDigits = 1): string {
  const major = minor / 10 ** minorUnitsOf(currency);
  const f = numberFormat(`money-compact:${currency}:${fractionDigits}`, {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
  });
  return withMinus(f.format(major));
}

/** "12,345". */
export function formatCount(n: number): string {
  return withMinus(numberFormat('count', { maximumFractionDigits: 0 }).format(n));
}

/** "12K", "1.2M" for chart axes. */
export function formatCountCompact(n: number, fractionDigits = 1): string {
  const f = numberFormat(`count-compact:${fractionDigits}`, {
    notation: 'compact',
    maximumFractionDigits: fractionDigits,
  });
  return withMinus(f.format(n));
}

/** A ratio as "12.5 %" (0.125), with exactly `fractionDigits` decimals so a column lines up. */
export function formatPercent(ratio: number, fractionDigits = 1): string {
  const f = numberFormat(`percent:${fractionDigits}`, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
  return `${withMinus(f.format(ratio * 100))}${NBSP}%`;
}

/** The relative change (domain/reports/range.ts), re-exported for the components. */
export { changeOf } from '@domain/reports/range';

/**
 * "+12.5 %", "−3.0 %", "0.0 %" or "—" (no comparison): the sign is text, so the direction never rests on colour.
 * The sign follows the rounded figure, so a change too small to show is "0.0 %" rather than "−0.0 %".
 */
export function formatChange(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  const shown = formatPercent(Math.abs(ratio));
  if (Math.round(Math.abs(ratio) * 1000) === 0) return shown;
  return `${ratio > 0 ? '+' : MINUS}${shown}`;
}

/** One value in full, as a table cell or a chart summary shows it. */
export function formatValue(value: number, format: ValueFormat, wholeUnits = false): string {
  switch (format.kind) {
    case 'money':
      return formatAmount(value, format.currency, wholeUnits);
    case 'count':
      return formatCount(value);
    case 'percent':
      return formatPercent(value);
  }
}

/** The candidate axis formats, shortest first. */
function tickFormats(format: ValueFormat): ((v: number) => string)[] {
  const digits = [0, 1, 2];
  switch (format.kind) {
    case 'money':
      return [
        ...digits.map((d) => (v: number) => formatAmountCompact(v, format.currency, d)),
        (v: number) => formatAmount(v, format.currency),
      ];
    case 'count':
      return [...digits.map((d) => (v: number) => formatCountCompact(v, d)), formatCount];
    case 'percent':
      return [...digits, 3, 4].map((d) => (v: number) => formatPercent(v, d));
  }
}

/**
 * Labels for axis ticks: the shortest format that still tells every tick apart ("$1K", "$1.5K", "$2K" rather than
 * "$2K" twice), falling back to the full figure.
 */
export function formatTicks(ticks: readonly number[], format: ValueFormat): string[] {
  const candidates = tickFormats(format);
  for (const f of candidates) {
    const labels = ticks.map(f);
    if (new Set(labels).size === labels.length) return labels;
  }
  return ticks.map(candidates[candidates.length - 1]!);
}

/** The finest axis step worth a gridline: one whole currency unit, one item, a tenth of a percent. */
export function smallestStep(format: ValueFormat): number {
  switch (format.kind) {
    case 'money':
      return 10 ** minorUnitsOf(format.currency);
    case 'count':
      return 1;
    case 'percent':
      return 0.001;
  }
}

/** A report bucket's first day as a label: "3 Dec 2026", "Week of 30 Nov 2026" or "Nov 2026". */
export function formatBucket(bucket: string, grain: 'day' | 'week' | 'month'): string {
  const at = Date.parse(`${bucket}T00:00:00Z`);
  if (grain === 'month') {
    return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(at);
  }
  const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
  return grain === 'week' ? `Week of ${day}` : day;
}
