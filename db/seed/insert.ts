/** Writes generated seed rows through Drizzle (D1 or libSQL) in batches that respect D1's statement limits. */

import type { Db } from '@db/client';
import { getTableColumns } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SeedData } from './generate';
import { PRESET_TABLES, SEED_TABLES } from './tables';

// D1 binds at most 100 parameters per statement, so rows per INSERT = floor(100 / columns).
const MAX_PARAMS = 100;
const STATEMENTS_PER_BATCH = 100;

/**
 * Inserts every seed row into an empty, migrated database. Each db.batch is atomic; a store large enough to need
 * several batches is written batch by batch (a failure leaves earlier batches in place: re-run on a fresh db).
 */
export async function insertSeed(db: Db, data: SeedData): Promise<void> {
  const statements: BatchItem<'sqlite'>[] = [];
  for (const [key, table] of SEED_TABLES) {
    const rows = data[key] as Record<string, unknown>[];
    if (rows.length === 0) continue;
    // The migrations' own row (report zone, order counter) gives way to the seed's.
    if (PRESET_TABLES.has(key)) statements.push(db.delete(table));
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(getTableColumns(table)).length));
    for (let i = 0; i < rows.length; i += perStatement) {
      // biome-ignore lint/suspicious/noExplicitAny: rows are typed per table in SeedData; the pairing is by key.
      statements.push(db.insert(table).values(rows.slice(i, i + perStatement) as any));
    }
  }
  for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH) {
    const chunk = statements.slice(i, i + STATEMENTS_PER_BATCH) as [
      BatchItem<'sqlite'>,
      ...BatchItem<'sqlite'>[],
    ];
    await db.batch(chunk);
  }
}
