/** The offline catalog snapshot API: the newest active products in a compact form, for devices to browse offline. */

import { readCatalogSnapshot } from '@db/repositories/catalog-snapshot';
import { SNAPSHOT_MAX_PRODUCTS } from '@domain/catalog/snapshot';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, newApi, notModifiedResponse, requiredHeader } from '@worker/http/openapi';
import { problemResponses } from '@worker/http/problem';
import { MoneyOut } from '@worker/http/schemas';
import { priceUnderSales, shopSales } from '@worker/services/promotions/shop-sales';
import { etag } from 'hono/etag';

const SnapshotProduct = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    categorySlug: z.string(),
    priceFrom: z.union([MoneyOut, z.null()]),
    compareAtAmount: z.number().int().nullable().describe('Minor units, in priceFrom.currency'),
    image: z
      .object({
        url: z.string(),
        alt: z.string(),
        width: z.number().int().nullable(),
        height: z.number().int().nullable(),
      })
      .nullable(),
    rating: z.number().nullable(),
    reviewCount: z.number().int(),
    inStock: z.boolean(),
    sku: z.string().nullable().describe('Set when the product has exactly one variant'),
    collectionSlugs: z.array(z.string()),
    searchText: z.string().describe('Folded name, category, brand and tags; match word prefixes'),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('SnapshotProduct');

const CatalogSnapshot = z
  .object({
    mode: z.enum(['full', 'delta']),
    version: z.number().int().describe('The catalog version (bumped by every catalog write)'),
    watermark: z.number().int().describe('Send back as `since` for the next delta'),
    maxProducts: z.number().int(),
    total: z.number().int().describe('Products in the full snapshot now'),
    digest: z
      .string()
      .describe('Digest of the full snapshot’s product ids: if yours differs after a delta, fetch it whole'),
    categories: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        parentSlug: z.string().nullable(),
        position: z.number().int(),
      }),
    ),
    collections: z.array(z.object({ slug: z.string(), name: z.string() })),
    products: z.array(SnapshotProduct),
    removedIds: z.array(z.string()).describe('Delta only: changed products that left the snapshot'),
  })
  .openapi('CatalogSnapshot');

/**
 * Shorter than the other catalog reads' lifetime: a device asks at most every few minutes, and a stale delta is
 * harmless (the next one starts from the same watermark), so a minute's CDN sharing is the only point.
 */
const SNAPSHOT_CACHE = 'public, max-age=60, stale-while-revalidate=300';

export const catalogSnapshot = newApi();
catalogSnapshot.use('/catalog/snapshot', etag());

catalogSnapshot.openapi(
  createRoute({
    method: 'get',
    path: '/catalog/snapshot',
    tags: ['Catalog'],
    summary: `Offline catalog snapshot: the ${SNAPSHOT_MAX_PRODUCTS} newest active products, compact, or the changes since a watermark`,
    description:
      'Without `since`: the whole snapshot. With `since` (the `watermark` of an earlier answer): products in the ' +
      'snapshot updated at or after it, and `removedIds`, changed products that left it. Hard deletes and products ' +
      'pushed out by newer ones only change `total`/`digest`: compare them with what you hold and fetch it whole ' +
      'when they differ.',
    request: {
      query: z
        .object({ since: z.coerce.number().int().min(0).max(8_640_000_000_000_000).optional() })
        .strict(),
    },
    responses: {
      200: {
        description: 'The snapshot or the delta',
        headers: {
          ETag: requiredHeader('Send it back as If-None-Match to get a 304 while the content is unchanged'),
          'Cache-Control': requiredHeader(`\`${SNAPSHOT_CACHE}\``),
        },
        content: { 'application/json': { schema: CatalogSnapshot } },
      },
      ...notModifiedResponse,
      ...problemResponses(400),
      ...faultResponses(),
    },
  }),
  async (c) => {
    const { since } = c.req.valid('query');
    const now = Date.now();
    const [snapshot, sales] = await Promise.all([
      readCatalogSnapshot(c.var.db, since),
      shopSales(c.env, now),
    ]);
    // Prices under today's sales, as every other surface shows them (an offline add to cart takes this price). A
    // delta carries only products edited since the watermark, so a device sees a sale start or end at its next full
    // download (daily) at the latest; docs/architecture.md, "Promotions".
    const products = snapshot.products.map((p) => {
      if (!p.priceFrom) return p;
      const sale = priceUnderSales(sales, p.priceFrom, p.id, sales.ancestorsOfSlug(p.categorySlug), now);
      return sale.saleId
        ? { ...p, priceFrom: sale.price, compareAtAmount: sale.compareAt?.amount ?? null }
        : p;
    });
    return c.json({ ...snapshot, products }, 200, { 'Cache-Control': SNAPSHOT_CACHE });
  },
);
