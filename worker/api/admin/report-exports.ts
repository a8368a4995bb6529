/**
 * Full report exports in the background (reports:read): start one, follow its progress, download its CSV when done.
 * The work runs on the REPORTS queue a page at a time (worker/services/reports/exports.ts); the file is kept 7 days.
 */
import { idSchema } from '@domain/core/id-schema';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { problemFrom, problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import {
  ExportRequest,
  exportFile,
  findExport,
  listExports,
  startProductsExport,
} from '@worker/services/reports/exports';

const ExportOut = z
  .object({
    id: z.string(),
    report: z.literal('products'),
    from: z.string(),
    to: z.string(),
    group: z.enum(['product', 'variant', 'category']),
    status: z.enum(['running', 'done', 'failed']),
    done: z.number().int().openapi({ description: 'Keys (products, SKUs or categories) gone through' }),
    total: z.number().int().openapi({ description: 'Keys to go through, counted when the export started' }),
    rows: z.number().int().openapi({ description: 'CSV rows written (keys that sold in the range)' }),
    createdAt: z.number().int(),
    finishedAt: z.number().int().nullable(),
  })
  .openapi('ReportExport');
const Params = z.object({ id: idSchema('reportExport') });
const read = { ...problemResponses(400, 401, 403, 404), ...faultResponses() };
const noStore = { 'Cache-Control': 'private, no-store' };

export const adminReportExports = newApi();

adminReportExports
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/report-exports',
      tags: ['Admin'],
      summary:
        'Export every product, variant or category that sold in a range (the products report lists the top 100), in the background',
      middleware: [requirePermission('reports:read')],
      request: { body: jsonBody(ExportRequest.openapi('ReportExportRequest')) },
      responses: {
        202: jsonResponse('Started: follow it at /admin/report-exports/{id}', ExportOut),
        ...problemResponses(401, 403),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const started = await startProductsExport(
        c.var.db,
        c.env,
        c.req.valid('json'),
        { staffId: c.var.staff!.principal.id, currency: c.env.SHOP_CURRENCY },
        Date.now(),
      );
      if (!started.ok) throw problemFrom(started.error);
      return c.json(started.value, 202, noStore);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/report-exports',
      tags: ['Admin'],
      summary: 'The exports of the last 7 days, newest first (at most 20)',
      middleware: [requirePermission('reports:read')],
      responses: { 200: jsonResponse('Exports', z.object({ items: z.array(ExportOut) })), ...read },
    }),
    async (c) => c.json({ items: await listExports(c.var.db, Date.now()) }, 200, noStore),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/report-exports/{id}',
      tags: ['Admin'],
      summary: "An export's progress",
      middleware: [requirePermission('reports:read')],
      request: { params: Params },
      responses: { 200: jsonResponse('The export', ExportOut), ...read },
    }),
    async (c) => {
      const found = await findExport(c.var.db, c.req.valid('param').id, Date.now());
      if (!found)
        throw problemFrom({ code: 'NOT_FOUND', detail: 'No such export (exports are kept 7 days).' });
      return c.json(found, 200, noStore);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/report-exports/{id}/download',
      tags: ['Admin'],
      summary: 'A finished export as UTF-8 CSV (409 while it runs)',
      middleware: [requirePermission('reports:read')],
      request: { params: Params },
      responses: {
        200: { description: 'UTF-8 CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
        ...problemResponses(400, 401, 403, 404, 409),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const file = await exportFile(c.var.db, c.env, c.req.valid('param').id, Date.now());
      if (!file.ok) throw problemFrom(file.error);
      return c.body(file.value.body, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file.value.name}"`,
        ...noStore,
      }) as never;
    },
  );
