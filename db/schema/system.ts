/** Platform plumbing: stored responses for Idempotency-Key replays, and the catalog's version for cache keys. */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per (scope, key); `scope` is the caller, method and path, so one client's key can never answer another
 * client's request. While a request runs, `statusCode` is null (a claim) and `claimToken` names the request that
 * holds it: only that request may complete or release it, so a request that took over a stale claim cannot lose it
 * to the original owner. `failedAt` marks a claim whose request failed with an unknown outcome (a 5xx): the same
 * request may take it over at once. Once complete, only what a replay needs is kept: the status, a few headers, and
 * either a small body or a `replay` marker (e.g. `cart:<id>`: answer by re-reading that cart).
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** Hash of the caller's credential (cart id, else client key): what the per-caller quota counts. */
    caller: text('caller').notNull().default(''),
    requestHash: text('request_hash').notNull(),
    /** Random token of the request holding the claim; null for claims made before tokens existed. */
    claimToken: text('claim_token'),
    statusCode: integer('status_code'),
    /** JSON object of header name → value. */
    responseHeaders: text('response_headers'),
    /** A small response body (capped), or null when `replay` says how to answer. */
    responseBody: text('response_body'),
    /** How to rebuild the response on a replay (`cart:<cartId>`), or null to return `responseBody`. */
    replay: text('replay'),
    createdAt: integer('created_at').notNull(),
    completedAt: integer('completed_at'),
    /** Set when the claiming request failed with an unknown outcome (5xx): a retry may take the claim over. */
    failedAt: integer('failed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    index('idempotency_keys_caller_created_idx').on(t.caller, t.createdAt),
  ],
);

/**
 * One row (`id = 1`): a counter bumped by triggers on every catalog write (migration 0005_catalog). Edge cache keys,
 * ETags and the offline catalog snapshot carry it, so any change to what shoppers see makes new keys at once.
 */
export const catalogState = sqliteTable('catalog_state', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull().default(1),
  updatedAt: integer('updated_at').notNull().default(0),
});

/** Named counters taken inside a batch (`order_number`: the next order's human-readable number). */
export const counters = sqliteTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});
