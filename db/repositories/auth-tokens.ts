/** Single-use email tokens (verification, reset, email change, unlock, invitation), stored as hashes. */

import type { Db } from '@db/client';
import { authTokens } from '@db/schema';
import type { PrincipalKind } from '@domain/identity/principal';
import type { TokenPurpose } from '@domain/identity/tokens';
import { and, eq, gt, isNull, lte } from 'drizzle-orm';

export type AuthTokenRow = typeof authTokens.$inferSelect;

/** The token with this hash, for `purpose`, unused and unexpired at `now`. */
const isOpen = (tokenHash: string, purpose: TokenPurpose, now: number) =>
  and(
    eq(authTokens.tokenHash, tokenHash),
    eq(authTokens.purpose, purpose),
    isNull(authTokens.usedAt),
    gt(authTokens.expiresAt, now),
  );

export async function insertAuthToken(db: Db, row: Omit<AuthTokenRow, 'usedAt'>): Promise<void> {
  await db.insert(authTokens).values(row);
}

/** The open (unused, unexpired) token with this hash and purpose, without spending it; or null. */
export async function findOpenAuthToken(
  db: Db,
  tokenHash: string,
  purpose: TokenPurpose,
  now: number,
): Promise<AuthTokenRow | null> {
  const [row] = await db
    .select()
    .from(authTokens)
    .where(isOpen(tokenHash, purpose, now))
    .limit(1);
  return row ?? null;
}

/**
 * Spends a token: marks it used and returns it, in one statement, only if it exists, is for `purpose`, is unused
 * and unexpired. Two requests racing with one token: exactly one gets the row. Anything else: null.
 */
export async function consumeAuthToken(
  db: Db,
  tokenHash: string,
  purpose: TokenPurpose,
  now: number,
): Promise<AuthTokenRow | null> {
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(isOpen(tokenHash, purpose, now))
    .returning();
  return row ?? null;
}

/** Spends every open token of `purpose` for an account (a newer link replaces older ones; a reset ends them all). */
export async function revokeAuthTokens(
  db: Db,
  kind: PrincipalKind,
  principalId: string,
  purpose: TokenPurpose,
  now: number,
): Promise<void> {
  await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.kind, kind),
        eq(authTokens.principalId, principalId),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
      ),
    );
}

/** Open (unused, unexpired) tokens of `purpose`, newest first: e.g. the pending staff invitations. */
export async function listOpenAuthTokens(
  db: Db,
  purpose: TokenPurpose,
  now: number,
): Promise<AuthTokenRow[]> {
  const rows = await db
    .select()
    .from(authTokens)
    .where(and(eq(authTokens.purpose, purpose), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)));
  return rows.sort((a, b) => b.createdAt - a.createdAt);
}

/** Deletes tokens that expired before `before` (the daily job); returns how many. */
export async function purgeAuthTokens(db: Db, before: number): Promise<number> {
  const gone = await db
    .delete(authTokens)
    .where(lte(authTokens.expiresAt, before))
    .returning({ tokenHash: authTokens.tokenHash });
  return gone.length;
}
