/**
 * What a page and the edge cache agree on (imported by the Qwik layouts too, so it holds constants and one pure test
 * only): the internal header a page sets to say "I am the same for everyone", and the Cache-Control such pages go out
 * with.
 */

/**
 * Set by a page (app/routes/(shop)/layout.tsx) whose HTML and loader data hold nothing per user. The Worker removes
 * it from every response; a page that also says `no-store` (cart, account) is still never cached.
 */
export const PUBLIC_PAGE_HEADER = 'X-Edgeshop-Public-Page';

/** Seconds a cached page is served without a second look (within one catalog version). */
export const EDGE_FRESH_SECONDS = 60;
/** Seconds past that it may still be served while a fresh copy renders in the background. */
export const EDGE_STALE_SECONDS = 600;

/**
 * Cache-Control of a public page as it leaves the Worker: browsers revalidate every time (max-age=0, so a catalog
 * change shows on the next visit); shared caches may keep it as long as the Worker's own cache does.
 */
export const PUBLIC_PAGE_CACHE_CONTROL = `public, max-age=0, s-maxage=${EDGE_FRESH_SECONDS}, stale-while-revalidate=${EDGE_STALE_SECONDS}`;

/**
 * The public catalog API reads the edge cache also keeps (each marks its 200s public, worker/api/store/catalog.ts):
 * a path equal to one of these or under it. Everything else under /api is never cached.
 */
export const PUBLIC_API_PATHS = [
  '/api/products',
  '/api/categories',
  '/api/collections',
  '/api/search/suggestions',
];

/** Path prefixes that are always one shopper's or staff's: never cached, whatever the page says. */
export const PER_USER_PATH_PREFIXES = [
  '/account',
  '/cart',
  '/checkout',
  '/orders',
  '/admin',
  '/warehouse',
  '/dev',
  '/preview',
];

/** Whether `pathname` is one of the per-user areas above (never cached, so it may show per-user content). */
export function isPerUserPath(pathname: string): boolean {
  return PER_USER_PATH_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}
