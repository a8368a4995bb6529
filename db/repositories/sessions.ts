/** Sign-in sessions for customers and staff, looked up by the SHA-256 of the cookie's token. */

import type { Db } from '@db/client';
import { sessions } from '@db/schema';
import type { PrincipalKind } from '@domain/identity/principal';
import { and, eq, gt, lte, ne } from 'drizzle-orm';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insert(sessions).values(row);
}

/** The unexpired session with this token hash, or null. */
export async function findLiveSession(db: Db, tokenHash: string, now: number): Promise<SessionRow | null> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** Records use of a session: it was seen at `now` and now ends at `expiresAt`. */
export async function touchSession(db: Db, tokenHash: string, now: number, expiresAt: number): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends one session. */
export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of an account, except `keepTokenHash` when given ("log out other devices"). */
export async function deleteSessionsOf(
  db: Db,
  kind: PrincipalKind,
  principalId: string,
  keepTokenHash?: string,
): Promise<void> {
  const mine = and(eq(sessions.kind, kind), eq(sessions.principalId, principalId));
  await db.delete(sessions).where(keepTokenHash ? and(mine, ne(sessions.tokenHash, keepTokenHash)) : mine);
}

/** Deletes expired sessions (the daily job); returns how many. */
export async function purgeExpiredSessions(db: Db, now: number): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(lte(sessions.expiresAt, now))
    .returning({ tokenHash: sessions.tokenHash });
  return gone.length;
}
