/** Where a page may send a shopper after logging in: only a path on this site, never another origin. */

const BASE = 'http://same-site.invalid';
/** Pages a login must not return to (they would loop or undo the login). */
const NOT_AFTER_LOGIN = ['/account/login', '/account/logout', '/account/register'];

/**
 * The same-site path `raw` names (path, query and fragment), or `fallback` when it is missing, names another origin
 * (`https://evil.example`, `//evil.example`, `/\evil.example`, `javascript:`), holds control characters, or is a
 * page a login must not return to.
 */
export function safeNextPath(raw: string | null | undefined, fallback = '/account'): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here.
  if (!raw || raw.length > 2000 || !raw.startsWith('/') || /[\u0000-\u001f\\]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (NOT_AFTER_LOGIN.some((p) => path === p || path.startsWith(`${p}/`))) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Query parameters Qwik City adds to action and server-function calls: never part of a page to come back to. */
const INTERNAL_PARAMS = ['qaction', 'qfunc', 'qdata'];

/** The login page's address that brings the shopper back to `url` (a page of this site) afterwards. */
export function loginPathFor(url: URL): string {
  const params = new URLSearchParams(url.search);
  for (const p of INTERNAL_PARAMS) params.delete(p);
  const query = params.toString();
  const next = safeNextPath(`${url.pathname}${query ? `?${query}` : ''}`, '');
  return next ? `/account/login?next=${encodeURIComponent(next)}` : '/account/login';
}
