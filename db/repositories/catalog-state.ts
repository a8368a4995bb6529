/** The catalog's version: a counter the database's triggers bump on every write shoppers would see. */
import type { Db } from '@db/client';
import { catalogState } from '@db/schema';
import { eq } from 'drizzle-orm';

/** The current version (1 on a fresh database); cache keys, ETags and the offline snapshot carry it. */
export async function getCatalogVersion(db: Db): Promise<number> {
  const [row] = await db
    .select({ version: catalogState.version })
    .from(catalogState)
    .where(eq(catalogState.id, 1));
  return row?.version ?? 1;
}
