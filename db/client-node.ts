/** Node-only libSQL client (native engine, `file:` or `:memory:` URLs) for tests and scripts; never bundled into the Worker. */
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './client';
import * as schema from './schema';

/** Opens a libSQL database in Node, e.g. `createLibsqlDb(':memory:')` or `createLibsqlDb('file:tmp/shop.db')`. */
export function createLibsqlDb(url: string): Db {
  return drizzle(createClient({ url }), { schema });
}

/** Applies db/migrations with Drizzle's migrator (the same SQL files wrangler and the workerd tests apply). */
export async function migrateLibsqlDb(
  db: Db,
  migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url)),
): Promise<void> {
  // migrate() wants the libSQL class; every Db made by createLibsqlDb is one.
  await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder });
}
