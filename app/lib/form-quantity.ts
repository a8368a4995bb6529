/** The quantity field of the storefront's forms, bounded by the same rule as the API and the CartDO. */
import { z } from '@builder.io/qwik-city';
import { MAX_LINE_QUANTITY } from '@domain/cart/quantity';

/** A typed-in quantity from `min` (0 removes a line, 1 adds one) to MAX_LINE_QUANTITY, with shopper-friendly errors. */
export function formQuantity(min: 0 | 1) {
  const range = `Enter a quantity from ${min} to ${MAX_LINE_QUANTITY}.`;
  return z.coerce
    .number({ invalid_type_error: range })
    .int('Enter a whole number.')
    .min(min, range)
    .max(MAX_LINE_QUANTITY, range);
}
