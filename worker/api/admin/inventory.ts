/** Back office: stock per SKU. Adjust (inventory:write) through the SKU's StockDO; read the ledger (inventory:read). */
import { listMovements } from '@db/repositories/stock-ledger';
import { SkuSchema } from '@domain/catalog/sku';
import { StockAdjustmentInput } from '@domain/inventory/adjustment-input';
import { STOCK_MOVEMENT_REASONS } from '@domain/inventory/movements';
import { stockStub } from '@durable-objects/stock';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import { adjustStock } from '@worker/services/inventory/adjustments';
import { notifyLowStock } from '@worker/services/inventory/low-stock';
import { publicOrigin } from '@worker/services/shop/settings';
import { catalogFailure, noStore } from './catalog-context';

const PAGE_SIZE = 50;
const Params = z.object({ sku: SkuSchema });
const Level = z
  .object({
    sku: z.string(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    lowStock: z.boolean(),
  })
  .openapi('StockLevel');

export const adminInventory = newApi();

adminInventory
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/inventory/{sku}/adjustments',
      tags: ['Admin'],
      summary:
        'Change a SKU’s on-hand stock by `delta`, or set the counted total with `setTo`; written to the ledger with the reason, note and staff member',
      middleware: [requirePermission('inventory:write')],
      request: { params: Params, body: jsonBody(StockAdjustmentInput.openapi('StockAdjustment')) },
      responses: {
        200: jsonResponse(
          'The level after the change (movementId null when setTo equalled the count)',
          z.object({ level: Level, movementId: z.string().nullable() }),
        ),
        ...problemResponses(401, 403, 404),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const result = await adjustStock(
        {
          db: c.var.db,
          env: c.env,
          actor: c.var.staff!.principal,
          now: Date.now(),
          requestId: c.var.requestId,
          adjustmentId: c.var.idempotencyRequestId,
          onLowStock: (sku, available) =>
            c.executionCtx.waitUntil(
              notifyLowStock(c.env, c.var.db, publicOrigin(c.env, c.req.url), sku, available),
            ),
        },
        c.req.valid('param').sku,
        c.req.valid('json'),
      );
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/inventory/{sku}/movements',
      tags: ['Admin'],
      summary: 'A SKU’s current level and its stock ledger, newest first',
      middleware: [requirePermission('inventory:read')],
      request: {
        params: Params,
        query: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }).strict(),
      },
      responses: {
        200: jsonResponse(
          'Level and movements',
          z.object({
            level: Level.nullable(),
            items: z.array(
              z.object({
                id: z.string(),
                delta: z.number().int(),
                reason: z.enum(STOCK_MOVEMENT_REASONS),
                reference: z.string().nullable(),
                note: z.string().nullable(),
                staffId: z.string().nullable(),
                staffName: z.string().nullable(),
                createdAt: z.number().int(),
              }),
            ),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        ),
        ...problemResponses(400, 401, 403, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { sku } = c.req.valid('param');
      const { page } = c.req.valid('query');
      const [level, ledger] = await Promise.all([
        stockStub(c.env, sku).getLevel({ sku }),
        listMovements(c.var.db, sku, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      ]);
      if (!level.ok && ledger.total === 0) throw catalogFailure(level.error);
      noStore(c);
      return c.json({ level: level.ok ? level.value : null, ...ledger, page, pageSize: PAGE_SIZE }, 200);
    },
  );
