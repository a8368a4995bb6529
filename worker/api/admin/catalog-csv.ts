/**
 * Back office: the catalog as CSV. Export streams every product (catalog:read); import takes a CSV file, as the
 * body (text/csv) or a multipart `file` field, validates every row (422 with row errors, nothing written) and
 * applies it in one transaction (catalog:write); the import record answers progress polls while it runs.
 */
import { findImport } from '@db/repositories/catalog-import';
import { MAX_IMPORT_BYTES } from '@domain/catalog/csv-columns';
import { IMPORT_STATUSES } from '@domain/catalog/csv-import-status';
import { idSchema } from '@domain/core/id-schema';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '@worker/http/app-env';
import { faultResponses, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import { exportProductsCsv } from '@worker/services/catalog/csv-export';
import { importProductsCsv } from '@worker/services/catalog/csv-import';
import type { Context } from 'hono';

const Summary = z
  .object({
    createdProducts: z.number().int(),
    updatedProducts: z.number().int(),
    createdVariants: z.number().int(),
    updatedVariants: z.number().int(),
    stockSet: z.number().int().openapi({ description: 'Stock levels set for new SKUs' }),
    stockIgnored: z.number().int().openapi({
      description:
        'stock_on_hand values not applied: the SKU existed (its stock changes through stock adjustments)',
    }),
  })
  .openapi('CatalogImportSummary');

const RowError = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });

const ImportOut = z
  .object({
    id: z.string(),
    status: z.enum(IMPORT_STATUSES),
    fileName: z.string(),
    totalRows: z.number().int(),
    rowsDone: z.number().int(),
    errorCount: z.number().int(),
    errors: z.array(RowError),
    summary: Summary.nullable(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('CatalogImport');

/** The CSV body as bytes, from a text/csv body or a multipart `file` field. */
async function readUpload(c: Context<AppEnv>): Promise<{ bytes: Uint8Array; fileName: string }> {
  const type = c.req.header('Content-Type') ?? '';
  const buffer = await c.req.arrayBuffer();
  if (!/^multipart\/form-data/i.test(type)) return { bytes: new Uint8Array(buffer), fileName: 'upload.csv' };
  let form: FormData;
  try {
    form = await new Response(buffer, { headers: { 'Content-Type': type } }).formData();
  } catch {
    throw new ProblemError('MALFORMED_REQUEST', 'The multipart body could not be read.');
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') {
    throw new ProblemError('VALIDATION_FAILED', 'Send the CSV file in a form field named "file".', {
      errors: [{ path: 'file', message: 'required' }],
    });
  }
  return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || 'upload.csv' };
}

export const adminCatalogCsv = newApi();

adminCatalogCsv
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/products/export.csv',
      tags: ['Admin'],
      summary:
        'Every product and variant as CSV (one row per variant; drafts and archived included), streamed',
      middleware: [requirePermission('catalog:read')],
      responses: {
        200: {
          description: 'The catalog as UTF-8 CSV, the columns import reads',
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
        ...problemResponses(401, 403),
        ...faultResponses(),
      },
    }),
    (c) =>
      c.body(exportProductsCsv(c.var.db), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="products.csv"',
        'Cache-Control': 'private, no-store',
      }) as never,
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/products/import',
      tags: ['Admin'],
      summary:
        'Import products and variants from CSV: every row validated first, then applied in one transaction',
      description:
        `At most ${MAX_IMPORT_BYTES / 1024 / 1024} MB and 100,000 rows, UTF-8 (a BOM is fine). A column left out keeps ` +
        'what products have; stock_on_hand sets stock for new SKUs only. Pass `importId` (an `imp_` id you mint) ' +
        'to poll GET /api/admin/imports/{importId} for progress while the request runs.',
      middleware: [requirePermission('catalog:write')],
      request: {
        query: z.object({ importId: idSchema('import').optional() }).strict(),
        body: {
          required: true,
          content: {
            'text/csv': { schema: { type: 'string' } },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { file: { type: 'string', description: 'The CSV file' } },
                required: ['file'],
              },
            },
          },
        },
      },
      responses: {
        201: jsonResponse(
          'Imported',
          z.object({ id: z.string(), totalRows: z.number().int(), summary: Summary }),
        ),
        ...problemResponses(401, 403),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const upload = await readUpload(c);
      const outcome = await importProductsCsv(
        {
          db: c.var.db,
          currency: c.env.SHOP_CURRENCY,
          actor: c.var.staff!.principal,
          requestId: c.var.requestId,
          now: Date.now,
        },
        { ...upload, importId: c.req.valid('query').importId },
      );
      if (!outcome.ok) {
        const code =
          outcome.reason === 'too-large'
            ? 'PAYLOAD_TOO_LARGE'
            : outcome.reason === 'conflict'
              ? 'CONFLICT'
              : 'IMPORT_REJECTED';
        throw new ProblemError(code, outcome.message, {
          errors: outcome.errors.map((e) => ({
            path: e.column ? `row ${e.row}.${e.column}` : `row ${e.row}`,
            message: e.message,
          })),
          meta: {
            ...(outcome.importId ? { importId: outcome.importId } : {}),
            errorCount: outcome.errorCount,
            rowErrors: outcome.errors,
          },
        });
      }
      c.header('Location', `/api/admin/imports/${outcome.importId}`);
      return c.json({ id: outcome.importId, totalRows: outcome.totalRows, summary: outcome.summary }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/imports/{importId}',
      tags: ['Admin'],
      summary: 'One CSV import: its phase, rows done of total, then its row errors or summary',
      middleware: [requirePermission('catalog:write')],
      request: { params: z.object({ importId: idSchema('import') }) },
      responses: {
        200: jsonResponse('The import', ImportOut),
        ...problemResponses(400, 401, 403, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const record = await findImport(c.var.db, c.req.valid('param').importId);
      if (!record) throw new ProblemError('NOT_FOUND', 'No import has that id.');
      c.header('Cache-Control', 'private, no-store');
      return c.json(
        {
          id: record.id,
          status: record.status,
          fileName: record.fileName,
          totalRows: record.totalRows,
          rowsDone: record.rowsDone,
          errorCount: record.errorCount,
          errors: record.errors ? (JSON.parse(record.errors) as z.infer<typeof RowError>[]) : [],
          summary:
            record.summary && record.status === 'applied'
              ? (JSON.parse(record.summary) as z.infer<typeof Summary>)
              : null,
          createdAt: record.createdAt,
          updatedAt: record.updatedAt,
        },
        200,
      );
    },
  );
