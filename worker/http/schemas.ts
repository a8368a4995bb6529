/** Response schemas shared by API modules (the OpenAPI document is generated from them). */
import { z } from '@hono/zod-openapi';

export const MoneyOut = z
  .object({ amount: z.number().int().describe('Integer minor units'), currency: z.string().length(3) })
  .openapi('Money');

/**
 * A Money or null. Not `MoneyOut.nullable()`: for a registered schema that generates
 * `allOf: [$ref Money, {type: [object, null]}]`, which no null satisfies; a union generates
 * `anyOf: [$ref Money, {type: null}]`.
 */
export const NullableMoneyOut = z.union([MoneyOut, z.null()]);
