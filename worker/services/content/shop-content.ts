/**
 * What every shop page shows from the content manager's work: the menus (kept in isolate memory per page version, as
 * the category navigation is) and the banners of a placement at `now`.
 */
import { createDb } from '@db/client';
import { type BannerRow, listPlacementBanners } from '@db/repositories/banners';
import { listNavLinks } from '@db/repositories/nav-links';
import { type BannerViewer, pickBanners } from '@domain/content/banners';
import type { Env } from '@worker/env';
import { isPerUserPath } from '@worker/http/edge-cache-policy';
import { perPageVersion } from '@worker/services/catalog/catalog-version';

/** A banner as a page renders it (text only: the page escapes it like any other text). */
export interface ShopBanner {
  id: string;
  title: string;
  body: string;
  linkUrl: string | null;
  imageUrl: string | null;
  imageAlt: string;
}

/** A menu link. */
export interface ShopNavLink {
  label: string;
  href: string;
}

/** The header and footer menus. */
export interface ShopMenus {
  header: ShopNavLink[];
  footer: ShopNavLink[];
}

const toView = ({ id, title, body, linkUrl, imageUrl, imageAlt }: BannerRow): ShopBanner => ({
  id,
  title,
  body,
  linkUrl,
  imageUrl,
  imageAlt,
});

/** The banners `viewer` sees at `now`, best first (domain/content/banners.ts decides which). */
export async function shopBanners(env: Env, viewer: BannerViewer, now: number): Promise<ShopBanner[]> {
  const candidates = await listPlacementBanners(createDb(env), viewer.placement);
  return pickBanners(candidates, viewer, now).map(toView);
}

/**
 * The announcement bar of the page at `pathname`. Shop pages are shared through the edge cache whoever asks (a
 * session cookie does not change the key), so signed-in-only banners are considered only on the per-user pages
 * (account, cart, checkout), which are never cached; elsewhere the session is not even looked up.
 */
export async function announcementFor(
  env: Env,
  pathname: string,
  isSignedIn: () => Promise<boolean>,
  now: number,
): Promise<ShopBanner | undefined> {
  const signedIn = isPerUserPath(pathname) ? await isSignedIn() : false;
  const [banner] = await shopBanners(env, { placement: 'announcement', signedIn }, now);
  return banner;
}

async function readMenus(env: Env): Promise<ShopMenus> {
  const links = await listNavLinks(createDb(env));
  const of = (menu: string) =>
    links.filter((l) => l.menu === menu).map(({ label, href }) => ({ label, href }));
  return { header: of('header'), footer: of('footer') };
}

/** The menus as of the page version this isolate knows: a menu edit bumps it (trigger), so the next page reads again. */
export const shopMenus = perPageVersion(readMenus);
