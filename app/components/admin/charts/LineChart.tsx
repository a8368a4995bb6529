/** A report's trend over time, server-rendered: one series, and the previous period dashed behind it if given. */
import { component$, useStyles$ } from '@builder.io/qwik';
import { summarizeSeries } from '~/lib/chart-summary';
import { labelsThatFit, linePath, niceTicks, round2, scaleLinear, thinLabels } from '~/lib/charts';
import { formatTicks, smallestStep, type ValueFormat } from '~/lib/report-format';
import styles from './charts.css?inline';
import { Legend } from './Legend';

export interface LineChartProps {
  /** The visible caption, e.g. "Net sales by day". */
  title: string;
  /** The x positions in order, already formatted for display ("14 Nov"). */
  labels: string[];
  /** One value per label; null is a gap (no data), not a zero. Money in minor units, a percent as a ratio. */
  values: (number | null)[];
  /** The previous period, position by position (its day 1 under this day 1); omit for no comparison. */
  previous?: (number | null)[];
  format: ValueFormat;
  /** Legend names, shown only with a comparison. */
  seriesLabel?: string;
  previousLabel?: string;
  /** Whether the values add up to a meaningful total (sales: yes, average order value: no); default: not for percents. */
  additive?: boolean;
  /** The chart's text alternative; by default summarizeSeries() writes it from the title, labels and values. */
  summary?: string;
}

/** The plot's drawing units: stretched to the box (preserveAspectRatio none), so only the proportions matter. */
const W = 1000;
const H = 200;
/** Lines up to this many points get a dot on each value, so single days can be told apart. */
const DOTS_UP_TO = 31;
/** The plot widths (px) the x-label sets are thinned for: a phone, and a chart at least 40rem wide (charts.css). */
const NARROW_PX = 240;
const WIDE_PX = 560;
const LABEL_FONT_PX = 12;

/** Label indices for a plot `px` wide, keeping one label width spare for the first and last, which sit inside it. */
function labelsFor(count: number, longest: number, px: number): Set<number> {
  const room = px - longest * LABEL_FONT_PX * 0.6;
  return new Set(thinLabels(count, labelsThatFit(room, longest, LABEL_FONT_PX)));
}

export const LineChart = component$<LineChartProps>((props) => {
  useStyles$(styles);
  const { title, labels, format } = props;
  // A series longer than the labels would run off the plot; a shorter one just ends early.
  const values = props.values.slice(0, labels.length);
  const previous = props.previous?.slice(0, labels.length);
  if (labels.length === 0) {
    return (
      <figure class="adm-chart">
        <figcaption class="adm-chart-title">{title}</figcaption>
        <p class="adm-empty">No data for this period.</p>
      </figure>
    );
  }
  const all = [...values, ...(previous ?? [])].filter((v): v is number => v !== null && Number.isFinite(v));
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all), 5, { minStep: smallestStep(format) });
  const tickLabels = formatTicks(ticks, format);
  const y = scaleLinear([ticks[0]!, ticks[ticks.length - 1]!], [H, 0]);
  const n = labels.length;
  const x = scaleLinear([0, Math.max(1, n - 1)], n > 1 ? [0, W] : [W / 2, W / 2]);
  const longest = Math.max(...labels.map((l) => l.length));
  const narrow = labelsFor(n, longest, NARROW_PX);
  const wide = labelsFor(n, longest, WIDE_PX);
  const dots =
    n <= DOTS_UP_TO
      ? values
          .map((v, i) => (v === null || !Number.isFinite(v) ? '' : `M${round2(x(i))},${round2(y(v))}h0`))
          .join('')
      : '';
  const label =
    props.summary ?? summarizeSeries({ title, labels, values, previous, format, additive: props.additive });
  return (
    <figure class="adm-chart">
      <figcaption class="adm-chart-title">{title}</figcaption>
      {previous && (
        <Legend
          current={props.seriesLabel ?? 'This period'}
          previous={props.previousLabel ?? 'Previous period'}
        />
      )}
      <div class="adm-chart-body" role="img" aria-label={label}>
        <div class="adm-chart-y">
          {tickLabels.toReversed().map((t, i) => (
            <span key={i}>{t}</span>
          ))}
        </div>
        <div class="adm-chart-plot">
          <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
            {ticks.map((t) => (
              <line
                key={t}
                class={t === 0 ? 'adm-chart-zero' : 'adm-chart-grid'}
                x1="0"
                x2={W}
                y1={round2(y(t))}
                y2={round2(y(t))}
                vector-effect="non-scaling-stroke"
              />
            ))}
            {previous && (
              <path class="adm-chart-prev" d={linePath(previous, x, y)} vector-effect="non-scaling-stroke" />
            )}
            <path class="adm-chart-line" d={linePath(values, x, y)} vector-effect="non-scaling-stroke" />
            {dots && <path class="adm-chart-dots" d={dots} vector-effect="non-scaling-stroke" />}
          </svg>
        </div>
        <div class="adm-chart-x">
          {labels.map((text, i) => {
            const inNarrow = narrow.has(i);
            const inWide = wide.has(i);
            if (!inNarrow && !inWide) return null;
            const edge = n === 1 ? '' : i === 0 ? 'adm-chart-x-first' : i === n - 1 ? 'adm-chart-x-last' : '';
            const set = inNarrow && inWide ? '' : inNarrow ? 'adm-chart-x-narrow' : 'adm-chart-x-wide';
            return (
              <span
                key={i}
                class={[edge, set]}
                style={{ left: `${round2(n > 1 ? (i / (n - 1)) * 100 : 50)}%` }}
              >
                {text}
              </span>
            );
          })}
        </div>
      </div>
    </figure>
  );
});
