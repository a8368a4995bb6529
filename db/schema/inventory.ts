/** Stock tables: the on-hand mirror per SKU, the movement ledger that explains every level, and low-stock alerts. */
import { STOCK_MOVEMENT_REASONS } from '@domain/inventory/movements';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { isOneOf } from './checks';

/**
 * On-hand units per SKU: what a StockDO starts from the first time it is used, then a mirror of the object's count
 * written with the ledger. `ledgerSeq` is the sequence number of the last movement mirrored, so a late, out-of-order
 * write can never move the mirror backwards. The StockDO reads this table; its names are a contract.
 */
export const inventoryLevels = sqliteTable(
  'inventory_levels',
  {
    sku: text('sku').primaryKey(),
    onHand: integer('on_hand').notNull(),
    lowStockThreshold: integer('low_stock_threshold').notNull().default(5),
    ledgerSeq: integer('ledger_seq').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
    /** Where the SKU sits in the warehouse ("A-03-2"), rule in domain/fulfilment/bins.ts; null when not shelved. */
    binLocation: text('bin_location'),
  },
  (t) => [check('inventory_levels_on_hand_check', sql`${t.onHand} >= 0`)],
);

/**
 * Append-only ledger of every change to a SKU's on-hand (`delta`) and reserved (`reservedDelta`) units, written by
 * its StockDO: summing a SKU's rows gives its level. `seq` numbers one SKU's movements in the order the object made
 * them; `(sku, seq)` is unique, so a movement delivered twice is stored once.
 */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: text('id').primaryKey(),
    sku: text('sku').notNull(),
    seq: integer('seq'),
    delta: integer('delta').notNull(),
    reservedDelta: integer('reserved_delta').notNull().default(0),
    onHandAfter: integer('on_hand_after'),
    reservedAfter: integer('reserved_after'),
    reason: text('reason', { enum: STOCK_MOVEMENT_REASONS }).notNull(),
    /** What caused it: a checkout (holds, sales), an order, a purchase order number… */
    reference: text('reference'),
    /** The staff member who made a manual adjustment; null for system movements (sales, holds, returns). */
    staffId: text('staff_id'),
    note: text('note'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('stock_movements_sku_created_idx').on(t.sku, t.createdAt),
    uniqueIndex('stock_movements_sku_seq_idx').on(t.sku, t.seq),
    index('stock_movements_reference_idx').on(t.reference),
    check('stock_movements_reason_check', isOneOf(t.reason, STOCK_MOVEMENT_REASONS)),
  ],
);

/**
 * A SKU's available units fell to its low-stock threshold: one row per crossing (the StockDO decides when, so many
 * sales in a row raise one alert), resolved when available rises above the threshold again.
 */
export const stockAlerts = sqliteTable(
  'stock_alerts',
  {
    id: text('id').primaryKey(),
    sku: text('sku').notNull(),
    available: integer('available').notNull(),
    threshold: integer('threshold').notNull(),
    createdAt: integer('created_at').notNull(),
    resolvedAt: integer('resolved_at'),
    /** When the administrators' email went out; null until then. */
    notifiedAt: integer('notified_at'),
  },
  (t) => [
    index('stock_alerts_open_idx').on(t.resolvedAt, t.createdAt),
    index('stock_alerts_sku_idx').on(t.sku, t.createdAt),
  ],
);
