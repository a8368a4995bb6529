/**
 * Sessions: start one after a login (a new random token: the id is rotated on every sign-in, so a token planted
 * before login is worthless after it), find who a cookie belongs to, end one or all. A session whose account was
 * deleted or disabled stops working at once, whatever its expiry.
 */
import type { Db } from '@db/client';
import { findCustomerById } from '@db/repositories/customers';
import { deleteSession, findLiveSession, insertSession, touchSession } from '@db/repositories/sessions';
import { findStaffById } from '@db/repositories/staff';
import type { PrincipalKind } from '@domain/identity/principal';
import type { StaffRole } from '@domain/identity/roles';
import { hashSecretToken, isSecretTokenShaped, newSecretToken } from '@domain/identity/secret-token';
import { SESSION_TOUCH_INTERVAL_MS, sessionExpiresAt } from '@domain/identity/session-policy';

export interface CustomerPrincipal {
  kind: 'customer';
  id: string;
  email: string;
  name: string;
}

export interface StaffPrincipal {
  kind: 'staff';
  id: string;
  email: string;
  name: string;
  roles: StaffRole[];
}

export type Principal = CustomerPrincipal | StaffPrincipal;

/** A resolved session: who it is, and the hash that names the session (to end it, or keep it when ending others). */
export interface SignedIn<P extends Principal = Principal> {
  principal: P;
  sessionHash: string;
}

const MAX_USER_AGENT = 200;

/** Starts a session for an account and returns the token for its cookie. */
export async function startSession(
  db: Db,
  kind: PrincipalKind,
  principalId: string,
  userAgent: string | undefined,
  now: number,
): Promise<string> {
  const token = newSecretToken();
  await insertSession(db, {
    tokenHash: hashSecretToken(token),
    kind,
    principalId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: sessionExpiresAt(kind, now, now),
    userAgent: userAgent?.slice(0, MAX_USER_AGENT) ?? null,
  });
  return token;
}

async function loadPrincipal(db: Db, kind: PrincipalKind, id: string): Promise<Principal | null> {
  if (kind === 'customer') {
    const c = await findCustomerById(db, id);
    return c ? { kind, id: c.id, email: c.email, name: c.name } : null;
  }
  const s = await findStaffById(db, id);
  return s && s.disabledAt === null ? { kind, id: s.id, email: s.email, name: s.name, roles: s.roles } : null;
}

/** Who `token` signs in as `kind`, or null (no such session, expired, another kind, or the account is gone). */
export async function resolveSession<K extends PrincipalKind>(
  db: Db,
  kind: K,
  token: string | undefined,
  now: number,
): Promise<SignedIn<Extract<Principal, { kind: K }>> | null> {
  if (!token || !isSecretTokenShaped(token)) return null;
  const sessionHash = hashSecretToken(token);
  const session = await findLiveSession(db, sessionHash, now);
  if (!session || session.kind !== kind) return null;
  const principal = await loadPrincipal(db, kind, session.principalId);
  if (!principal) {
    await deleteSession(db, sessionHash);
    return null;
  }
  if (now - session.lastSeenAt >= SESSION_TOUCH_INTERVAL_MS) {
    await touchSession(db, sessionHash, now, sessionExpiresAt(kind, session.createdAt, now));
  }
  return { principal: principal as Extract<Principal, { kind: K }>, sessionHash };
}

/** Ends the session `token` names (a no-op for an unknown token). */
export async function endSession(db: Db, token: string | undefined): Promise<void> {
  if (token && isSecretTokenShaped(token)) await deleteSession(db, hashSecretToken(token));
}
