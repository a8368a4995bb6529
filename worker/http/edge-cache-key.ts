/**
 * The edge cache's key for a page (or public catalog API) request: one entry per address, build and catalog version,
 * whoever asks.
 */
import { isPerUserPath, PUBLIC_API_PATHS } from './edge-cache-policy';

// Campaign and click ids: the page is the same with or without them.
const TRACKING_PARAM =
  /^(utm_[a-z]+|gclid|gbraid|wbraid|dclid|fbclid|msclkid|twclid|igshid|mc_cid|mc_eid|_ga|_gl)$/i;
// Qwik City's action and server-function calls: never a page to keep.
const QWIK_CALL_PARAMS = ['qaction', 'qfunc', 'qdata'];

/**
 * The page's address with tracking parameters dropped and the rest sorted, or null when the request must not use the
 * cache at all (a per-user area, a Qwik call, an API path other than the public catalog reads, media).
 */
export function normalisePageUrl(raw: string): URL | null {
  const url = new URL(raw);
  const path = url.pathname;
  const under = (p: string) => path === p || path.startsWith(`${p}/`);
  if (
    (path.startsWith('/api/') && !PUBLIC_API_PATHS.some(under)) ||
    path.startsWith('/media/') ||
    path === '/sitemap.xml' ||
    path === '/robots.txt'
  ) {
    return null;
  }
  if (isPerUserPath(path)) return null;
  const params = [...url.searchParams].filter(([name]) => !TRACKING_PARAM.test(name));
  if (params.some(([name]) => QWIK_CALL_PARAMS.includes(name))) return null;
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  url.search = new URLSearchParams(params).toString();
  url.hash = '';
  return url;
}

/** The Cache API key: the normalised address plus the build and the catalog version (so a change needs no purge). */
export function edgeCacheKey(page: URL, build: string, catalogVersion: number): Request {
  const key = new URL(page);
  key.searchParams.set('__edge', `${build}.${catalogVersion}`);
  return new Request(key.href, { method: 'GET' });
}
