/**
 * A tiny trend line for a dashboard tile. Decorative by default (aria-hidden): the tile states its number in text.
 * Give `label` when the trend itself is the information, and it becomes an image with that text alternative.
 */
import { component$, useStyles$ } from '@builder.io/qwik';
import { linePath, niceTicks, scaleLinear } from '~/lib/charts';
import styles from './charts.css?inline';

export interface SparklineProps {
  /** Oldest first; null is a gap. */
  values: (number | null)[];
  /** The text alternative, e.g. "Orders over the last 30 days, rising from 12 to 31"; omit when the tile says it. */
  label?: string;
}

/** Drawing units, stretched to the box; strokes do not scale, so only the proportions matter. */
const W = 100;
const H = 30;

export const Sparkline = component$<SparklineProps>(({ values, label }) => {
  useStyles$(styles);
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  // From zero, like the report charts, so a small wobble does not look like a swing.
  const ticks = niceTicks(Math.min(0, ...finite), Math.max(0, ...finite));
  const y = scaleLinear([ticks[0]!, ticks[ticks.length - 1]!], [H, 0]);
  const x = scaleLinear([0, Math.max(1, values.length - 1)], values.length > 1 ? [0, W] : [W / 2, W / 2]);
  return (
    <svg
      class="adm-sparkline"
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      focusable="false"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
    >
      <path class="adm-spark" d={linePath(values, x, y)} vector-effect="non-scaling-stroke" />
    </svg>
  );
});
