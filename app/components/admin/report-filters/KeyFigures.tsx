/** A report's headline figures: each value with its change against the comparison period, in words and sign. */
import { component$ } from '@builder.io/qwik';
import { formatAmount, formatChange, formatCount, formatPercent } from '~/lib/report-format';

export interface KeyFigure {
  label: string;
  /** Null: no figure (e.g. an average over nobody), shown as a dash that reads "none". */
  value: number | null;
  /** A ratio is a plain number to one decimal ("1.4"); a percent is a ratio shown as "12.5 %". */
  kind: 'money' | 'count' | 'ratio' | 'percent';
  /** Against the comparison period (ratio), null when it had nothing, undefined when there is no comparison. */
  change?: number | null | undefined;
  /** A short line under the value, when there is no change to show (e.g. "All time"). */
  note?: string;
}

function valueText(f: KeyFigure, currency: string): string {
  if (f.value === null) return '—';
  switch (f.kind) {
    case 'money':
      return formatAmount(f.value, currency);
    case 'count':
      return formatCount(f.value);
    case 'ratio':
      return f.value.toFixed(1);
    case 'percent':
      return formatPercent(f.value);
  }
}

export const KeyFigures = component$<{ figures: KeyFigure[]; currency: string; label?: string }>(
  ({ figures, currency, label }) => (
    <ul class="adm-stats adm-key-figures" aria-label={label ?? 'Key figures'}>
      {figures.map((f) => (
        <li key={f.label} class="adm-stat">
          <div>
            <p class="adm-stat-label">{f.label}</p>
            <p class="adm-stat-value">
              {f.value === null ? (
                <>
                  <span aria-hidden="true">—</span>
                  <span class="visually-hidden">none</span>
                </>
              ) : (
                valueText(f, currency)
              )}
            </p>
            {f.change !== undefined && (
              <p class="adm-stat-note">
                {f.change === null ? 'Nothing to compare with' : `${formatChange(f.change)} vs comparison`}
              </p>
            )}
            {f.note && <p class="adm-stat-note">{f.note}</p>}
          </div>
        </li>
      ))}
    </ul>
  ),
);
