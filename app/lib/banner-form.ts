/** The banner editor's form: its fields as posted, turned into the domain's BannerInput (times are entered in UTC). */

import { BannerInput, type BannerInput as BannerInputType } from '@domain/content/banners';

/** The form's values by field name (every value a string; a checkbox is 'on' or absent). */
export type BannerFormValues = Partial<
  Record<
    | 'placement'
    | 'categoryId'
    | 'audience'
    | 'title'
    | 'body'
    | 'linkUrl'
    | 'imageUrl'
    | 'imageAlt'
    | 'startsAt'
    | 'endsAt'
    | 'priority'
    | 'active',
    string
  >
>;

/** `2026-12-03T09:00` read as UTC; empty is null; anything else NaN (refused by the schema as not an integer). */
export function utcMillis(value: string | undefined): number | null {
  if (!value?.trim()) return null;
  const ms = Date.parse(`${value.trim()}${value.length <= 16 ? ':00' : ''}Z`);
  return Number.isNaN(ms) ? Number.NaN : ms;
}

/** The reverse, for the form's initial values. */
export const utcInput = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 16));

function orNull(v: string | undefined): string | null {
  return v?.trim() ? v.trim() : null;
}

/** The posted form as a BannerInput, or the message of each field that is wrong. */
export function bannerFromForm(
  f: BannerFormValues,
): { ok: true; value: BannerInputType } | { ok: false; fieldErrors: Record<string, string> } {
  const parsed = BannerInput.safeParse({
    placement: f.placement,
    categoryId: f.placement === 'category' ? orNull(f.categoryId) : null,
    audience: f.audience,
    title: f.title ?? '',
    body: f.body ?? '',
    linkUrl: orNull(f.linkUrl),
    imageUrl: orNull(f.imageUrl),
    imageAlt: f.imageAlt ?? '',
    startsAt: utcMillis(f.startsAt),
    endsAt: utcMillis(f.endsAt),
    priority: f.priority?.trim() ? Number(f.priority) : 0,
    active: f.active === 'on',
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? 'title');
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

/** How each placement and state is named on screen. */
export const PLACEMENT_LABELS: Record<string, string> = {
  announcement: 'Announcement bar',
  'home-hero': 'Home page hero',
  'home-promo': 'Home page offers',
  category: 'Category page',
};
export const STATE_BADGES = {
  live: ['Live', 'adm-badge-ok'],
  scheduled: ['Scheduled', 'adm-badge-muted'],
  ended: ['Ended', 'adm-badge-muted'],
  off: ['Off', 'adm-badge-muted'],
} as const;
