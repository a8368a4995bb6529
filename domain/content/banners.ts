/** Promotional banners: what a valid banner is, and which banners a page shows for a placement, shopper and moment. */
import { z } from 'zod';
import { PlainText, SafeLink } from './links';

/** Where a banner appears: the bar above every shop page, the home hero, the home offers strip, a category page. */
export const BANNER_PLACEMENTS = ['announcement', 'home-hero', 'home-promo', 'category'] as const;
export type BannerPlacement = (typeof BANNER_PLACEMENTS)[number];

/** Who sees it: everyone, or signed-in customers only (see docs/architecture.md on caching). */
export const BANNER_AUDIENCES = ['everyone', 'signed-in'] as const;
export type BannerAudience = (typeof BANNER_AUDIENCES)[number];

/** How many banners each placement shows at most. */
export const PLACEMENT_LIMITS: Record<BannerPlacement, number> = {
  announcement: 1,
  'home-hero': 1,
  'home-promo': 3,
  category: 1,
};

const Time = z.number().int().min(0).max(8_640_000_000_000_000);

/** A banner as staff write it (API body and the editor's form, once parsed). */
export const BannerInput = z
  .object({
    placement: z.enum(BANNER_PLACEMENTS),
    /** Only for `category`: limits the banner to that category's page; null shows it on every category page. */
    categoryId: z.string().max(64).nullable().default(null),
    audience: z.enum(BANNER_AUDIENCES).default('everyone'),
    title: PlainText(120).pipe(z.string().min(1, 'A title is required.')),
    body: PlainText(400).default(''),
    linkUrl: SafeLink.nullable().default(null),
    imageUrl: SafeLink.nullable().default(null),
    imageAlt: PlainText(200).default(''),
    /** Inclusive; null: already started. */
    startsAt: Time.nullable().default(null),
    /** Exclusive; null: never ends. */
    endsAt: Time.nullable().default(null),
    /** Higher shows first. */
    priority: z.number().int().min(-1000).max(1000).default(0),
    active: z.boolean().default(true),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.startsAt !== null && b.endsAt !== null && b.endsAt <= b.startsAt)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must be after the start.' });
    if (b.imageUrl !== null && b.imageAlt === '')
      ctx.addIssue({ code: 'custom', path: ['imageAlt'], message: 'Describe the image (alt text).' });
    if (b.categoryId !== null && b.placement !== 'category')
      ctx.addIssue({
        code: 'custom',
        path: ['categoryId'],
        message: 'Only category banners have a category.',
      });
  });
export type BannerInput = z.infer<typeof BannerInput>;

/** The parts of a stored banner the rules below read. */
export interface ScheduledBanner {
  id: string;
  placement: string;
  categoryId: string | null;
  audience: string;
  startsAt: number | null;
  endsAt: number | null;
  priority: number;
  active: boolean;
}

/** Where a banner stands at `now`, as the back office lists it. */
export type BannerState = 'live' | 'scheduled' | 'ended' | 'off';

export function bannerState(
  b: Pick<ScheduledBanner, 'active' | 'startsAt' | 'endsAt'>,
  now: number,
): BannerState {
  if (!b.active) return 'off';
  if (b.endsAt !== null && now >= b.endsAt) return 'ended';
  if (b.startsAt !== null && now < b.startsAt) return 'scheduled';
  return 'live';
}

/** Who is looking, and where. */
export interface BannerViewer {
  placement: BannerPlacement;
  signedIn: boolean;
  /** The category page's category (placement `category`). */
  categoryId?: string;
}

/**
 * The banners to show, best first: live at `now`, for this placement (and category), for this audience; higher
 * priority first, then the one that started last (the newer campaign), then id so the order is stable.
 */
export function pickBanners<T extends ScheduledBanner>(
  banners: readonly T[],
  viewer: BannerViewer,
  now: number,
): T[] {
  return banners
    .filter(
      (b) =>
        b.placement === viewer.placement &&
        bannerState(b, now) === 'live' &&
        (b.audience === 'everyone' || (b.audience === 'signed-in' && viewer.signedIn)) &&
        (viewer.placement !== 'category' || b.categoryId === null || b.categoryId === viewer.categoryId),
    )
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        (b.startsAt ?? 0) - (a.startsAt ?? 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, PLACEMENT_LIMITS[viewer.placement]);
}

/** The moments a banner appears or disappears: the edge cache's key must change at each (db schedule marks). */
export function scheduleBoundaries(b: Pick<ScheduledBanner, 'startsAt' | 'endsAt'>): number[] {
  return [b.startsAt, b.endsAt].filter((t): t is number => t !== null);
}
