/**
 * The page version as this isolate knows it: the catalog version plus the schedule marks already passed
 * (db/repositories/schedule-marks.ts pageVersion), read from D1 at most once per VERSION_MEMO_MS, so the edge cache's
 * keys and the isolate's own memos (navigation, menus) cost no round trip on most requests. An admin change bumps the
 * version (database triggers) and a scheduled banner's start or end passes a mark; either is seen here within
 * VERSION_MEMO_MS.
 */
import { createDb } from '@db/client';
import { pageVersion } from '@db/repositories/schedule-marks';
import type { Env } from '@worker/env';

/** How long an isolate trusts the catalog version it read: an admin change shows within this, plus a render. */
export const VERSION_MEMO_MS = 1000;

let memo: { version: Promise<number>; readAt: number } | null = null;

/** The page version at `now`, read from D1 at most once per VERSION_MEMO_MS in this isolate. */
export function memoisedCatalogVersion(env: Env, now = Date.now()): Promise<number> {
  if (!memo || now - memo.readAt >= VERSION_MEMO_MS) {
    const version = pageVersion(createDb(env), now);
    memo = { version, readAt: now };
    // A failed read is not remembered: the next request asks again.
    version.catch(() => {
      memo = null;
    });
  }
  return memo.version;
}

/**
 * A value read at most once per page version in this isolate (navigation, menus, automatic promotions, sales): `read`
 * runs again only when the version has moved, concurrent callers share one read, and a failed read is not kept, so
 * the next caller asks again.
 */
export function perPageVersion<T>(read: (env: Env, now: number) => Promise<T>) {
  let kept: { version: number; value: Promise<T> } | null = null;
  return async (env: Env, now: number = Date.now()): Promise<T> => {
    const version = await memoisedCatalogVersion(env, now);
    if (kept?.version !== version) {
      const entry = { version, value: read(env, now) };
      kept = entry;
      entry.value.catch(() => {
        if (kept === entry) kept = null;
      });
      return entry.value;
    }
    return kept.value;
  };
}
