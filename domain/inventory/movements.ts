/**
 * Why a SKU's stock changed: the reasons the stock ledger (D1 `stock_movements`) records. Every movement changes
 * on-hand (`delta`), reserved (`reservedDelta`) or both, so summing a SKU's ledger gives its current level
 * (`reconcile.ts`).
 */

/** Reasons staff may give for a manual change of on-hand (received goods, counted, damaged…). */
export const MANUAL_REASONS = ['restock', 'adjustment', 'return', 'correction'] as const;

/**
 * Every reason. Besides the manual ones, written by the StockDO itself: `opening` (the count it took charge of),
 * `hold` (units reserved for a checkout), `release` (a hold given back), `expiry` (a hold that lapsed) and `sale` (a
 * hold committed by a paid order).
 */
export const STOCK_MOVEMENT_REASONS = [
  'sale',
  ...MANUAL_REASONS,
  'opening',
  'hold',
  'release',
  'expiry',
] as const;

/** One of STOCK_MOVEMENT_REASONS. */
export type StockMovementReason = (typeof STOCK_MOVEMENT_REASONS)[number];

/** One of MANUAL_REASONS. */
export type ManualReason = (typeof MANUAL_REASONS)[number];
