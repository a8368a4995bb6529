/** Stored responses for Idempotency-Key: claim a key, store what a replay needs, replay it, purge old ones. */
import type { Db } from '@db/client';
import { idempotencyKeys } from '@db/schema';
import { and, count, eq, gte, isNotNull, isNull, lt, or } from 'drizzle-orm';

/**
 * A stored key: `statusCode` null means the first request is still in progress (or failed with an unknown outcome,
 * `failedAt` set). `responseHeaders` is JSON text.
 */
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
 * Claims (scope, key) for a request under its random `token`. True when this call created the claim, or took over
 * an unfinished claim of the same request that is older than IDEMPOTENCY_LEASE_MS or was marked failed
 * (`markIdempotencyFailed`); false when the key is otherwise taken (in progress, completed, or another request's),
 * so exactly one concurrent request wins. A takeover replaces the token: from then on only the new holder may
 * complete or release the claim.
 */
export async function claimIdempotencyKey(
  db: Db,
  input: { scope: string; key: string; requestHash: string; token: string; now: number; caller?: string },
): Promise<boolean> {
  const claimed = await db
    .insert(idempotencyKeys)
    .values({
      scope: input.scope,
      key: input.key,
      caller: input.caller ?? '',
      requestHash: input.requestHash,
      claimToken: input.token,
      createdAt: input.now,
    })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: { createdAt: input.now, claimToken: input.token, failedAt: null },
      setWhere: and(
        isNull(idempotencyKeys.statusCode),
        eq(idempotencyKeys.requestHash, input.requestHash),
        or(
          lt(idempotencyKeys.createdAt, input.now - IDEMPOTENCY_LEASE_MS),
          isNotNull(idempotencyKeys.failedAt),
        ),
      ),
    })
    .returning({ key: idempotencyKeys.key });
  return claimed.length > 0;
}

/** The claim held by `token`, unfinished: what completion, release and failure may change. */
const heldBy = (scope: string, key: string, token: string) =>
  and(
    eq(idempotencyKeys.scope, scope),
    eq(idempotencyKeys.key, key),
    eq(idempotencyKeys.claimToken, token),
    isNull(idempotencyKeys.statusCode),
  );

/**
 * Stores what a replay needs, if `token` still holds the claim (a request whose claim was taken over stores
 * nothing). True when stored.
 */
export async function completeIdempotencyRecord(
  db: Db,
  input: {
    scope: string;
    key: string;
    token: string;
    statusCode: number;
    headers: Record<string, string>;
    body: string | null;
    replay?: string | null;
    now: number;
  },
): Promise<boolean> {
  const done = await db
    .update(idempotencyKeys)
    .set({
      statusCode: input.statusCode,
      responseHeaders: JSON.stringify(input.headers),
      responseBody: input.body,
      replay: input.replay ?? null,
      completedAt: input.now,
      failedAt: null,
    })
    .where(heldBy(input.scope, input.key, input.token))
    .returning({ key: idempotencyKeys.key });
  return done.length > 0;
}

/**
 * Drops the claim held by `token` (the request was rejected and wrote nothing) so the client can retry or fix it
 * with the same key. Another request's claim, or a completed record, is left alone.
 */
export async function releaseIdempotencyKey(
  db: Db,
  scope: string,
  key: string,
  token: string,
): Promise<void> {
  await db.delete(idempotencyKeys).where(heldBy(scope, key, token));
}

/**
 * Marks the claim held by `token` as failed with an unknown outcome (a 5xx: part of the work may have happened).
 * The claim stays, so the key is neither free for a different body nor replayable; the same request may take it
 * over at once and re-run (the writes below are idempotent by request id).
 */
export async function markIdempotencyFailed(
  db: Db,
  input: { scope: string; key: string; token: string; now: number },
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ failedAt: input.now })
    .where(heldBy(input.scope, input.key, input.token));
}

/** How many keys `caller` has created since `since` (epoch ms): what the per-caller quota counts. */
export async function countIdempotencyKeys(db: Db, caller: string, since: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.caller, caller), gte(idempotencyKeys.createdAt, since)));
  return row?.n ?? 0;
}

/** Deletes records created before `olderThan` (epoch ms); returns how many went. */
export async function purgeIdempotencyKeys(db: Db, olderThan: number): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, olderThan))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}
