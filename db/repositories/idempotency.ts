/** Stored responses for Idempotency-Key: claim a key, store the first response, replay it, purge old ones. */
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../client';
import { idempotencyKeys } from '../schema';

/** A stored key: `statusCode` null means the first request is still in progress. `responseHeaders` is JSON text. */
export type IdempotencyRecord = typeof idempotencyKeys.$inferSelect;

/** The record for (scope, key), or null. */
export async function findIdempotencyRecord(
  db: Db,
  scope: string,
  key: string,
): Promise<IdempotencyRecord | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row ?? null;
}

/**
 * Claims (scope, key) for a request. True when this call created the claim; false when the key already exists
 * (in progress or completed), so exactly one concurrent request wins.
 */
export async function claimIdempotencyKey(
  db: Db,
  input: { scope: string; key: string; requestHash: string; now: number },
): Promise<boolean> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ scope: input.scope, key: input.key, requestHash: input.requestHash, createdAt: input.now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return inserted.length > 0;
}

/** Stores the response of the request that holds the claim, so replays can return it. */
export async function completeIdempotencyRecord(
  db: Db,
  input: {
    scope: string;
    key: string;
    statusCode: number;
    headers: Record<string, string>;
    body: string;
    now: number;
  },
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({
      statusCode: input.statusCode,
      responseHeaders: JSON.stringify(input.headers),
      responseBody: input.body,
      completedAt: input.now,
    })
    .where(and(eq(idempotencyKeys.scope, input.scope), eq(idempotencyKeys.key, input.key)));
}

/** Drops an in-progress claim (the request failed or crashed) so the client can retry with the same key. */
export async function releaseIdempotencyKey(db: Db, scope: string, key: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(
      and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.statusCode)),
    );
}

/** Deletes records created before `olderThan` (epoch ms); returns how many went. */
export async function purgeIdempotencyKeys(db: Db, olderThan: number): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, olderThan))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}
