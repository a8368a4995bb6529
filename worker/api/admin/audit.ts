/** Back office: browse and filter the audit log. Needs audit:read. */
import { listAudit } from '@db/repositories/audit';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, newApi } from '@worker/http/openapi';
import { problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import { ADMIN_PAGE_SIZE } from './customers';

const Entry = z
  .object({
    id: z.string(),
    staffId: z.string(),
    staffEmail: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    requestId: z.string().nullable(),
    at: z.number().int(),
  })
  .openapi('AuditEntry');

const Filter = z
  .object({
    staffId: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
    entityType: z.string().max(64).optional(),
    entityId: z.string().max(254).optional(),
    from: z.coerce.number().int().min(0).optional(),
    to: z.coerce.number().int().min(0).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();

export const adminAudit = newApi();

adminAudit.openapi(
  createRoute({
    method: 'get',
    path: '/admin/audit',
    tags: ['Admin'],
    summary: 'Audit log entries, newest first, filtered by who, what, which record and when',
    middleware: [requirePermission('audit:read')],
    request: { query: Filter },
    responses: {
      200: {
        description: 'One page of entries',
        content: {
          'application/json': {
            schema: z.object({
              items: z.array(Entry),
              total: z.number().int(),
              page: z.number().int(),
              pageSize: z.number().int(),
            }),
          },
        },
      },
      ...problemResponses(400, 401, 403),
      ...faultResponses(),
    },
  }),
  async (c) => {
    const { page, ...filter } = c.req.valid('query');
    const { items, total } = await listAudit(c.var.db, {
      ...filter,
      limit: ADMIN_PAGE_SIZE,
      offset: (page - 1) * ADMIN_PAGE_SIZE,
    });
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      {
        items: items.map((e) => ({
          ...e,
          before: e.before === null ? null : (JSON.parse(e.before) as unknown),
          after: e.after === null ? null : (JSON.parse(e.after) as unknown),
        })),
        total,
        page,
        pageSize: ADMIN_PAGE_SIZE,
      },
      200,
    );
  },
);
