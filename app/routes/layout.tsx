/** The root of every page: response headers, error logging and the shop's settings; each area adds its own shell. */
import { component$, Slot } from '@builder.io/qwik';
import { type RequestHandler, routeLoader$ } from '@builder.io/qwik-city';
import { CSP_NONCE_HEADER } from '@worker/http/csp-nonce';
import { shopSettings } from '@worker/services/shop/settings';

/**
 * Pages are `private, no-cache`: no shared cache may keep them (Qwik's Cloudflare middleware caches any response
 * that carries Cache-Control, and a CDN would too), while the service worker may keep catalogue pages for offline
 * browsing. The only per-user datum they embed is the header's cart count (a number: no lines, no cart id); pages
 * that show a shopper's own data (the cart) set `no-store` themselves, which the service worker obeys (see
 * docs/architecture.md, "Per-user pages and the service worker"). A loader's unexpected error is logged here with
 * the Worker's request id (Qwik City would otherwise drop it), then rethrown.
 *
 * The Worker's CSP nonce for this response goes to Qwik City's SSR (`@nonce`), which puts it on every script tag it
 * writes. A page kept by an edge cache would carry an old nonce that the fresh CSP header does not allow, another
 * reason pages are `private` (never stored at the edge).
 */
export const onRequest: RequestHandler = async ({ headers, request, url, sharedMap, next }) => {
  headers.set('Cache-Control', 'private, no-cache');
  const nonce = request.headers.get(CSP_NONCE_HEADER);
  if (nonce) sharedMap.set('@nonce', nonce);
  try {
    await next();
  } catch (e) {
    // Redirects and aborts are not Errors; a deliberate error(4xx) is not a fault. The Worker shows the error page.
    const status = (e as { status?: number }).status ?? 500;
    if (e instanceof Error && status >= 500) {
      const requestId = request.headers.get('X-Request-Id');
      console.error(
        JSON.stringify({ level: 'error', requestId, path: url.pathname, error: String(e.stack) }),
      );
    }
    throw e;
  }
};

/** The shop's name and other settings, for the document head and every area's shell. */
export const useShop = routeLoader$(({ platform }) => shopSettings(platform.env));

export default component$(() => <Slot />);
