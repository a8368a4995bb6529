/**
 * Which page addresses the traffic report counts, and the path it stores: the pathname alone (queries may carry
 * search terms or tokens), with addresses that hold a secret folded into one pattern.
 */

/** Back office, warehouse, API, files and previews are not shop traffic. */
const EXCLUDED =
  /^\/(admin|warehouse|api|media|dev|build|assets|vendor|preview|checkout\/test-gateway)(\/|$)/;

/** Paths whose last segment is a secret or someone's own record: counted under the pattern, never the value. */
const FOLDED: [RegExp, string][] = [
  [/^\/orders\/[^/]+$/, '/orders/*'],
  [/^\/account\/orders\/[^/]+$/, '/account/orders/*'],
  [/^\/account\/reviews\/[^/]+$/, '/account/reviews/*'],
];

/** Longest path kept; longer ones are not real shop pages. */
export const MAX_PATH = 200;

/** The path to count for a page address, or null when the page is not shop traffic. */
export function countedPathOf(pathname: string): string | null {
  if (pathname.length > MAX_PATH || !pathname.startsWith('/')) return null;
  if (EXCLUDED.test(pathname)) return null;
  if (/\.[a-z0-9]{1,5}$/i.test(pathname)) return null; // files (favicon.ico, sitemap.xml, …)
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [pattern, folded] of FOLDED) if (pattern.test(path)) return folded;
  return path;
}

/** The product slug of a product page path (`/p/<slug>`), else null. */
export function productSlugOf(path: string): string | null {
  const m = /^\/p\/([^/]+)$/.exec(path);
  return m ? decodeSafely(m[1] as string) : null;
}

function decodeSafely(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
