/** Drizzle client factory: D1 by default, Turso/libSQL over HTTP when TURSO_DATABASE_URL is set. */
import { createClient } from '@libsql/client/web';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

/** The full schema type, for callers that need table types. */
export type Schema = typeof schema;

/**
 * What every repository accepts: an async SQLite Drizzle database with our schema and `batch`.
 * Both DrizzleD1Database and LibSQLDatabase satisfy it; the driver-specific run-result type is erased.
 */
export type Db = BaseSQLiteDatabase<'async', unknown, Schema> & {
  batch<U extends BatchItem<'sqlite'>, T extends Readonly<[U, ...U[]]>>(batch: T): Promise<BatchResponse<T>>;
};

/** The bindings createDb reads (a subset of worker/env.ts Env). */
export interface DbEnv {
  DB?: D1Database;
  TURSO_DATABASE_URL?: string;
  TURSO_AUTH_TOKEN?: string;
}

// Workers hand the same env object to every request of an isolate, so caching per object makes createDb free after
// the first call while tests with their own env objects still get their own clients.
const cache = new WeakMap<object, Db>();

/** Returns the Drizzle database for this environment (cached per env object). Throws if neither driver is configured. */
export function createDb(env: DbEnv): Db {
  const cached = cache.get(env);
  if (cached) return cached;
  let db: Db;
  if (env.TURSO_DATABASE_URL) {
    const client = createClient({ url: env.TURSO_DATABASE_URL, authToken: env.TURSO_AUTH_TOKEN });
    db = drizzleLibsql(client, { schema });
  } else if (env.DB) {
    db = drizzleD1(env.DB, { schema });
  } else {
    throw new Error('createDb: neither TURSO_DATABASE_URL nor the DB (D1) binding is configured');
  }
  cache.set(env, db);
  return db;
}
