/** The page shell for every route: skip link, header with categories and cart count, main, footer. */
import { component$, Slot } from '@builder.io/qwik';
import { type RequestHandler, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '../../db/client';
import { listCategories } from '../../db/repositories/catalog';
import { CSP_NONCE_HEADER } from '../../worker/http/csp-nonce';
import { countCartItems } from '../../worker/services/cart';
import { SiteFooter } from '../components/site-footer/SiteFooter';
import { SiteHeader } from '../components/site-header/SiteHeader';
import { readCartId } from '../lib/cart-cookie';

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

/** Categories for the navigation and the cart's item count for the header. */
// biome-ignore lint/correctness/useQwikLoaderLocation: our routes live in app/routes (qwikCity routesDir), not src/routes
export const useShell = routeLoader$(async ({ platform, cookie, url }) => {
  const env = platform.env;
  const db = createDb(env);
  const cartId = readCartId(cookie, url);
  const [categories, cartCount] = await Promise.all([
    listCategories(db),
    cartId
      ? countCartItems(env, cartId).catch((err: unknown) => {
          // A cart that cannot be read must not take the whole page down: show 0 and keep the shop usable.
          console.error('header cart count failed', err);
          return 0;
        })
      : Promise.resolve(0),
  ]);
  return { shopName: env.SHOP_NAME || 'Northwind Supply', categories, cartCount };
});

export default component$(() => {
  const shell = useShell();
  const nav = shell.value.categories.map((c) => ({ slug: c.slug, name: c.name }));
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <SiteHeader shopName={shell.value.shopName} categories={nav} cartCount={shell.value.cartCount} />
      <main id="main" class="site-main" tabIndex={-1}>
        <div class="container">
          <Slot />
        </div>
      </main>
      <SiteFooter shopName={shell.value.shopName} categories={nav} />
    </>
  );
});
