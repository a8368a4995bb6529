/** The one-sentence text alternative of a report chart, built from its data so it never drifts from the picture. */
import { formatValue, type ValueFormat } from './report-format';

/** What a line chart shows; the same shape as LineChart's data props. */
export interface SeriesSummaryInput {
  title: string;
  labels: readonly string[];
  values: readonly (number | null)[];
  previous?: readonly (number | null)[];
  format: ValueFormat;
  /** Whether adding the values up means something (sales, orders: yes; average order value, rates: no). */
  additive?: boolean;
}

/** The highest or lowest value and where it is; ties go to the first. */
function extreme(
  values: readonly (number | null)[],
  higher: boolean,
): { value: number; index: number } | null {
  let best: { value: number; index: number } | null = null;
  for (const [index, v] of values.entries()) {
    if (v === null || !Number.isFinite(v)) continue;
    if (!best || (higher ? v > best.value : v < best.value)) best = { value: v, index };
  }
  return best;
}

function sum(values: readonly (number | null)[]): number {
  return values.reduce<number>((total, v) => (v !== null && Number.isFinite(v) ? total + v : total), 0);
}

/**
 * "Net sales by day, 1 Nov to 30 Nov: total $12,345, highest $900 on 14 Nov; previous period total $11,000." For
 * non-additive series (rates, averages) the lowest and highest replace the total. Money is in whole units: a
 * sentence read aloud does not need cents.
 */
export function summarizeSeries(input: SeriesSummaryInput): string {
  const { title, labels, values, previous, format } = input;
  const additive = input.additive ?? format.kind !== 'percent';
  const first = labels[0];
  const last = labels[labels.length - 1];
  const span =
    first === undefined ? title : first === last ? `${title}, ${first}` : `${title}, ${first} to ${last}`;
  const high = extreme(values, true);
  if (!high) return `${span}: no data`;
  function show(v: number): string {
    return formatValue(v, format, true);
  }
  function at(i: number): string {
    return labels[i] === undefined ? '' : ` on ${labels[i]}`;
  }
  const facts: string[] = [];
  const low = extreme(values, false)!;
  if (high.value === 0 && low.value === 0) {
    // "highest $0 on 1 Nov" would single out a day that is like every other.
    facts.push(additive ? `total ${show(0)}` : `${show(0)} throughout`);
  } else if (values.filter((v) => v !== null && Number.isFinite(v)).length === 1) {
    // One figure: "lowest $42, highest $42" would only repeat it.
    facts.push(`${show(high.value)}${labels.length > 1 ? at(high.index) : ''}`);
  } else {
    facts.push(additive ? `total ${show(sum(values))}` : `lowest ${show(low.value)}${at(low.index)}`);
    facts.push(`highest ${show(high.value)}${at(high.index)}`);
  }
  let text = `${span}: ${facts.join(', ')}`;
  const previousHigh = previous ? extreme(previous, true) : null;
  if (previous && previousHigh) {
    text += additive
      ? `; previous period total ${show(sum(previous))}`
      : `; previous period highest ${show(previousHigh.value)}`;
  }
  return text;
}

/** One bar of a top-N chart, as the summary needs it. */
export interface BarSummaryItem {
  label: string;
  value: number;
}

/** "Top products by net sales: 1. Organic tee, $1,234; 2. Mug, $900." Every bar, in order: a top list is short. */
export function summarizeBars(title: string, items: readonly BarSummaryItem[], format: ValueFormat): string {
  if (items.length === 0) return `${title}: no data`;
  const list = items.map((item, i) => `${i + 1}. ${item.label}, ${formatValue(item.value, format, true)}`);
  return `${title}: ${list.join('; ')}`;
}
