/**
 * Who is asking. Sessions are resolved lazily: `c.var.auth.customer()` / `.staff()` read the cookie and the
 * database only when a route (or the idempotency scope) asks, once per request, so browsing the catalogue costs no
 * session lookup. The cookie helpers here are the only place the API sets or clears a session cookie.
 */
import type { PrincipalKind } from '@domain/identity/principal';
import { sessionCookieAttributes, sessionCookieName } from '@domain/identity/session-cookie';
import type { AppEnv } from '@worker/http/app-env';
import { ProblemError } from '@worker/http/problem';
import {
  type CustomerPrincipal,
  resolveSession,
  type SignedIn,
  type StaffPrincipal,
} from '@worker/services/identity/sessions';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';

/** Lazy, memoised session lookups for one request. */
export interface Auth {
  customer(): Promise<SignedIn<CustomerPrincipal> | null>;
  staff(): Promise<SignedIn<StaffPrincipal> | null>;
}

const protocolOf = (c: Context) => new URL(c.req.url).protocol;

/** The session token in the request's `kind` cookie, if any. */
export function sessionToken(c: Context, kind: PrincipalKind): string | undefined {
  return getCookie(c, sessionCookieName(kind, protocolOf(c)));
}

export function setSessionCookie(c: Context, kind: PrincipalKind, token: string): void {
  const protocol = protocolOf(c);
  setCookie(c, sessionCookieName(kind, protocol), token, sessionCookieAttributes(kind, protocol));
}

export function clearSessionCookie(c: Context, kind: PrincipalKind): void {
  const protocol = protocolOf(c);
  const { path, secure } = sessionCookieAttributes(kind, protocol);
  deleteCookie(c, sessionCookieName(kind, protocol), { path, secure });
}

export const sessions = createMiddleware<AppEnv>(async (c, next) => {
  const memo: { customer?: ReturnType<Auth['customer']>; staff?: ReturnType<Auth['staff']> } = {};
  const now = Date.now();
  c.set('auth', {
    customer: () => {
      memo.customer ??= resolveSession(c.var.db, 'customer', sessionToken(c, 'customer'), now);
      return memo.customer;
    },
    staff: () => {
      memo.staff ??= resolveSession(c.var.db, 'staff', sessionToken(c, 'staff'), now);
      return memo.staff;
    },
  });
  await next();
});

/** The signed-in customer, or a 401 problem. */
export async function requireCustomer(c: Context<AppEnv>): Promise<SignedIn<CustomerPrincipal>> {
  const signedIn = await c.var.auth.customer();
  if (!signedIn) throw new ProblemError('UNAUTHENTICATED', 'Log in to your account first.');
  return signedIn;
}
