/** Platform plumbing: stored responses for Idempotency-Key replays. */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per (scope, key). While the first request runs `statusCode` is null (a claim); once it completes the
 * response is stored so replays return it verbatim. `requestHash` detects a key reused with a different body.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    /** JSON object of header name → value. */
    responseHeaders: text('response_headers'),
    responseBody: text('response_body'),
    createdAt: integer('created_at').notNull(),
    completedAt: integer('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
