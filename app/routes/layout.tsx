/** The root of every page: response headers, error logging and the shop's settings; each area adds its own shell. */
import { component$, Slot } from '@builder.io/qwik';
import { type RequestHandler, routeLoader$ } from '@builder.io/qwik-city';
import { shopSettings } from '@worker/services/shop/settings';

/**
 * Every page embeds this shopper's cart count, so no shared cache may keep it (Qwik's Cloudflare middleware
 * caches any response that carries Cache-Control, and a CDN would too). A loader's unexpected error is logged here
 * with the Worker's request id (Qwik City would otherwise drop it), then rethrown.
 */
export const onRequest: RequestHandler = async ({ headers, request, url, next }) => {
  headers.set('Cache-Control', 'private, no-cache');
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
