/** Back office: the category tree (catalog:read to list, catalog:write to change). */
import { listAllCategories } from '@db/repositories/catalog-groups';
import { CategoryInput } from '@domain/catalog/group-input';
import { idSchema } from '@domain/core/id-schema';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import { createCategory, deleteCategory, updateCategory } from '@worker/services/catalog/categories';
import { catalogContext, catalogFailure, noStore } from './catalog-context';

const CategoryOut = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    position: z.number().int(),
    parentId: z.string().nullable(),
  })
  .openapi('AdminCategory');
const Body = CategoryInput.openapi('AdminCategoryInput');
const Params = z.object({ categoryId: idSchema('category') });
const write = { ...problemResponses(401, 403, 404), ...writeResponses() };

export const adminCategories = newApi();

adminCategories
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/categories',
      tags: ['Admin'],
      summary: 'Every category (parentId makes the tree), with its number of products of any status',
      middleware: [requirePermission('catalog:read')],
      responses: {
        200: jsonResponse(
          'The categories',
          z.object({ items: z.array(CategoryOut.extend({ productCount: z.number().int() })) }),
        ),
        ...problemResponses(401, 403),
        ...faultResponses(),
      },
    }),
    async (c) => {
      noStore(c);
      return c.json({ items: await listAllCategories(c.var.db) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/categories',
      tags: ['Admin'],
      summary: 'Create a category',
      middleware: [requirePermission('catalog:write')],
      request: { body: jsonBody(Body) },
      responses: { 201: jsonResponse('Created', CategoryOut), ...write },
    }),
    async (c) => {
      const result = await createCategory(catalogContext(c), c.req.valid('json'));
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(result.value, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/admin/categories/{categoryId}',
      tags: ['Admin'],
      summary: 'Change a category (a move under itself or its own subcategories is refused)',
      middleware: [requirePermission('catalog:write')],
      request: { params: Params, body: jsonBody(Body) },
      responses: { 200: jsonResponse('Updated', CategoryOut), ...write },
    }),
    async (c) => {
      const result = await updateCategory(
        catalogContext(c),
        c.req.valid('param').categoryId,
        c.req.valid('json'),
      );
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/admin/categories/{categoryId}',
      tags: ['Admin'],
      summary: 'Delete an empty category (409 while it has products or subcategories)',
      middleware: [requirePermission('catalog:write')],
      request: { params: Params },
      responses: { 204: { description: 'Deleted' }, ...write },
    }),
    async (c) => {
      const result = await deleteCategory(catalogContext(c), c.req.valid('param').categoryId);
      if (!result.ok) throw catalogFailure(result.error);
      return c.body(null, 204);
    },
  );
