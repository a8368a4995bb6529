/**
 * The cart cookie that ties a browser to its CartDO. Its name and attributes are decided HERE, once, for both the
 * server (Qwik City's `cookie` in app/lib/cart-cookie.ts, the Idempotency-Key middleware's caller scope) and the
 * browser (app/lib/offline/cart-id.ts, which mints it offline). Pure: no imports.
 *
 * Name: `__Host-cart_id` whenever the page came over HTTPS, `cart_id` on plain http. The `__Host-` prefix makes the
 * browser refuse the cookie unless it is Secure, has Path=/ and no Domain, so a sibling subdomain (or a network
 * attacker on http) can neither plant nor overwrite it. Browsers also refuse Secure/`__Host-` cookies on
 * http://127.0.0.1, so local development (`wrangler dev`, the e2e tests) keeps the plain name. A plain `cart_id`
 * cookie is never read over HTTPS: accepting it would let a sibling subdomain plant one again.
 *
 * Why a planted or client-minted id is harmless once `__Host-` is used: ids are minted by this origin's own code
 * (server or, offline, the browser) with 80 random bits, so nobody can guess someone else's cart; the only attack
 * left is fixing a victim onto a cart the attacker knows (cookie tossing), and that needs writing this cookie, which
 * `__Host-` denies to every other host. A shopper who mints an id of their own only gets an empty cart of their own.
 */

/** How long an idle cart is remembered in this browser (the CartDO keeps it three times as long). */
export const CART_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 3600;

/** The cookie's name for a page served over `protocol` (`location.protocol` or `URL.protocol`, e.g. 'https:'). */
export function cartCookieName(protocol: string): string {
  return protocol === 'https:' ? '__Host-cart_id' : 'cart_id';
}

/**
 * The cookie's attributes for a page served over `protocol`. httpOnly is off on purpose: the cookie holds only an
 * unguessable cart id, and the offline module must read it to queue cart changes. SameSite=Lax keeps it off
 * cross-site POSTs. No Domain, ever (the `__Host-` prefix forbids one).
 */
export function cartCookieAttributes(protocol: string) {
  return {
    path: '/',
    sameSite: 'lax',
    httpOnly: false,
    secure: protocol === 'https:',
    maxAgeSeconds: CART_COOKIE_MAX_AGE_SECONDS,
  } as const;
}

/** The `document.cookie` assignment that stores `cartId`, with the same attributes the server writes. */
export function cartCookieString(protocol: string, cartId: string): string {
  const a = cartCookieAttributes(protocol);
  return `${cartCookieName(protocol)}=${cartId}; Path=${a.path}; Max-Age=${a.maxAgeSeconds}; SameSite=Lax${a.secure ? '; Secure' : ''}`;
}
