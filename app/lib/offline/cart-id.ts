/** The cart id on this device, read from (or minted into) the `cart_id` cookie the SSR pages also use. */
import { isId, newId } from '@domain/core/ids';
import { CART_COOKIE } from '~/lib/cart-cookie';

/** The cart id in a `document.cookie` string, or null when absent or malformed. */
export function cartIdFromCookies(cookies: string): string | null {
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== CART_COOKIE) continue;
    const value = decodeURIComponent(rest.join('='));
    return isId('cart', value) ? value : null;
  }
  return null;
}

/**
 * The current cart id, minting one offline if the shopper has none yet (ids are client-mintable; the server creates
 * the cart on the first replayed write). Same cookie attributes as app/lib/cart-cookie.ts writeCartId.
 */
export function ensureCartIdInBrowser(now: number = Date.now()): string {
  const existing = cartIdFromCookies(document.cookie);
  if (existing) return existing;
  const cartId = newId('cart', now);
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this cookie, so it must be a cookie, not storage.
  document.cookie = `${CART_COOKIE}=${cartId}; Path=/; Max-Age=${30 * 24 * 3600}; SameSite=Lax${secure}`;
  return cartId;
}
