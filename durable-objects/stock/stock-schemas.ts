/** RPC input schemas and result shapes of the StockDO (shared with the API so both validate the same way). */

import { SkuSchema } from '@domain/catalog/sku';
import { STOCK_MOVEMENT_REASONS } from '@domain/inventory/movements';
import { NowSchema } from '@durable-objects/rpc/parse-input';
import { z } from 'zod';

/** Default time a reservation holds stock before its alarm gives it back. */
export const DEFAULT_HOLD_MS = 15 * 60 * 1000;

/** Longest hold a caller may ask for (a day): longer holds would hide stock from every other buyer. */
export const MAX_HOLD_MS = 24 * 60 * 60 * 1000;

/** Largest single reservation or adjustment; far above any real order, far below integer overflow. */
export const MAX_STOCK_QUANTITY = 1_000_000;

/** The caller's idempotency key for one reservation (a checkout or order line id, an Idempotency-Key…). */
export const RequestIdSchema = z.string().min(1).max(128);

// Only type-checked here: the range is checked separately so it yields QUANTITY_OUT_OF_RANGE.
const Quantity = z.number();

/** Why on-hand changed; the same reasons as the stock_movements ledger in D1. */
export const AdjustReasonSchema = z.enum(STOCK_MOVEMENT_REASONS);
export type AdjustReason = z.infer<typeof AdjustReasonSchema>;

/** Input of `getLevel`. */
export const GetLevelInput = z.strictObject({ sku: SkuSchema });
export type GetLevelInput = z.input<typeof GetLevelInput>;

/** Input of `reserve`: hold `quantity` units for `holdMs` (default 15 minutes) under `requestId`. */
export const ReserveInput = z.strictObject({
  sku: SkuSchema,
  requestId: RequestIdSchema,
  quantity: Quantity,
  holdMs: z.number().int().min(1000).max(MAX_HOLD_MS).optional(),
  now: NowSchema.optional(),
});
export type ReserveInput = z.input<typeof ReserveInput>;

/** Input of `release` and `commit`. */
export const ReservationRefInput = z.strictObject({
  sku: SkuSchema,
  requestId: RequestIdSchema,
  now: NowSchema.optional(),
});
export type ReservationRefInput = z.input<typeof ReservationRefInput>;

/**
 * Input of `adjust`: change on-hand by `delta` (never below what is reserved). With `requestId`,
 * a replay returns the first result instead of adjusting twice.
 */
export const AdjustInput = z.strictObject({
  sku: SkuSchema,
  delta: z.number(),
  reason: AdjustReasonSchema,
  requestId: RequestIdSchema.optional(),
  now: NowSchema.optional(),
});
export type AdjustInput = z.input<typeof AdjustInput>;

/** Input of `restock`: `adjust` with a positive `quantity` and reason `restock`. */
export const RestockInput = z.strictObject({
  sku: SkuSchema,
  quantity: Quantity,
  requestId: RequestIdSchema.optional(),
  now: NowSchema.optional(),
});
export type RestockInput = z.input<typeof RestockInput>;

/** The counts of one SKU. `available` = onHand - reserved; `lowStock` uses the D1 low_stock_threshold. */
export type StockSnapshot = {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  lowStock: boolean;
};

/** Lifecycle of a reservation: held → committed (sold) or held → released (cancelled, expired). */
export type ReservationStatus = 'held' | 'released' | 'committed';

/** What `reserve` returns; a replay returns the same values, with `status` as it is now. */
export type ReserveResult = {
  reservationId: string;
  /** Units still available right after this reservation was made. */
  available: number;
  expiresAt: number;
  status: ReservationStatus;
};

/** What `release` and `commit` return. */
export type ReservationResult = {
  reservationId: string;
  requestId: string;
  quantity: number;
  status: ReservationStatus;
  level: StockSnapshot;
};
