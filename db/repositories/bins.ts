/** Bin locations of SKUs (inventory_levels.bin_location): read many at once, set one with its audit entry. */
import type { Db } from '@db/client';
import type { AuditEntry } from '@db/repositories/audit';
import { auditLog, inventoryLevels } from '@db/schema';
import { eq, sql } from 'drizzle-orm';

/** The bins of `skus` (one query: the SKUs go in as one JSON parameter); SKUs without a stock row are absent. */
export async function findBins(db: Db, skus: readonly string[]): Promise<Map<string, string | null>> {
  if (skus.length === 0) return new Map();
  const rows = await db
    .select({ sku: inventoryLevels.sku, bin: inventoryLevels.binLocation })
    .from(inventoryLevels)
    .where(sql`${inventoryLevels.sku} IN (SELECT value FROM json_each(${JSON.stringify(skus)}))`);
  return new Map(rows.map((r) => [r.sku, r.bin]));
}

/**
 * Sets the SKU's bin and writes the audit entry, in one batch, both only while the SKU has a stock row; false when
 * it has none (nothing written).
 */
export async function setBin(db: Db, sku: string, bin: string | null, a: AuditEntry): Promise<boolean> {
  const [updated] = await db.batch([
    db
      .update(inventoryLevels)
      .set({ binLocation: bin })
      .where(eq(inventoryLevels.sku, sku))
      .returning({ sku: inventoryLevels.sku }),
    db.insert(auditLog).select(
      sql`SELECT ${a.id}, ${a.staffId}, ${a.staffEmail}, ${a.action}, ${a.entityType}, ${a.entityId}, ${a.before},
        ${a.after}, ${a.requestId}, ${a.at} WHERE EXISTS (SELECT 1 FROM inventory_levels l WHERE l.sku = ${sku})`,
    ),
  ]);
  return updated.length > 0;
}
