/** RPC input schemas and result shapes of the StockDO (shared with the API so both validate the same way). */

import { SkuSchema } from '@domain/catalog/sku';
import { MANUAL_REASONS } from '@domain/inventory/movements';
import { NowSchema } from '@durable-objects/rpc/parse-input';
import { z } from 'zod';

/** Default time a reservation holds stock before its alarm gives it back. */
export const DEFAULT_HOLD_MS = 15 * 60 * 1000;

/** Longest hold a caller may ask for (a day): longer holds would hide stock from every other buyer. */
export const MAX_HOLD_MS = 24 * 60 * 60 * 1000;

/**
 * How long settled rows are kept: released, committed and expired reservations (counted from when they
 * settled) and adjustments (from when they were made). The alarm deletes older ones. This is the replay
 * window: a `reserve` or `adjust` replayed within it answers from the stored row; after it the request id is
 * unknown again and would act afresh, so callers must not replay request ids older than this (the API's
 * Idempotency-Keys live 24 hours).
 */
export const SETTLED_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Largest single reservation or adjustment; far above any real order, far below integer overflow. */
export const MAX_STOCK_QUANTITY = 1_000_000;

/** The caller's idempotency key for one reservation (a checkout or order line id, an Idempotency-Key…). */
export const RequestIdSchema = z.string().min(1).max(128);

// Only type-checked here: the range is checked separately so it yields QUANTITY_OUT_OF_RANGE.
const Quantity = z.number();

/** Why on-hand changed by hand or by a return; the object writes its own reasons (hold, sale…) itself. */
export const AdjustReasonSchema = z.enum(MANUAL_REASONS);
export type AdjustReason = z.infer<typeof AdjustReasonSchema>;

/** Input of `getLevel`. */
export const GetLevelInput = z.strictObject({ sku: SkuSchema });
export type GetLevelInput = z.input<typeof GetLevelInput>;

/**
 * A caller's clock, accepted for compatibility and IGNORED: the StockDO stamps and expires everything with
 * its own clock (Date.now() inside the object), so a caller cannot stretch a hold past MAX_HOLD_MS with a
 * `now` in the future, nor create holds that are expired on arrival with one in the past.
 */
const IgnoredNow = NowSchema.optional();

/** Input of `reserve`: hold `quantity` units for `holdMs` (default 15 minutes) under `requestId`. */
export const ReserveInput = z.strictObject({
  sku: SkuSchema,
  requestId: RequestIdSchema,
  quantity: Quantity,
  holdMs: z.number().int().min(1000).max(MAX_HOLD_MS).optional(),
  now: IgnoredNow,
});
export type ReserveInput = z.input<typeof ReserveInput>;

/** Input of `release` and `commit`. */
export const ReservationRefInput = z.strictObject({
  sku: SkuSchema,
  requestId: RequestIdSchema,
  now: IgnoredNow,
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
  /** For the ledger: who made a manual change, their note, what it refers to, and the movement's id. */
  staffId: z.string().max(64).optional(),
  note: z.string().max(500).optional(),
  reference: z.string().max(128).optional(),
  movementId: z.string().max(64).optional(),
  now: IgnoredNow,
});
export type AdjustInput = z.input<typeof AdjustInput>;

/** Input of `restock`: `adjust` with a positive `quantity` and reason `restock`. */
export const RestockInput = z.strictObject({
  sku: SkuSchema,
  quantity: Quantity,
  requestId: RequestIdSchema.optional(),
  now: IgnoredNow,
});
export type RestockInput = z.input<typeof RestockInput>;

/** The counts of one SKU. `available` = onHand - reserved; `lowStock` uses the D1 low_stock_threshold. */
export type StockSnapshot = {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  lowStock: boolean;
  /** On an adjustment: true when this very change took available units to the low-stock threshold. */
  lowStockAlert?: boolean;
};

/**
 * Lifecycle of a reservation: held → committed (sold), held → released (given back by `release`) or
 * held → expired (its hold lapsed: the alarm, or the first call after `expiresAt`, gives the units back).
 */
export type ReservationStatus = 'held' | 'released' | 'committed' | 'expired';

/**
 * What `reserve` returns. A replay returns the same values with `status` as it is now, and is `ok` only while
 * the units are the caller's: `held` (still reserved) or `committed` (sold to it). A replay of a `released` or
 * `expired` hold is INVALID_TRANSITION (meta `{ requestId, status, reservationId, expiresAt }`): a request id
 * holds stock once, so reserve again under a new one.
 */
export type ReserveResult = {
  reservationId: string;
  /** Units still available right after this reservation was made. */
  available: number;
  expiresAt: number;
  status: ReservationStatus;
  /** True when this very hold took available units to the low-stock threshold (one alert per crossing). */
  lowStockAlert?: boolean;
};

/** What `release` and `commit` return. */
export type ReservationResult = {
  reservationId: string;
  requestId: string;
  quantity: number;
  status: ReservationStatus;
  level: StockSnapshot;
};

/** A live-availability socket's message: sent on connect, on every change, and in answer to any message. */
export interface LiveStockMessage {
  sku: string;
  available: number;
}

/** Keep-alive text a client may send; the runtime answers LIVE_PONG without waking the object. */
export const LIVE_PING = 'ping';
export const LIVE_PONG = 'pong';
