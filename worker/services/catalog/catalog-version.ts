/**
 * The catalog version as this isolate knows it: read from D1 at most once per VERSION_MEMO_MS, so the edge cache's keys
 * and the isolate's own memos (navigation) cost no round trip on most requests. An admin change bumps the version
 * (database triggers) and is seen here within VERSION_MEMO_MS.
 */
import { createDb } from '@db/client';
import { getCatalogVersion } from '@db/repositories/catalog-state';
import type { Env } from '@worker/env';

/** How long an isolate trusts the catalog version it read: an admin change shows within this, plus a render. */
export const VERSION_MEMO_MS = 1000;

let memo: { version: Promise<number>; readAt: number } | null = null;

/** The catalog version, read from D1 at most once per VERSION_MEMO_MS in this isolate. */
export function memoisedCatalogVersion(env: Env, now = Date.now()): Promise<number> {
  if (!memo || now - memo.readAt >= VERSION_MEMO_MS) {
    const version = getCatalogVersion(createDb(env));
    memo = { version, readAt: now };
    // A failed read is not remembered: the next request asks again.
    version.catch(() => {
      memo = null;
    });
  }
  return memo.version;
}
