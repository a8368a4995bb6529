/** Catalog API: categories, product listing with search/sort/paging, product detail. */

import { listCategories, listProducts } from '@db/repositories/catalog';
import { MAX_SUGGESTIONS, suggestProducts } from '@db/repositories/product-search';
import {
  DEFAULT_PRODUCT_SORT,
  LISTING_PAGE_SIZE,
  MAX_LISTING_PAGE_SIZE,
  PRODUCT_SORTS,
} from '@domain/catalog/listing';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, newApi, notModifiedResponse, requiredHeader } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { MoneyOut, NullableMoneyOut } from '@worker/http/schemas';
import { loadProductView } from '@worker/services/catalog/product-detail';
import { etag } from 'hono/etag';

const Category = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    productCount: z.number().int(),
  })
  .openapi('Category');

const ProductSummary = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    categorySlug: z.string(),
    categoryName: z.string(),
    priceFrom: MoneyOut,
    compareAtFrom: NullableMoneyOut,
    imageUrl: z.string().nullable(),
    imageAlt: z.string().nullable(),
    rating: z.number().nullable(),
    reviewCount: z.number().int(),
  })
  .openapi('ProductSummary');

const ProductDetail = ProductSummary.extend({
  description: z.string().openapi({ description: 'Markdown, as the merchant wrote it' }),
  descriptionHtml: z.string().openapi({ description: 'The description rendered to sanitised HTML' }),
  summary: z
    .string()
    .openapi({ description: 'Plain-text summary: the SEO description, else the description start' }),
  brand: z.string().nullable(),
  options: z.object({ sizes: z.array(z.string()), colours: z.array(z.string()) }),
  optionTypes: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  variants: z.array(
    z.object({
      id: z.string(),
      sku: z.string(),
      options: z.record(z.string(), z.string()),
      size: z.string().nullable(),
      colour: z.string().nullable(),
      barcode: z.string().nullable(),
      imageId: z.string().nullable(),
      price: MoneyOut,
      compareAt: NullableMoneyOut,
    }),
  ),
  images: z.array(
    z.object({
      id: z.string(),
      url: z.string(),
      alt: z.string(),
      width: z.number().int().nullable(),
      height: z.number().int().nullable(),
    }),
  ),
  attributes: z.array(z.object({ name: z.string(), value: z.string() })),
  tags: z.array(z.string()),
  seoTitle: z.string(),
  seoDescription: z.string(),
  categoryPath: z.array(z.object({ slug: z.string(), name: z.string() })),
  related: z.array(ProductSummary),
  updatedAt: z.number().int(),
  reviews: z.array(
    z.object({
      id: z.string(),
      authorName: z.string(),
      rating: z.number().int(),
      title: z.string().nullable(),
      body: z.string(),
      createdAt: z.number(),
    }),
  ),
}).openapi('ProductDetail');

/** Query of the product list; `.strict()` rejects unknown parameters. */
export const ProductListQuery = z
  .object({
    category: z.string().max(80).optional(),
    q: z.string().trim().max(100).optional(),
    sort: z.enum(PRODUCT_SORTS).default(DEFAULT_PRODUCT_SORT),
    limit: z.coerce.number().int().min(1).max(MAX_LISTING_PAGE_SIZE).default(LISTING_PAGE_SIZE),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

/**
 * The catalog is the same for every shopper: browsers and CDNs may keep it a minute and serve it stale for five
 * while revalidating (prices are re-read whenever a cart is priced, so a stale list never sets a price); the ETag
 * turns a revalidation into a 304.
 */
const PUBLIC_CATALOG_CACHE = 'public, max-age=60, stale-while-revalidate=300';

/** The headers of a catalog 200: its validator for If-None-Match, and how long it may be kept. */
const catalogHeaders = {
  ETag: requiredHeader('Send it back as If-None-Match to get a 304 while the content is unchanged'),
  'Cache-Control': requiredHeader(`\`${PUBLIC_CATALOG_CACHE}\``),
};

export const catalog = newApi();
catalog.use('/categories', etag());
catalog.use('/products', etag());
catalog.use('/products/*', etag());
catalog.use('/search/suggestions', etag());

catalog
  .openapi(
    createRoute({
      method: 'get',
      path: '/categories',
      tags: ['Catalog'],
      summary: 'List categories',
      responses: {
        200: {
          description: 'Categories',
          headers: catalogHeaders,
          content: { 'application/json': { schema: z.object({ items: z.array(Category) }) } },
        },
        ...notModifiedResponse,
        ...faultResponses(),
      },
    }),
    async (c) =>
      c.json({ items: await listCategories(c.var.db) }, 200, { 'Cache-Control': PUBLIC_CATALOG_CACHE }),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/products',
      tags: ['Catalog'],
      summary: 'List, search and sort active products',
      request: { query: ProductListQuery },
      responses: {
        200: {
          description: 'A page of products',
          headers: catalogHeaders,
          content: {
            'application/json': {
              schema: z.object({
                items: z.array(ProductSummary),
                total: z.number().int(),
                limit: z.number().int(),
                offset: z.number().int(),
              }),
            },
          },
        },
        ...notModifiedResponse,
        ...problemResponses(400),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { category, q, sort, limit, offset } = c.req.valid('query');
      const page = await listProducts(c.var.db, { categorySlug: category, q, sort, limit, offset });
      return c.json({ ...page, limit, offset }, 200, { 'Cache-Control': PUBLIC_CATALOG_CACHE });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/products/{slug}',
      tags: ['Catalog'],
      summary: 'One product with variants, images and reviews',
      request: { params: z.object({ slug: z.string().min(1).max(120) }) },
      responses: {
        200: {
          description: 'The product',
          headers: catalogHeaders,
          content: { 'application/json': { schema: ProductDetail } },
        },
        ...notModifiedResponse,
        ...problemResponses(400, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { slug } = c.req.valid('param');
      const product = await loadProductView(c.var.db, slug);
      if (!product) throw new ProblemError('NOT_FOUND', `No product with slug ${slug}.`);
      return c.json(product, 200, { 'Cache-Control': PUBLIC_CATALOG_CACHE });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/search/suggestions',
      tags: ['Catalog'],
      summary:
        'Products to suggest as the shopper types (word prefixes; matched words marked, never as HTML)',
      request: {
        query: z
          .object({
            q: z.string().trim().min(1).max(100),
            limit: z.coerce.number().int().min(1).max(MAX_SUGGESTIONS).default(6),
          })
          .strict(),
      },
      responses: {
        200: {
          description: 'Suggestions, best first',
          headers: catalogHeaders,
          content: {
            'application/json': {
              schema: z.object({
                items: z.array(
                  z
                    .object({
                      slug: z.string(),
                      name: z.string(),
                      nameSegments: z.array(z.object({ text: z.string(), match: z.boolean() })),
                    })
                    .openapi('ProductSuggestion'),
                ),
              }),
            },
          },
        },
        ...notModifiedResponse,
        ...problemResponses(400),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      const items = await suggestProducts(c.var.db, q, limit);
      return c.json({ items }, 200, { 'Cache-Control': PUBLIC_CATALOG_CACHE });
    },
  );
