/** The back office's line icons (decorative: the text beside them names the thing). */
import { component$ } from '@builder.io/qwik';

const PATHS = {
  home: 'M3 10.5 12 3l9 7.5M5.5 8.5V20h5v-6h3v6h5V8.5',
  customers:
    'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 10a7 7 0 0 1 14 0M16 3.2a4 4 0 0 1 0 7.6M22 21a7 7 0 0 0-4.5-6.5',
  staff: 'M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6l-8-3Zm-3 9 2 2 4-4',
  audit:
    'M9 4h6M9 4a2 2 0 0 0-2 2H5v15h14V6h-2a2 2 0 0 0-2-2M9 4a2 2 0 0 1 2-1h2a2 2 0 0 1 2 1M8.5 11h7M8.5 15h7',
  logout: 'M15 4h4v16h-4M10 8l-4 4 4 4M6 12h11',
  search: 'm21 21-4.3-4.3M10.5 18a7.5 7.5 0 1 1 0-15 7.5 7.5 0 0 1 0 15Z',
  mail: 'M3 6h18v12H3zM3 7l9 6 9-6',
  lock: 'M6 11h12v10H6zM8.5 11V7.5a3.5 3.5 0 0 1 7 0V11',
  arrow: 'M5 12h14M13 6l6 6-6 6',
} as const;

/** The names of the available icons. */
export type AdminIconName = keyof typeof PATHS;

/** An icon in the current text colour, hidden from assistive technology. */
export const AdminIcon = component$<{ name: AdminIconName }>(({ name }) => (
  <svg
    class="adm-icon"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="1.8"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d={PATHS[name]} />
  </svg>
));
