/** Why a SKU's on-hand count changed: the reasons the stock ledger (D1) and the StockDO's journal both record. */

export const STOCK_MOVEMENT_REASONS = ['sale', 'restock', 'adjustment', 'return', 'correction'] as const;

/** One of STOCK_MOVEMENT_REASONS. */
export type StockMovementReason = (typeof STOCK_MOVEMENT_REASONS)[number];
