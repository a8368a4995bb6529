/** The root of every page: response headers, error logging and the shop's settings; each area adds its own shell. */
import { component$, Slot } from '@builder.io/qwik';
import { type RequestHandler, routeLoader$ } from '@builder.io/qwik-city';
import { CSP_NONCE_HEADER } from '@worker/http/csp-nonce';
import { shopSettings } from '@worker/services/shop/settings';

/**
 * Pages default to `private, no-cache`. Shop pages hold nothing per user (the header's cart count and name are
 * filled in the browser by SessionIsland) and mark themselves public (app/routes/(shop)/layout.tsx): the Worker then
 * keeps them in its edge cache and sends them `public` (worker/http/edge-cache.ts). Pages that show a shopper's own
 * data (cart, account) or staff data (admin) set `no-store`, which every cache obeys, the service worker's included
 * (docs/architecture.md, "Catalog pages from the edge cache"). Qwik's Cloudflare adapter would keep any page whose
 * Cache-Control it sees in a cache of its own, with no catalog version in the key: so Qwik never sees `public`.
 * A loader's unexpected error is logged here with the Worker's request id (Qwik City would otherwise drop it), then
 * rethrown.
 *
 * The Worker's CSP nonce for this response goes to Qwik City's SSR (`@nonce`), which puts it on every script tag it
 * writes. The edge cache replaces it on every hit, in the page and in the CSP header alike.
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
