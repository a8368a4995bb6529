/** The cart id on this device, read from (or minted into) the cart cookie the SSR pages also use (app/lib/cart-cookie.ts). */

import { cartCookieName, cartCookieString } from '@domain/cart/cart-cookie';
import { isId, newId } from '@domain/core/ids';

/**
 * The cart id in a `document.cookie` string for a page served over `protocol`, or null when absent or malformed.
 * Never throws: a cart id is plain base32, so the value is compared as it is (no decodeURIComponent, which throws
 * on a value like '%E0%A4%A' that anyone able to set a cookie could leave behind).
 */
export function cartIdFromCookies(cookies: string, protocol: string): string | null {
  const wanted = cartCookieName(protocol);
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== wanted) continue;
    const value = part.slice(eq + 1).trim();
    if (isId('cart', value)) return value;
  }
  return null;
}

/**
 * The current cart id, minting one offline if the shopper has none yet (ids are client-mintable; the server creates
 * the cart on the first replayed write; see app/lib/cart-cookie.ts for why that is safe).
 */
export function ensureCartIdInBrowser(now: number = Date.now()): string {
  const existing = cartIdFromCookies(document.cookie, location.protocol);
  if (existing) return existing;
  const cartId = newId('cart', now);
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this cookie, so it must be a cookie, not storage.
  document.cookie = cartCookieString(location.protocol, cartId);
  return cartId;
}
