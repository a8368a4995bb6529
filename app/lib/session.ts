/**
 * Sessions for the pages (loaders and actions), sharing everything with the API: the cookie's name and attributes
 * (domain/identity/session-cookie), the lookup (worker/services/identity/sessions) and the account emails. A lookup
 * is memoised per request in `sharedMap`, so a layout and its page ask the database once.
 */
import type { Cookie, RequestEventBase } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import type { PrincipalKind } from '@domain/identity/principal';
import { sessionCookieAttributes, sessionCookieName } from '@domain/identity/session-cookie';
import { deliverAccountEmail } from '@worker/services/identity/account-mail';
import {
  type CustomerPrincipal,
  endSession,
  resolveSession,
  type SignedIn,
  type StaffPrincipal,
} from '@worker/services/identity/sessions';
import type { AccountEmail } from '@worker/services/identity/tokens';
import { publicOrigin } from '@worker/services/shop/settings';

type Event = Pick<RequestEventBase<QwikCityPlatform>, 'cookie' | 'url' | 'platform' | 'sharedMap'>;

function lookup<P extends CustomerPrincipal | StaffPrincipal>(
  event: Event,
  kind: P['kind'],
): Promise<SignedIn<P> | null> {
  const key = `@session:${kind}`;
  let found = event.sharedMap.get(key) as Promise<SignedIn<P> | null> | undefined;
  if (!found) {
    const token = event.cookie.get(sessionCookieName(kind, event.url.protocol))?.value;
    found = resolveSession(
      createDb(event.platform.env),
      kind,
      token,
      Date.now(),
    ) as Promise<SignedIn<P> | null>;
    event.sharedMap.set(key, found);
  }
  return found;
}

/** The signed-in shopper, or null. */
export const pageCustomer = (event: Event) => lookup<CustomerPrincipal>(event, 'customer');

/** The signed-in staff member, or null. */
export const pageStaff = (event: Event) => lookup<StaffPrincipal>(event, 'staff');

/** Sets the `kind` session cookie to a new session's token. */
export function writeSessionCookie(cookie: Cookie, url: URL, kind: PrincipalKind, token: string): void {
  const a = sessionCookieAttributes(kind, url.protocol);
  cookie.set(sessionCookieName(kind, url.protocol), token, {
    path: a.path,
    httpOnly: a.httpOnly,
    sameSite: 'lax',
    secure: a.secure,
    maxAge: a.maxAge,
  });
}

/** Ends the `kind` session of this browser and clears its cookie. */
export async function endPageSession(event: Event, kind: PrincipalKind): Promise<void> {
  const name = sessionCookieName(kind, event.url.protocol);
  await endSession(createDb(event.platform.env), event.cookie.get(name)?.value);
  event.cookie.delete(name, { path: '/' });
}

/** Sends an account email after the response, as the API does (same timing whether or not one goes out). */
export function sendAccountEmailLater(
  event: Pick<RequestEventBase<QwikCityPlatform>, 'url' | 'platform'>,
  email: AccountEmail | undefined,
): void {
  if (!email) return;
  const env = event.platform.env;
  event.platform.ctx.waitUntil(
    deliverAccountEmail(env, createDb(env), publicOrigin(env, event.url.href), email),
  );
}
