/** Response schemas shared by API modules (the OpenAPI document is generated from them). */
import { z } from '@hono/zod-openapi';

export const MoneyOut = z
  .object({ amount: z.number().int().describe('Integer minor units'), currency: z.string().length(3) })
  .openapi('Money');
