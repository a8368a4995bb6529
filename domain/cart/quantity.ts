/** Limits on how much of a thing one cart may hold, shared by the API, the CartDO and the browser. */

import { fail, ok, type Result } from '@domain/core/result';
import { z } from 'zod';

import { MAX_CART_LINES, MAX_LINE_QUANTITY } from './limits';

export { MAX_CART_LINES, MAX_LINE_QUANTITY };

/** Zod schema for a cart line quantity: an integer from 1 to MAX_LINE_QUANTITY. */
export const QuantitySchema = z.number().int().min(1).max(MAX_LINE_QUANTITY);

/** Zod schema for setting a line's quantity: as QuantitySchema, or 0 to remove the line. */
export const SetQuantitySchema = z.number().int().min(0).max(MAX_LINE_QUANTITY);

/** Ok(q) when `q` is an integer in 1..MAX_LINE_QUANTITY, else QUANTITY_OUT_OF_RANGE. */
export function checkLineQuantity(q: number): Result<number> {
  if (Number.isInteger(q) && q >= 1 && q <= MAX_LINE_QUANTITY) return ok(q);
  return fail('QUANTITY_OUT_OF_RANGE', `Quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}.`, {
    min: 1,
    max: MAX_LINE_QUANTITY,
    received: q,
  });
}

/** Ok(count) when a cart with `count` distinct lines is within MAX_CART_LINES, else CART_LINE_LIMIT. */
export function checkCartLineCount(count: number): Result<number> {
  if (count <= MAX_CART_LINES) return ok(count);
  return fail('CART_LINE_LIMIT', `A cart may hold at most ${MAX_CART_LINES} different items.`, {
    max: MAX_CART_LINES,
  });
}
