/** Back office: catalog sales (promotions:read to see, promotions:write to change), bodies through the domain schema. */
import { findSale, listAllSales, type SaleRow } from '@db/repositories/sales';
import { idSchema } from '@domain/core/id-schema';
import { SaleInput, SalePatch, saleState } from '@domain/pricing/promotions/sale-price';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import { createSale, deleteSale, updateSale } from '@worker/services/promotions/sales-admin';
import { catalogContext, catalogFailure, noStore } from './catalog-context';

const SaleOut = z
  .object({
    id: z.string(),
    name: z.string(),
    basisPoints: z
      .number()
      .int()
      .openapi({ description: 'Basis points off every covered variant (2500 = 25%)' }),
    productIds: z.array(z.string()),
    categoryIds: z.array(z.string()).openapi({ description: 'Their subcategories are covered too' }),
    startsAt: z.number().int().openapi({ description: 'Epoch ms, inclusive' }),
    endsAt: z.number().int().openapi({ description: 'Epoch ms, exclusive' }),
    active: z.boolean(),
    state: z.enum(['live', 'scheduled', 'ended', 'off']),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('AdminSale');
const Params = z.object({ saleId: idSchema('sale') });
const write = { ...problemResponses(401, 403, 404), ...writeResponses() };

const out = (s: SaleRow, now: number): z.infer<typeof SaleOut> => ({ ...s, state: saleState(s, now) });

export const adminSales = newApi();

adminSales
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/sales',
      tags: ['Admin'],
      summary: 'Every catalog sale, latest start first, with its state now',
      middleware: [requirePermission('promotions:read')],
      responses: {
        200: jsonResponse('The sales', z.object({ items: z.array(SaleOut) })),
        ...problemResponses(401, 403),
        ...faultResponses(),
      },
    }),
    async (c) => {
      noStore(c);
      const now = Date.now();
      return c.json({ items: (await listAllSales(c.var.db)).map((s) => out(s, now)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/sales/{saleId}',
      tags: ['Admin'],
      summary: 'One catalog sale',
      middleware: [requirePermission('promotions:read')],
      request: { params: Params },
      responses: {
        200: jsonResponse('The sale', SaleOut),
        ...problemResponses(400, 401, 403, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const found = await findSale(c.var.db, c.req.valid('param').saleId);
      if (!found) throw new ProblemError('NOT_FOUND', 'No sale has this id.');
      noStore(c);
      return c.json(out(found, Date.now()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/sales',
      tags: ['Admin'],
      summary: 'Create a catalog sale (409 when it overlaps another active sale on the same products)',
      middleware: [requirePermission('promotions:write')],
      request: { body: jsonBody(SaleInput.openapi('AdminSaleInput')) },
      responses: { 201: jsonResponse('Created', SaleOut), ...write },
    }),
    async (c) => {
      const ctx = catalogContext(c);
      const done = await createSale(ctx, c.req.valid('json'));
      if (!done.ok) throw catalogFailure(done.error);
      return c.json(out(done.value, ctx.now), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/admin/sales/{saleId}',
      tags: ['Admin'],
      summary: 'Change some fields of a sale (`{"active": false}` deactivates it)',
      middleware: [requirePermission('promotions:write')],
      request: { params: Params, body: jsonBody(SalePatch.openapi('AdminSalePatch')) },
      responses: { 200: jsonResponse('Saved', SaleOut), ...write },
    }),
    async (c) => {
      const ctx = catalogContext(c);
      const done = await updateSale(ctx, c.req.valid('param').saleId, c.req.valid('json'));
      if (!done.ok) throw catalogFailure(done.error);
      return c.json(out(done.value, ctx.now), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/admin/sales/{saleId}',
      tags: ['Admin'],
      summary: 'Delete a sale',
      middleware: [requirePermission('promotions:write')],
      request: { params: Params },
      responses: { 204: { description: 'Deleted' }, ...write },
    }),
    async (c) => {
      const done = await deleteSale(catalogContext(c), c.req.valid('param').saleId);
      if (!done.ok) throw catalogFailure(done.error);
      return c.body(null, 204);
    },
  );
