/** The HTTP side of the cart merge at login: read this browser's cart cookie, then point it at the account's cart. */
import { cartCookieAttributes, cartCookieName } from '@domain/cart/cart-cookie';
import type { AppEnv } from '@worker/http/app-env';
import { adoptCartAtLogin } from '@worker/services/cart/merge';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

const protocolOf = (c: Context) => new URL(c.req.url).protocol;

export async function mergeGuestCart(c: Context<AppEnv>, customerId: string): Promise<void> {
  const protocol = protocolOf(c);
  const name = cartCookieName(protocol);
  const { cartId } = await adoptCartAtLogin(c.env, c.var.db, customerId, getCookie(c, name), Date.now());
  if (!cartId) return;
  const a = cartCookieAttributes(protocol);
  setCookie(c, name, cartId, {
    path: a.path,
    sameSite: 'Lax',
    httpOnly: a.httpOnly,
    secure: a.secure,
    maxAge: a.maxAgeSeconds,
  });
}

/** At logout the account's cart leaves this browser with the session (the next person here starts empty). */
export function forgetCartCookie(c: Context<AppEnv>): void {
  const protocol = protocolOf(c);
  deleteCookie(c, cartCookieName(protocol), { path: '/', secure: protocol === 'https:' });
}
