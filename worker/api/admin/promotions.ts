/**
 * Back office: promotions (promotions:read to see, promotions:write to change), their generated single-use code
 * batches, a batch's CSV and its deactivation. Bodies pass through the domain's own schema (domain/pricing/promotions).
 */
import { idSchema } from '@domain/core/id-schema';
import { PromotionInput } from '@domain/pricing/promotions';
import { CodeBatchInput } from '@domain/pricing/promotions/code-batch';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import {
  codeBatchCsv,
  createPromotion,
  deactivateCodeBatch,
  generateCodeBatch,
  getAdminPromotion,
  listAdminPromotions,
  listCodeBatches,
  updatePromotion,
} from '@worker/services/promotions/admin';
import { catalogContext, catalogFailure, noStore } from './catalog-context';

const PromotionOut = z.record(z.string(), z.unknown()).openapi('AdminPromotion', {
  description:
    'A promotion as PromotionInput describes it, with `id`, `uses` (live), `createdAt` and `updatedAt`',
});
const BatchOut = z
  .object({
    id: z.string(),
    promotionId: z.string(),
    prefix: z.string(),
    quantity: z.number().int(),
    createdAt: z.number().int(),
    createdBy: z.string().nullable(),
    deactivatedAt: z.number().int().nullable(),
  })
  .openapi('PromotionCodeBatch');
const Body = PromotionInput.openapi('AdminPromotionInput');
const Params = z.object({ promotionId: idSchema('promotion') });
const BatchParams = Params.extend({ batchId: idSchema('codeBatch') });
const write = { ...problemResponses(401, 403, 404), ...writeResponses() };

export const adminPromotions = newApi();

adminPromotions
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/promotions',
      tags: ['Admin'],
      summary: 'Every promotion, newest first, with its live uses',
      middleware: [requirePermission('promotions:read')],
      responses: {
        200: jsonResponse('The promotions', z.object({ items: z.array(PromotionOut) })),
        ...problemResponses(401, 403),
        ...faultResponses(),
      },
    }),
    async (c) => {
      noStore(c);
      return c.json({ items: await listAdminPromotions(c.var.db, Date.now()) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/promotions',
      tags: ['Admin'],
      summary: 'Create a promotion (its codes are case-insensitive and never reused)',
      middleware: [requirePermission('promotions:write')],
      request: { body: jsonBody(Body) },
      responses: { 201: jsonResponse('Created', PromotionOut), ...write },
    }),
    async (c) => {
      const done = await createPromotion(catalogContext(c), c.req.valid('json'));
      if (!done.ok) throw catalogFailure(done.error);
      return c.json(done.value, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/promotions/{promotionId}',
      tags: ['Admin'],
      summary: 'One promotion',
      middleware: [requirePermission('promotions:read')],
      request: { params: Params },
      responses: {
        200: jsonResponse('The promotion', PromotionOut),
        ...problemResponses(401, 403, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      noStore(c);
      const found = await getAdminPromotion(c.var.db, c.req.valid('param').promotionId, Date.now());
      if (!found) throw new ProblemError('NOT_FOUND', 'No promotion has this id.');
      return c.json(found, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/admin/promotions/{promotionId}',
      tags: ['Admin'],
      summary: 'Replace a promotion; codes left out are deactivated, never deleted',
      middleware: [requirePermission('promotions:write')],
      request: { params: Params, body: jsonBody(Body) },
      responses: { 200: jsonResponse('Saved', PromotionOut), ...write },
    }),
    async (c) => {
      const done = await updatePromotion(
        catalogContext(c),
        c.req.valid('param').promotionId,
        c.req.valid('json'),
      );
      if (!done.ok) throw catalogFailure(done.error);
      return c.json(done.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/promotions/{promotionId}/code-batches',
      tags: ['Admin'],
      summary: "A promotion's batches of generated single-use codes",
      middleware: [requirePermission('promotions:read')],
      request: { params: Params },
      responses: {
        200: jsonResponse('The batches, newest first', z.object({ items: z.array(BatchOut) })),
        ...problemResponses(401, 403, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      noStore(c);
      const items = await listCodeBatches(c.var.db, c.req.valid('param').promotionId);
      if (!items) throw new ProblemError('NOT_FOUND', 'No promotion has this id.');
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/promotions/{promotionId}/code-batches',
      tags: ['Admin'],
      summary: 'Generate up to 10,000 unique single-use codes',
      middleware: [requirePermission('promotions:write')],
      request: { params: Params, body: jsonBody(CodeBatchInput.openapi('PromotionCodeBatchInput')) },
      responses: {
        201: jsonResponse('Generated', BatchOut.extend({ created: z.number().int() })),
        ...write,
      },
    }),
    async (c) => {
      const done = await generateCodeBatch(
        catalogContext(c),
        c.req.valid('param').promotionId,
        c.req.valid('json'),
      );
      if (!done.ok) throw catalogFailure(done.error);
      return c.json(done.value, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/promotions/{promotionId}/code-batches/{batchId}/codes.csv',
      tags: ['Admin'],
      summary: "A batch's codes as CSV (code, used, active)",
      middleware: [requirePermission('promotions:read')],
      request: { params: BatchParams },
      responses: {
        200: { description: 'UTF-8 CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
        ...problemResponses(401, 403, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { promotionId, batchId } = c.req.valid('param');
      const csv = await codeBatchCsv(c.var.db, promotionId, batchId);
      if (!csv.ok) throw catalogFailure(csv.error);
      return c.body(csv.value, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="codes-${batchId}.csv"`,
        'Cache-Control': 'private, no-store',
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/promotions/{promotionId}/code-batches/{batchId}/deactivate',
      tags: ['Admin'],
      summary: 'Turn every code of a batch off (uses already made stay)',
      middleware: [requirePermission('promotions:write')],
      request: { params: BatchParams },
      responses: { 200: jsonResponse('The batch, deactivated', BatchOut), ...write },
    }),
    async (c) => {
      const { promotionId, batchId } = c.req.valid('param');
      const done = await deactivateCodeBatch(catalogContext(c), promotionId, batchId);
      if (!done.ok) throw catalogFailure(done.error);
      return c.json(done.value, 200);
    },
  );
