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

/**
 * At logout the account's cart leaves this browser with the session (the next person here starts empty). A cart
 * started while signed in (the account had none) is linked to the account first, so it is not lost with the cookie.
 */
export async function logoutCart(c: Context<AppEnv>): Promise<void> {
  const signedIn = await c.var.auth.customer();
  if (signedIn && getCookie(c, cartCookieName(protocolOf(c)))) await mergeGuestCart(c, signedIn.principal.id);
  forgetCartCookie(c);
}

/** Forgets this browser's cart cookie. */
export function forgetCartCookie(c: Context<AppEnv>): void {
  const protocol = protocolOf(c);
  deleteCookie(c, cartCookieName(protocol), { path: '/', secure: protocol === 'https:' });
}
