/**
 * A top-N list as horizontal bars: HTML text (full labels, ellipsis when long, a tooltip with the whole) over SVG
 * bars, so the text keeps the page's size at any width.
 */
import { component$, useStyles$ } from '@builder.io/qwik';
import { summarizeBars } from '~/lib/chart-summary';
import { round2 } from '~/lib/charts';
import { formatValue, type ValueFormat } from '~/lib/report-format';
import styles from './charts.css?inline';

export interface BarChartItem {
  label: string;
  /** Money in minor units, a percent as a ratio; a bar below zero is drawn empty (its figure still shows). */
  value: number;
  /** Secondary text after the figure, e.g. "32 sold". */
  note?: string;
}

export interface BarChartProps {
  /** The visible caption, e.g. "Top products by net sales". */
  title: string;
  /** In the order to show, largest first for a top-N list. */
  items: BarChartItem[];
  format: ValueFormat;
  /** The chart's text alternative; by default summarizeBars() lists every bar with its figure. */
  summary?: string;
}

export const BarChart = component$<BarChartProps>(({ title, items, format, summary }) => {
  useStyles$(styles);
  const max = Math.max(0, ...items.map((item) => item.value));
  return (
    <figure class="adm-chart">
      <figcaption class="adm-chart-title">{title}</figcaption>
      {items.length === 0 ? (
        <p class="adm-empty">No data for this period.</p>
      ) : (
        <div class="adm-bars" role="img" aria-label={summary ?? summarizeBars(title, items, format)}>
          {items.map((item, i) => {
            const width = max > 0 && item.value > 0 ? Math.max(0.5, round2((item.value / max) * 100)) : 0;
            return (
              <div key={i}>
                <span class="adm-bar-text">
                  <span class="adm-bar-label" title={item.label}>
                    {item.label}
                  </span>
                  <span class="adm-bar-value">
                    {formatValue(item.value, format)}
                    {item.note && <span class="adm-bar-note"> · {item.note}</span>}
                  </span>
                </span>
                <svg
                  class="adm-bar"
                  viewBox="0 0 100 8"
                  preserveAspectRatio="none"
                  aria-hidden="true"
                  focusable="false"
                >
                  <rect class="adm-bar-track" width="100" height="8" />
                  <rect class="adm-bar-fill" width={width} height="8" />
                </svg>
              </div>
            );
          })}
        </div>
      )}
    </figure>
  );
});
