/** RPC input schemas and the returned view of a CartDO (shared with the API so both validate the same way). */

import { MAX_CART_LINES } from '@domain/cart/quantity';
import { SkuSchema } from '@domain/catalog/sku';
import { idSchema } from '@domain/core/id-schema';
import { NowSchema } from '@durable-objects/rpc/parse-input';
import { z } from 'zod';

/** A cart id as minted by `newId('cart')`, online or offline. */
export const CartIdSchema = idSchema('cart');

// Quantities are only type-checked here; the range (1..MAX_LINE_QUANTITY) is checked with
// checkLineQuantity so an out-of-range number yields QUANTITY_OUT_OF_RANGE, not VALIDATION_FAILED.
const QuantityNumber = z.number();

/** Units of the SKU in stock when the caller checked: the line may not grow past it (omitted: no stock limit). */
const AvailableUnits = z.number().int().min(0).optional();

/**
 * Idempotency of a write: the same id is applied once (a replay returns the current view). The API derives it from
 * the Idempotency-Key; callers without one (page forms) may omit it.
 */
const RequestId = z.string().min(1).max(200).optional();

/** Input of `get`. */
export const GetCartInput = z.strictObject({ cartId: CartIdSchema });
export type GetCartInput = z.input<typeof GetCartInput>;

/** Input of `clear`: removes every line, keeps the cart. */
export const ClearCartInput = z.strictObject({
  cartId: CartIdSchema,
  requestId: RequestId,
  now: NowSchema.optional(),
});
export type ClearCartInput = z.input<typeof ClearCartInput>;

/** A change to one line: the SKU, a quantity, and the units in stock when the caller checked (at most `available`). */
const LineChangeInput = z.strictObject({
  cartId: CartIdSchema,
  sku: SkuSchema,
  quantity: QuantityNumber,
  available: AvailableUnits,
  requestId: RequestId,
  now: NowSchema.optional(),
});

/** Input of `addItem`: adds `quantity` to the line (creating the cart and the line when missing), up to `available`. */
export const AddItemInput = LineChangeInput;
export type AddItemInput = z.input<typeof AddItemInput>;

/** Input of `setQuantity`: sets the line to `quantity` (at most `available`); 0 removes it. */
export const SetQuantityInput = LineChangeInput;
export type SetQuantityInput = z.input<typeof SetQuantityInput>;

/** Input of `removeItem`. */
export const RemoveItemInput = z.strictObject({
  cartId: CartIdSchema,
  sku: SkuSchema,
  requestId: RequestId,
  now: NowSchema.optional(),
});
export type RemoveItemInput = z.input<typeof RemoveItemInput>;

/** Input of `merge`: an offline cart's lines; each sets that line's quantity (0 removes), others stay. */
export const MergeInput = z.strictObject({
  cartId: CartIdSchema,
  lines: z
    .array(z.strictObject({ sku: SkuSchema, quantity: QuantityNumber }))
    // Zero-quantity removals may accompany a full cart, hence twice the line limit.
    .max(MAX_CART_LINES * 2)
    .refine((lines) => new Set(lines.map((l) => l.sku)).size === lines.length, 'Each SKU may appear once.'),
  requestId: RequestId,
  now: NowSchema.optional(),
});
export type MergeInput = z.input<typeof MergeInput>;

/** One cart line: no price, prices are looked up at read time by the caller. */
export type CartLine = { sku: string; quantity: number; addedAt: number };

/** What every CartDO method returns on success. */
export type CartView = { cartId: string; currency: string; lines: CartLine[]; updatedAt: number };
