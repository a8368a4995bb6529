/**
 * The sign-in cookies, named and shaped here once. Customers and staff have separate cookies (a person may be both,
 * in one browser, without one session standing in for the other). Same rules as the cart cookie
 * (domain/cart/cart-cookie.ts): the `__Host-` prefix over HTTPS (Secure, Path=/, no Domain, so no sibling host can
 * plant or overwrite it), the plain name on http://localhost. Unlike the cart cookie these are HttpOnly: no script
 * of ours needs them, so no injected script can read them.
 */
import type { PrincipalKind } from './principal';
import { SESSION_POLICY } from './session-policy';

const BASE_NAME: Record<PrincipalKind, string> = { customer: 'session', staff: 'staff_session' };

/** The cookie's name for `kind` on a page served over `protocol` ('https:' or 'http:'). */
export function sessionCookieName(kind: PrincipalKind, protocol: string): string {
  return protocol === 'https:' ? `__Host-${BASE_NAME[kind]}` : BASE_NAME[kind];
}

/** The cookie's attributes; it lives as long as the session could (the server ends it sooner when idle). */
export function sessionCookieAttributes(kind: PrincipalKind, protocol: string) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: protocol === 'https:',
    maxAge: Math.floor(SESSION_POLICY[kind].absoluteMs / 1000),
  } as const;
}
