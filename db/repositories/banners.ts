/** Promotional banners for a page placement (e.g. the home hero), as the storefront shows them. */

import type { Db } from '@db/client';
import { banners } from '@db/schema';
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';

/** A banner ready to render. */
export interface BannerView {
  id: string;
  title: string;
  body: string;
  linkUrl: string | null;
}

/** Active banners of `placement` whose schedule includes `now`, in position order. */
export async function listActiveBanners(
  db: Db,
  placement: string,
  now: number,
  limit = 3,
): Promise<BannerView[]> {
  return db
    .select({ id: banners.id, title: banners.title, body: banners.body, linkUrl: banners.linkUrl })
    .from(banners)
    .where(
      and(
        eq(banners.placement, placement),
        eq(banners.active, true),
        or(isNull(banners.startsAt), lte(banners.startsAt, now)),
        or(isNull(banners.endsAt), gt(banners.endsAt, now)),
      ),
    )
    .orderBy(asc(banners.position), asc(banners.id))
    .limit(limit);
}
