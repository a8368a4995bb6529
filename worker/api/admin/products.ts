/** Back office: products. List and read need catalog:read; create, replace and bulk actions catalog:write. */
import { listAdminProducts } from '@db/repositories/catalog-admin';
import { ProductInput } from '@domain/catalog/product-input';
import { PRODUCT_STATUSES } from '@domain/catalog/statuses';
import { idSchema } from '@domain/core/id-schema';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import { BULK_ACTIONS, bulkProducts, MAX_BULK_IDS } from '@worker/services/catalog/bulk';
import { createProduct, getProduct, updateProduct } from '@worker/services/catalog/products';
import { catalogContext, catalogFailure, noStore, ProductOut } from './catalog-context';

export const ADMIN_PRODUCTS_PAGE_SIZE = 25;

const ProductRow = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    status: z.enum(PRODUCT_STATUSES),
    categoryId: z.string(),
    categoryName: z.string().nullable(),
    priceMin: z.number().int().nullable(),
    inStock: z.boolean(),
    variantCount: z.number().int(),
    imageUrl: z.string().nullable(),
    updatedAt: z.number().int(),
  })
  .openapi('AdminProductRow');

const Params = z.object({ productId: idSchema('product') });
const ProductBody = ProductInput.openapi('AdminProductInput');
const write = { ...problemResponses(401, 403, 404), ...writeResponses() };

export const adminProducts = newApi();

adminProducts
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/products',
      tags: ['Admin'],
      summary: 'Products of every status, last changed first; `q` searches words, an exact SKU or slug',
      middleware: [requirePermission('catalog:read')],
      request: {
        query: z
          .object({
            q: z.string().trim().max(100).optional(),
            status: z.enum(PRODUCT_STATUSES).optional(),
            categoryId: idSchema('category').optional(),
            page: z.coerce.number().int().min(1).max(10_000).default(1),
          })
          .strict(),
      },
      responses: {
        200: jsonResponse(
          'One page of products',
          z.object({
            items: z.array(ProductRow),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        ),
        ...problemResponses(400, 401, 403),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { page, ...filter } = c.req.valid('query');
      const result = await listAdminProducts(c.var.db, {
        ...filter,
        limit: ADMIN_PRODUCTS_PAGE_SIZE,
        offset: (page - 1) * ADMIN_PRODUCTS_PAGE_SIZE,
      });
      noStore(c);
      return c.json({ ...result, page, pageSize: ADMIN_PRODUCTS_PAGE_SIZE }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/products',
      tags: ['Admin'],
      summary: 'Create a product with its option types, variants (stock starts at 0) and collections',
      middleware: [requirePermission('catalog:write')],
      request: { body: jsonBody(ProductBody) },
      responses: { 201: jsonResponse('Created', ProductOut), ...write },
    }),
    async (c) => {
      const result = await createProduct(catalogContext(c), c.req.valid('json'));
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(result.value, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/products/{productId}',
      tags: ['Admin'],
      summary: 'One product whole, for editing',
      middleware: [requirePermission('catalog:read')],
      request: { params: Params },
      responses: {
        200: jsonResponse('The product', ProductOut),
        ...problemResponses(400, 401, 403, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const result = await getProduct({ db: c.var.db }, c.req.valid('param').productId);
      if (!result.ok) throw catalogFailure(result.error);
      noStore(c);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/admin/products/{productId}',
      tags: ['Admin'],
      summary:
        'Replace a product: variants sent with their id (or an existing SKU) are kept, new ones added, missing ones removed',
      middleware: [requirePermission('catalog:write')],
      request: { params: Params, body: jsonBody(ProductBody) },
      responses: { 200: jsonResponse('Updated', ProductOut), ...write },
    }),
    async (c) => {
      const result = await updateProduct(
        catalogContext(c),
        c.req.valid('param').productId,
        c.req.valid('json'),
      );
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/products/bulk',
      tags: ['Admin'],
      summary:
        'Publish, archive, delete or set the category of up to 100 products; delete archives products that orders refer to',
      middleware: [requirePermission('catalog:write')],
      request: {
        body: jsonBody(
          z
            .object({
              action: z.enum(BULK_ACTIONS),
              ids: z.array(idSchema('product')).min(1).max(MAX_BULK_IDS),
              categoryId: idSchema('category').optional(),
            })
            .strict()
            .openapi('AdminProductBulk'),
        ),
      },
      responses: {
        200: jsonResponse(
          'What happened to each product',
          z.object({
            done: z.array(z.string()),
            archivedInstead: z.array(z.string()),
            skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
            notFound: z.array(z.string()),
          }),
        ),
        ...write,
      },
    }),
    async (c) => {
      const result = await bulkProducts(catalogContext(c), c.req.valid('json'));
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(result.value, 200);
    },
  );
