/** Back office: a SKU's bin location in the warehouse (inventory:write), shown on pick lists. */
import { SkuSchema } from '@domain/catalog/sku';
import { MAX_BIN_LENGTH } from '@domain/fulfilment/bins';
import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import { setBinLocation } from '@worker/services/inventory/bins';

const BinInput = z
  .object({
    binLocation: z
      .string()
      .max(200)
      .nullable()
      .openapi({
        description: `Like "A-03-2": letters, digits, "-", "." and spaces, at most ${MAX_BIN_LENGTH} once trimmed; "" or null clears it`,
      }),
  })
  .strict()
  .openapi('BinLocationInput');

export const adminInventoryBins = newApi();

adminInventoryBins.openapi(
  createRoute({
    method: 'patch',
    path: '/admin/inventory/{sku}',
    tags: ['Admin'],
    summary: 'Set (or clear) where a SKU sits in the warehouse',
    middleware: [requirePermission('inventory:write')],
    request: { params: z.object({ sku: SkuSchema }), body: jsonBody(BinInput) },
    responses: {
      200: jsonResponse(
        'The bin now',
        z.object({ sku: z.string(), binLocation: z.string().nullable() }).openapi('BinLocation'),
      ),
      ...problemResponses(401, 403, 404),
      ...writeResponses(),
    },
  }),
  async (c) => {
    const done = await setBinLocation(
      { db: c.var.db, actor: c.var.staff!.principal, now: Date.now(), requestId: c.var.requestId },
      c.req.valid('param').sku,
      c.req.valid('json').binLocation,
    );
    if (!done.ok) {
      const errors = done.error.meta?.errors as { path: string; message: string }[] | undefined;
      throw new ProblemError(done.error.code, done.error.detail, errors ? { errors } : {});
    }
    return c.json(done.value, 200);
  },
);
