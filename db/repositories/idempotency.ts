/** Stored responses for Idempotency-Key: claim a key, store the first response, replay it, purge old ones. */

import type { Db } from '@db/client';
import { idempotencyKeys } from '@db/schema';
import { and, eq, isNull, lt } from 'drizzle-orm';

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
 * How long a claim may stay in progress. A claim older than this was left by a request that died (isolate evicted,
 * release failed): the same request may take it over, so a retry is not refused with 409 until the daily purge.
 */
export const IDEMPOTENCY_LEASE_MS = 60_000;

/**
 * Claims (scope, key) for a request. True when this call created the claim, or took over an in-progress claim of
 * the same request older than IDEMPOTENCY_LEASE_MS; false when the key is otherwise taken (in progress, completed,
 * or another request's), so exactly one concurrent request wins.
 */
export async function claimIdempotencyKey(
  db: Db,
  input: { scope: string; key: string; requestHash: string; now: number },
): Promise<boolean> {
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ scope: input.scope, key: input.key, requestHash: input.requestHash, createdAt: input.now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: { createdAt: input.now },
      setWhere: and(
        isNull(idempotencyKeys.statusCode),
        eq(idempotencyKeys.requestHash, input.requestHash),
        lt(idempotencyKeys.createdAt, input.now - IDEMPOTENCY_LEASE_MS),
      ),
    })
    .returning({ key: idempotencyKeys.key });
  return claimed.length > 0;
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
