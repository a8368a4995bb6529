/** Inventory reads: on-hand per SKU (the StockDO's source of truth on first load) and the low-stock report. */

import type { Db } from '@db/client';
import { inventoryLevels, products, productVariants } from '@db/schema';
import { asc, eq, lte } from 'drizzle-orm';

/** A SKU at or below its low-stock threshold, with the product it belongs to (null for orphaned SKUs). */
export interface LowStockRow {
  sku: string;
  onHand: number;
  lowStockThreshold: number;
  productName: string | null;
  productSlug: string | null;
}

/** A SKU's on-hand units and low-stock threshold (what a StockDO starts from), or null when it has no row. */
export async function getInventoryLevel(
  db: Db,
  sku: string,
): Promise<{ onHand: number; lowStockThreshold: number } | null> {
  const [row] = await db
    .select({ onHand: inventoryLevels.onHand, lowStockThreshold: inventoryLevels.lowStockThreshold })
    .from(inventoryLevels)
    .where(eq(inventoryLevels.sku, sku))
    .limit(1);
  return row ?? null;
}

/** On-hand units for a SKU, or null when the SKU has no inventory row. */
export async function getOnHand(db: Db, sku: string): Promise<number | null> {
  return (await getInventoryLevel(db, sku))?.onHand ?? null;
}

/** SKUs whose on-hand is at or below their threshold, emptiest first. */
export async function listLowStock(db: Db, limit: number): Promise<LowStockRow[]> {
  return db
    .select({
      sku: inventoryLevels.sku,
      onHand: inventoryLevels.onHand,
      lowStockThreshold: inventoryLevels.lowStockThreshold,
      productName: products.name,
      productSlug: products.slug,
    })
    .from(inventoryLevels)
    .leftJoin(productVariants, eq(productVariants.sku, inventoryLevels.sku))
    .leftJoin(products, eq(products.id, productVariants.productId))
    .where(lte(inventoryLevels.onHand, inventoryLevels.lowStockThreshold))
    .orderBy(asc(inventoryLevels.onHand), asc(inventoryLevels.sku))
    .limit(Math.max(1, Math.min(500, Math.trunc(limit))));
}
