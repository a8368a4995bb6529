/** Back office: collections and their products (catalog:read to list, catalog:write to change). */
import { findCollection, listAllCollections, listCollectionProducts } from '@db/repositories/catalog-groups';
import { CollectionInput, MAX_COLLECTION_PRODUCTS } from '@domain/catalog/group-input';
import { idSchema } from '@domain/core/id-schema';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import {
  createCollection,
  deleteCollection,
  setCollectionProducts,
  updateCollection,
} from '@worker/services/catalog/collections';
import { catalogContext, catalogFailure, noStore } from './catalog-context';

const CollectionOut = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    featured: z.boolean(),
    position: z.number().int(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('AdminCollection');
const Body = CollectionInput.openapi('AdminCollectionInput');
const Params = z.object({ collectionId: idSchema('collection') });
const write = { ...problemResponses(401, 403, 404), ...writeResponses() };
const ProductRef = z.object({ id: z.string(), name: z.string(), slug: z.string(), status: z.string() });

export const adminCollections = newApi();

adminCollections
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/collections',
      tags: ['Admin'],
      summary: 'Every collection with its number of products',
      middleware: [requirePermission('catalog:read')],
      responses: {
        200: jsonResponse(
          'The collections',
          z.object({ items: z.array(CollectionOut.extend({ productCount: z.number().int() })) }),
        ),
        ...problemResponses(401, 403),
        ...faultResponses(),
      },
    }),
    async (c) => {
      noStore(c);
      return c.json({ items: await listAllCollections(c.var.db) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/collections/{collectionId}',
      tags: ['Admin'],
      summary: 'One collection with its products in order',
      middleware: [requirePermission('catalog:read')],
      request: { params: Params },
      responses: {
        200: jsonResponse('The collection', CollectionOut.extend({ products: z.array(ProductRef) })),
        ...problemResponses(400, 401, 403, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { collectionId } = c.req.valid('param');
      const found = await findCollection(c.var.db, collectionId);
      if (!found) throw new ProblemError('NOT_FOUND', 'No collection has this id.');
      noStore(c);
      return c.json({ ...found, products: await listCollectionProducts(c.var.db, collectionId) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/collections',
      tags: ['Admin'],
      summary: 'Create a collection',
      middleware: [requirePermission('catalog:write')],
      request: { body: jsonBody(Body) },
      responses: { 201: jsonResponse('Created', CollectionOut), ...write },
    }),
    async (c) => {
      const result = await createCollection(catalogContext(c), c.req.valid('json'));
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(result.value, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/admin/collections/{collectionId}',
      tags: ['Admin'],
      summary: 'Change a collection',
      middleware: [requirePermission('catalog:write')],
      request: { params: Params, body: jsonBody(Body) },
      responses: { 200: jsonResponse('Updated', CollectionOut), ...write },
    }),
    async (c) => {
      const result = await updateCollection(
        catalogContext(c),
        c.req.valid('param').collectionId,
        c.req.valid('json'),
      );
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/admin/collections/{collectionId}',
      tags: ['Admin'],
      summary: 'Delete a collection (its products stay)',
      middleware: [requirePermission('catalog:write')],
      request: { params: Params },
      responses: { 204: { description: 'Deleted' }, ...write },
    }),
    async (c) => {
      const result = await deleteCollection(catalogContext(c), c.req.valid('param').collectionId);
      if (!result.ok) throw catalogFailure(result.error);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/admin/collections/{collectionId}/products',
      tags: ['Admin'],
      summary: 'Set the collection’s products, in order',
      middleware: [requirePermission('catalog:write')],
      request: {
        params: Params,
        body: jsonBody(
          z
            .object({ productIds: z.array(idSchema('product')).max(MAX_COLLECTION_PRODUCTS) })
            .strict()
            .refine((b) => new Set(b.productIds).size === b.productIds.length, 'A product is listed twice.'),
        ),
      },
      responses: {
        200: jsonResponse('The products', z.object({ productIds: z.array(z.string()) })),
        ...write,
      },
    }),
    async (c) => {
      const result = await setCollectionProducts(
        catalogContext(c),
        c.req.valid('param').collectionId,
        c.req.valid('json').productIds,
      );
      if (!result.ok) throw catalogFailure(result.error);
      return c.json({ productIds: result.value }, 200);
    },
  );
