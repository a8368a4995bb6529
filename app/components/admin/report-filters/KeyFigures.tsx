/** A report's headline figures: each value with its change against the comparison period, in words and sign. */
import { component$ } from '@builder.io/qwik';
import { formatAmount, formatChange, formatCount } from '~/lib/report-format';

export interface KeyFigure {
  label: string;
  value: number;
  kind: 'money' | 'count';
  /** Against the comparison period (ratio), null when it had nothing, undefined when there is no comparison. */
  change?: number | null | undefined;
}

export const KeyFigures = component$<{ figures: KeyFigure[]; currency: string }>(({ figures, currency }) => (
  <ul class="adm-stats adm-key-figures" aria-label="Key figures">
    {figures.map((f) => (
      <li key={f.label} class="adm-stat">
        <div>
          <p class="adm-stat-label">{f.label}</p>
          <p class="adm-stat-value">
            {f.kind === 'money' ? formatAmount(f.value, currency) : formatCount(f.value)}
          </p>
          {f.change !== undefined && (
            <p class="adm-stat-note">
              {f.change === null ? 'Nothing to compare with' : `${formatChange(f.change)} vs comparison`}
            </p>
          )}
        </div>
      </li>
    ))}
  </ul>
));
