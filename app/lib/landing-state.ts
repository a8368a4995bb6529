/** How the back office shows a landing page's state (domain/content/landing-page.ts `pageState`). */
import type { PageState } from '@domain/content/landing-page';

export const PAGE_STATE_BADGES: Record<PageState, readonly [string, string]> = {
  draft: ['Draft', 'adm-badge-muted'],
  scheduled: ['Scheduled', 'adm-badge-muted'],
  live: ['Live', 'adm-badge-ok'],
  'live, change scheduled': ['Live, change scheduled', 'adm-badge-ok'],
  ended: ['Ended', 'adm-badge-muted'],
};
