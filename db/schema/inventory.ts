/** Stock tables: the current on-hand count per SKU (read by the StockDO) and the movement ledger that explains it. */
import { STOCK_MOVEMENT_REASONS } from '@domain/inventory/movements';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { isOneOf } from './checks';

/**
 * On-hand units per SKU. The StockDO reads this with raw SQL (`SELECT on_hand FROM inventory_levels WHERE sku = ?`),
 * so the table and column names are a contract: do not rename them.
 */
export const inventoryLevels = sqliteTable(
  'inventory_levels',
  {
    sku: text('sku').primaryKey(),
    onHand: integer('on_hand').notNull(),
    lowStockThreshold: integer('low_stock_threshold').notNull().default(5),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('inventory_levels_on_hand_check', sql`${t.onHand} >= 0`)],
);

/** Append-only ledger: every change to on-hand, with why and what caused it (order id, PO number…). */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: text('id').primaryKey(),
    sku: text('sku').notNull(),
    delta: integer('delta').notNull(),
    reason: text('reason', { enum: STOCK_MOVEMENT_REASONS }).notNull(),
    reference: text('reference'),
    /** The staff member who made a manual adjustment; null for system movements (sales, returns). */
    staffId: text('staff_id'),
    note: text('note'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('stock_movements_sku_created_idx').on(t.sku, t.createdAt),
    check('stock_movements_reason_check', isOneOf(t.reason, STOCK_MOVEMENT_REASONS)),
  ],
);
