/** Reads and writes the cart cookie through Qwik City's `cookie`; its name and attributes are domain/cart/cart-cookie.ts. */
import type { Cookie } from '@builder.io/qwik-city';
import { cartCookieAttributes, cartCookieName } from '@domain/cart/cart-cookie';
import { isId, newId } from '@domain/core/ids';

/** The cart id from the cookie, or null when there is none or it is not a well-formed cart id (ignored). */
export function readCartId(cookie: Cookie, url: URL): string | null {
  const value = cookie.get(cartCookieName(url.protocol))?.value;
  return value && isId('cart', value) ? value : null;
}

/** Writes the cart cookie (again, so an active cart's 30 days restart). */
export function writeCartId(cookie: Cookie, url: URL, cartId: string): void {
  const a = cartCookieAttributes(url.protocol);
  cookie.set(cartCookieName(url.protocol), cartId, {
    path: a.path,
    sameSite: a.sameSite,
    httpOnly: a.httpOnly,
    secure: a.secure,
    maxAge: a.maxAgeSeconds,
  });
}

/** A new cart id for a shopper's first add to cart; write it with writeCartId once the add succeeded. */
export function mintCartId(now: number = Date.now()): string {
  return newId('cart', now);
}

/** Forgets this browser's cart (at logout the account's cart leaves the device with the session). */
export function forgetCartId(cookie: Cookie, url: URL): void {
  cookie.delete(cartCookieName(url.protocol), { path: cartCookieAttributes(url.protocol).path });
}
