/** The `cart_id` cookie that ties a browser to its CartDO: read it safely, mint it on first add. */
import type { Cookie } from '@builder.io/qwik-city';
import { isId, newId } from '@domain/core/ids';

/** Cookie name; the offline module reads the same cookie from document.cookie. */
export const CART_COOKIE = 'cart_id';

/** How long an idle cart is remembered in this browser. */
const MAX_AGE_DAYS = 30;

/** The cart id from the cookie, or null when there is none or it is not a well-formed cart id (ignored). */
export function readCartId(cookie: Cookie): string | null {
  const value = cookie.get(CART_COOKIE)?.value;
  return value && isId('cart', value) ? value : null;
}

/**
 * Writes the cart cookie (again, so an active cart's 30 days restart). httpOnly is off on purpose: the cookie holds
 * only an unguessable cart id, and the offline module needs to read it to queue cart changes while offline.
 * SameSite=Lax keeps it off cross-site POSTs; Secure whenever the page itself came over HTTPS.
 */
export function writeCartId(cookie: Cookie, url: URL, cartId: string): void {
  cookie.set(CART_COOKIE, cartId, {
    path: '/',
    sameSite: 'lax',
    httpOnly: false,
    secure: url.protocol === 'https:',
    maxAge: [MAX_AGE_DAYS, 'days'],
  });
}

/** A new cart id for a shopper's first add to cart; write it with writeCartId once the add succeeded. */
export function mintCartId(now: number = Date.now()): string {
  return newId('cart', now);
}
