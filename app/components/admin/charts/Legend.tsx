/** The key to a two-series chart: a solid and a dashed line sample beside their names, so colour is never the key. */
import { component$ } from '@builder.io/qwik';

interface Props {
  current: string;
  previous: string;
}

export const Legend = component$<Props>(({ current, previous }) => (
  <ul class="adm-chart-legend">
    <li>
      <svg viewBox="0 0 28 8" aria-hidden="true" focusable="false">
        <line class="adm-chart-line" x1="1" x2="27" y1="4" y2="4" />
      </svg>
      {current}
    </li>
    <li>
      <svg viewBox="0 0 28 8" aria-hidden="true" focusable="false">
        <line class="adm-chart-prev" x1="1" x2="27" y1="4" y2="4" />
      </svg>
      {previous}
    </li>
  </ul>
));
