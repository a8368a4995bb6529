/** The stock ledger (stock_movements), the on-hand mirror and low-stock alerts, as a SKU's StockDO writes them. */
import type { Db } from '@db/client';
import {
  inventoryLevels,
  products,
  productVariants,
  staffUsers,
  stockAlerts,
  stockMovements,
} from '@db/schema';
import { and, count, desc, eq, getTableColumns, gte, isNull, lt, sql, sum } from 'drizzle-orm';

export type StockMovement = typeof stockMovements.$inferSelect;

/** What a StockDO sends to the database after a change: ledger rows, or an alert raised or resolved. */
export type LedgerEntry =
  | { type: 'movement'; movement: StockMovement }
  | { type: 'alert'; id: string; sku: string; available: number; threshold: number; at: number }
  | { type: 'alert_resolved'; sku: string; at: number };

/** Movements per INSERT: as many as fit D1's 100 bound parameters a statement (8 of 12 columns). */
const MOVEMENTS_PER_INSERT = Math.floor(100 / Object.keys(getTableColumns(stockMovements)).length);

/**
 * Writes a StockDO's entries in one batch. Safe to repeat: a movement already stored (same id) is skipped, and the
 * on-hand mirror only moves forward (`ledger_seq`), so a delivery retried after a timeout changes nothing twice.
 */
export async function writeLedger(db: Db, sku: string, entries: readonly LedgerEntry[]): Promise<void> {
  const movements = entries.flatMap((e) => (e.type === 'movement' ? [e.movement] : []));
  const statements = [];
  // Several movements per INSERT: a busy SKU's batch is one statement per MOVEMENTS_PER_INSERT, not one per movement.
  for (let i = 0; i < movements.length; i += MOVEMENTS_PER_INSERT) {
    const rows = movements.slice(i, i + MOVEMENTS_PER_INSERT);
    statements.push(db.insert(stockMovements).values(rows).onConflictDoNothing());
  }
  const last = movements.at(-1) ?? null;
  for (const entry of entries) {
    if (entry.type === 'movement') continue;
    if (entry.type === 'alert') {
      const { id, available, threshold, at } = entry;
      statements.push(
        db.insert(stockAlerts).values({ id, sku, available, threshold, createdAt: at }).onConflictDoNothing(),
      );
    } else {
      statements.push(
        db
          .update(stockAlerts)
          .set({ resolvedAt: entry.at })
          .where(and(eq(stockAlerts.sku, sku), isNull(stockAlerts.resolvedAt))),
      );
    }
  }
  if (last?.seq != null && last.onHandAfter != null) {
    statements.push(
      db
        .update(inventoryLevels)
        .set({ onHand: last.onHandAfter, ledgerSeq: last.seq, updatedAt: last.createdAt })
        .where(and(eq(inventoryLevels.sku, sku), lt(inventoryLevels.ledgerSeq, last.seq))),
    );
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** A SKU's ledger summed: the level it explains, and the last sequence number used. */
export async function ledgerTotals(
  db: Db,
  sku: string,
): Promise<{ onHand: number; reserved: number; lastSeq: number; movements: number }> {
  const [row] = await db
    .select({
      onHand: sum(stockMovements.delta),
      reserved: sum(stockMovements.reservedDelta),
      lastSeq: sql<number | null>`max(${stockMovements.seq})`,
      movements: count(),
    })
    .from(stockMovements)
    .where(eq(stockMovements.sku, sku));
  return {
    onHand: Number(row?.onHand ?? 0),
    reserved: Number(row?.reserved ?? 0),
    lastSeq: Number(row?.lastSeq ?? 0),
    movements: row?.movements ?? 0,
  };
}

/** A SKU's movements, newest first, with the name of the staff member behind manual ones. */
export async function listMovements(db: Db, sku: string, page: { limit: number; offset: number }) {
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: stockMovements.id,
        delta: stockMovements.delta,
        reservedDelta: stockMovements.reservedDelta,
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
      .orderBy(desc(stockMovements.createdAt), desc(stockMovements.seq), desc(stockMovements.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(stockMovements).where(eq(stockMovements.sku, sku)),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** SKUs with a movement at or after `since`. */
export async function skusMovedSince(db: Db, since: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ sku: stockMovements.sku })
    .from(stockMovements)
    .where(gte(stockMovements.createdAt, since));
  return rows.map((r) => r.sku);
}

/** Open low-stock alerts, newest first, with the product they belong to: the dashboard's list. */
export async function listOpenStockAlerts(db: Db, limit: number) {
  return db
    .select({
      sku: stockAlerts.sku,
      available: stockAlerts.available,
      threshold: stockAlerts.threshold,
      createdAt: stockAlerts.createdAt,
      productId: productVariants.productId,
      productName: products.name,
    })
    .from(stockAlerts)
    .leftJoin(productVariants, eq(productVariants.sku, stockAlerts.sku))
    .leftJoin(products, eq(products.id, productVariants.productId))
    .where(isNull(stockAlerts.resolvedAt))
    .orderBy(desc(stockAlerts.createdAt))
    .limit(limit);
}

/** Marks a SKU's open alert as emailed. */
export async function markStockAlertNotified(db: Db, sku: string, now: number): Promise<void> {
  await db
    .update(stockAlerts)
    .set({ notifiedAt: now })
    .where(and(eq(stockAlerts.sku, sku), isNull(stockAlerts.resolvedAt), isNull(stockAlerts.notifiedAt)));
}
