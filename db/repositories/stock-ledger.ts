/** The stock ledger (stock_movements) and the on-hand mirror the StockDO's results are copied into. */
import type { Db } from '@db/client';
import { inventoryLevels, staffUsers, stockMovements } from '@db/schema';
import { count, desc, eq } from 'drizzle-orm';

export type StockMovement = typeof stockMovements.$inferSelect;

/** Statements recording a movement and mirroring the on-hand count the StockDO now holds. */
export const recordMovementStatements = (db: Db, movement: StockMovement, onHandAfter: number) => [
  db
    .update(inventoryLevels)
    .set({ onHand: onHandAfter, updatedAt: movement.createdAt })
    .where(eq(inventoryLevels.sku, movement.sku)),
  db.insert(stockMovements).values(movement),
];

/** A SKU's movements, newest first, with the name of the staff member behind manual ones. */
export async function listMovements(db: Db, sku: string, page: { limit: number; offset: number }) {
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: stockMovements.id,
        delta: stockMovements.delta,
        reason: stockMovements.reason,
        reference: stockMovements.reference,
        note: stockMovements.note,
        staffId: stockMovements.staffId,
        staffName: staffUsers.name,
        createdAt: stockMovements.createdAt,
      })
      .from(stockMovements)
      .leftJoin(staffUsers, eq(staffUsers.id, stockMovements.staffId))
      .where(eq(stockMovements.sku, sku))
      .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(stockMovements).where(eq(stockMovements.sku, sku)),
  ]);
  return { items, total: total?.n ?? 0 };
}
