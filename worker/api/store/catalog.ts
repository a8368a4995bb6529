/** Catalog API: categories, collections, product listing with filters/facets/search/sort/paging, product detail. */

import { listCategories, listProducts } from '@db/repositories/catalog';
import { getCollectionBySlug, listCollections } from '@db/repositories/collections';
import { MAX_SUGGESTIONS, suggestProducts } from '@db/repositories/product-search';
import {
  defaultSortFor,
  LISTING_PAGE_SIZE,
  MAX_LISTING_PAGE_SIZE,
  PRODUCT_SORTS,
} from '@domain/catalog/listing';
import { MAX_FILTER_VALUE_LENGTH, MAX_FILTER_VALUES } from '@domain/catalog/listing-filters';
import { MAX_SLUG_LENGTH } from '@domain/catalog/slug';
import { createRoute, z } from '@hono/zod-openapi';
import { PUBLIC_PAGE_HEADER } from '@worker/http/edge-cache-policy';
import { faultResponses, newApi, notModifiedResponse, requiredHeader } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { MoneyOut, NullableMoneyOut } from '@worker/http/schemas';
import { loadShopProductView } from '@worker/services/catalog/product-detail';
import { shopSales, summariesUnderSales } from '@worker/services/promotions/shop-sales';
import { etag } from 'hono/etag';
import { createMiddleware } from 'hono/factory';

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

const ProductPage = z.object({
  items: z.array(ProductSummary),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

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
      verifiedPurchase: z.boolean(),
      createdAt: z.number(),
    }),
  ),
  ratingDistribution: z
    .object({
      1: z.number().int(),
      2: z.number().int(),
      3: z.number().int(),
      4: z.number().int(),
      5: z.number().int(),
    })
    .openapi({ description: 'How many published reviews give each star; their sum is reviewCount.' }),
}).openapi('ProductDetail');

/** A slug as the shop makes them: lower-case letters and digits in hyphen-separated runs. */
const Slug = z
  .string()
  .max(MAX_SLUG_LENGTH)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens');

/** A repeatable filter parameter (`size=M&size=L`): one value or several. */
const FilterValues = z.union([
  z.string().min(1).max(MAX_FILTER_VALUE_LENGTH),
  z.array(z.string().min(1).max(MAX_FILTER_VALUE_LENGTH)).max(MAX_FILTER_VALUES),
]);
const valuesOf = (v: string | string[] | undefined) =>
  v === undefined ? [] : typeof v === 'string' ? [v] : v;
const Flag = z.enum(['true', 'false']);
/** Minor units; a billion covers any real price list. */
const Amount = z.coerce.number().int().min(0).max(1_000_000_000);

/** Sort and page of a listing; `.strict()` rejects unknown parameters. */
const PagingQuery = z.object({
  sort: z.enum(PRODUCT_SORTS).optional().openapi({
    description:
      'Default: `relevance` with `q` (bm25), else `featured`; `relevance` without `q` is `featured`',
  }),
  limit: z.coerce.number().int().min(1).max(MAX_LISTING_PAGE_SIZE).default(LISTING_PAGE_SIZE),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** Query of the product list; `.strict()` rejects unknown parameters. */
export const ProductListQuery = PagingQuery.extend({
  category: Slug.optional().openapi({ description: 'Category slug; includes its subcategories' }),
  collection: Slug.optional(),
  q: z.string().trim().max(100).optional(),
  priceMin: Amount.optional().openapi({ description: 'Lowest "price from", minor units, inclusive' }),
  priceMax: Amount.optional().openapi({ description: 'Highest "price from", minor units, inclusive' }),
  size: FilterValues.optional().openapi({
    description: 'Repeatable: products with a variant in any of these sizes',
  }),
  colour: FilterValues.optional().openapi({
    description: 'Repeatable: products with a variant in any of these colours',
  }),
  inStock: Flag.optional(),
  minRating: z.coerce.number().int().min(1).max(5).optional(),
  facets: Flag.optional().openapi({
    description: '`true` adds facet counts; each facet applies every active filter except its own',
  }),
}).strict();

const Count = z.number().int();
const Facets = z
  .object({
    categories: z.array(
      z.object({ slug: z.string(), name: z.string(), parentSlug: z.string().nullable(), count: Count }),
    ),
    sizes: z.array(z.object({ value: z.string(), count: Count })),
    colours: z.array(z.object({ value: z.string(), count: Count })),
    prices: z.array(z.object({ min: Count, max: Count.nullable(), count: Count })),
    availability: z.object({ inStock: Count, all: Count }),
    ratings: z.array(z.object({ min: Count, count: Count })),
  })
  .openapi('ListingFacets');

const Collection = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    featured: z.boolean(),
    productCount: Count,
  })
  .openapi('Collection');

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

/** Marks a public 200 for the edge cache (worker/http/edge-cache.ts), which keeps it per catalog version. */
const sharedRead = createMiddleware(async (c, next) => {
  await next();
  if (c.res.status === 200 && c.res.headers.get('Cache-Control')?.startsWith('public'))
    c.res.headers.set(PUBLIC_PAGE_HEADER, '1');
});

export const catalog = newApi();
// Paths named one by one: a sub-app's `use('*')` would reach every /api route.
for (const path of [
  '/categories',
  '/collections',
  '/collections/*',
  '/products',
  '/products/*',
  '/search/suggestions',
]) {
  catalog.use(path, sharedRead, etag());
}

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
              schema: ProductPage.extend({ facets: Facets.optional() }),
            },
          },
        },
        ...notModifiedResponse,
        ...problemResponses(400),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { limit, offset } = query;
      const now = Date.now();
      const [page, sales] = await Promise.all([
        listProducts(c.var.db, {
          categorySlug: query.category,
          collectionSlug: query.collection,
          q: query.q,
          priceMin: query.priceMin,
          priceMax: query.priceMax,
          sizes: valuesOf(query.size),
          colours: valuesOf(query.colour),
          inStock: query.inStock === 'true',
          minRating: query.minRating,
          sort: query.sort ?? defaultSortFor(query.q),
          limit,
          offset,
          facets: query.facets === 'true',
        }),
        shopSales(c.env, now),
      ]);
      const items = summariesUnderSales(sales, page.items, now);
      return c.json({ ...page, items, limit, offset }, 200, { 'Cache-Control': PUBLIC_CATALOG_CACHE });
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
      const product = await loadShopProductView(c.env, c.var.db, slug, Date.now());
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
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/collections',
      tags: ['Catalog'],
      summary: 'List collections (featured ones are on the home page)',
      responses: {
        200: {
          description: "Collections in the merchant's order",
          headers: catalogHeaders,
          content: { 'application/json': { schema: z.object({ items: z.array(Collection) }) } },
        },
        ...notModifiedResponse,
        ...faultResponses(),
      },
    }),
    async (c) =>
      c.json({ items: await listCollections(c.var.db) }, 200, { 'Cache-Control': PUBLIC_CATALOG_CACHE }),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/collections/{slug}',
      tags: ['Catalog'],
      summary: 'One collection with a page of its products',
      request: { params: z.object({ slug: Slug }), query: PagingQuery.strict() },
      responses: {
        200: {
          description: 'The collection and a page of its active products',
          headers: catalogHeaders,
          content: {
            'application/json': { schema: z.object({ collection: Collection, products: ProductPage }) },
          },
        },
        ...notModifiedResponse,
        ...problemResponses(400, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { slug } = c.req.valid('param');
      const { sort, limit, offset } = c.req.valid('query');
      const collection = await getCollectionBySlug(c.var.db, slug);
      if (!collection) throw new ProblemError('NOT_FOUND', `No collection with slug ${slug}.`);
      const now = Date.now();
      const [page, sales] = await Promise.all([
        listProducts(c.var.db, { collectionSlug: slug, sort, limit, offset }),
        shopSales(c.env, now),
      ]);
      const items = summariesUnderSales(sales, page.items, now);
      return c.json({ collection, products: { ...page, items, limit, offset } }, 200, {
        'Cache-Control': PUBLIC_CATALOG_CACHE,
      });
    },
  );
