/** Reads for the offline catalog snapshot: the newest active products in a compact form, whole or as a delta. */

import type { Db } from '@db/client';
import {
  categories,
  collections,
  productCollections,
  productImages,
  products,
  productVariants,
} from '@db/schema';
import {
  buildSearchText,
  digestProductIds,
  SNAPSHOT_MAX_PRODUCTS,
  type SnapshotCategory,
  type SnapshotCollection,
  type SnapshotProduct,
} from '@domain/catalog/snapshot';
import { and, asc, desc, eq, gte, inArray, max, not, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getCatalogVersion } from './catalog-state';

export type { SnapshotProduct } from '@domain/catalog/snapshot';

/** The snapshot, or the changes since a watermark. */
export interface CatalogSnapshot {
  mode: 'full' | 'delta';
  version: number;
  /** Send it back as `since` for the next delta: the latest `updatedAt` of any product, active or not. */
  watermark: number;
  maxProducts: number;
  /** How many products the full snapshot holds now, and the digest of their ids. */
  total: number;
  digest: string;
  categories: SnapshotCategory[];
  collections: SnapshotCollection[];
  products: SnapshotProduct[];
  /** Delta only: products changed since the watermark that are no longer in the snapshot (unpublished, archived). */
  removedIds: string[];
}

const firstImage = alias(productImages, 'first_image');
const parent = alias(categories, 'parent_category');

/** The window: the ids of the newest active products, as a subquery. */
function windowIds(db: Db) {
  return db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.status, 'active'))
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(SNAPSHOT_MAX_PRODUCTS);
}

/**
 * The snapshot (no `since`) or the delta since `since` (a watermark from an earlier answer): products in the window
 * whose `updated_at` is at or after it (at, so a write in the same millisecond as the watermark is never missed),
 * and the ids of products changed since that left it. A product that is hard-deleted, or pushed out of the window
 * by newer ones, shows up only as a changed `digest`: the device then downloads the full snapshot.
 */
export async function readCatalogSnapshot(db: Db, since?: number): Promise<CatalogSnapshot> {
  const inWindow = inArray(products.id, windowIds(db));
  const changed = since === undefined ? undefined : gte(products.updatedAt, since);
  const [rows, ids, watermarkRows, removedRows, categoryRows, collectionRows] = await db.batch([
    db
      .select({
        id: products.id,
        slug: products.slug,
        name: products.name,
        brand: products.brand,
        tags: products.tags,
        categorySlug: sql<string>`${categories.slug}`.as('category_slug'),
        categoryName: sql<string>`${categories.name}`.as('category_name'),
        priceMin: products.priceMin,
        currency: sql<
          string | null
        >`(select v.currency from ${productVariants} v where v.product_id = ${products.id} order by v.price_amount limit 1)`.as(
          'currency',
        ),
        compareAt: sql<
          number | null
        >`(select v.compare_at_amount from ${productVariants} v where v.product_id = ${products.id} order by v.price_amount limit 1)`.as(
          'compare_at',
        ),
        sku: sql<
          string | null
        >`(select case when count(*) = 1 then min(v.sku) end from ${productVariants} v where v.product_id = ${products.id})`.as(
          'single_sku',
        ),
        collectionSlugs: sql<
          string | null
        >`(select group_concat(c.slug, ' ') from ${productCollections} pc join ${collections} c on c.id = pc.collection_id where pc.product_id = ${products.id})`.as(
          'collection_slugs',
        ),
        imageUrl: sql<string | null>`${firstImage.url}`.as('image_url'),
        imageAlt: sql<string | null>`${firstImage.alt}`.as('image_alt'),
        imageWidth: sql<number | null>`${firstImage.width}`.as('image_width'),
        imageHeight: sql<number | null>`${firstImage.height}`.as('image_height'),
        rating: products.ratingAvg,
        reviewCount: products.reviewCount,
        inStock: products.inStock,
        createdAt: products.createdAt,
        updatedAt: products.updatedAt,
      })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .leftJoin(
        firstImage,
        eq(
          firstImage.id,
          sql`(select i.id from ${productImages} i where i.product_id = ${products.id} order by i.position, i.id limit 1)`,
        ),
      )
      .where(and(inWindow, changed))
      .orderBy(desc(products.createdAt), desc(products.id)),
    windowIds(db),
    db.select({ watermark: max(products.updatedAt) }).from(products),
    db
      .select({ id: products.id })
      .from(products)
      .where(since === undefined ? sql`0` : and(changed, not(inWindow))),
    db
      .select({
        slug: categories.slug,
        name: categories.name,
        parentSlug: sql<string | null>`${parent.slug}`.as('parent_slug'),
        position: categories.position,
      })
      .from(categories)
      .leftJoin(parent, eq(parent.id, categories.parentId))
      .orderBy(asc(categories.position), asc(categories.name)),
    db
      .select({ slug: collections.slug, name: collections.name })
      .from(collections)
      .orderBy(asc(collections.position), asc(collections.name)),
  ]);
  const version = await getCatalogVersion(db);
  return {
    mode: since === undefined ? 'full' : 'delta',
    version,
    watermark: Number(watermarkRows[0]?.watermark ?? 0),
    maxProducts: SNAPSHOT_MAX_PRODUCTS,
    total: ids.length,
    digest: digestProductIds(ids.map((r) => r.id)),
    categories: categoryRows.map((c) => ({ ...c, position: Number(c.position) })),
    collections: collectionRows,
    products: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      categorySlug: r.categorySlug,
      priceFrom:
        r.priceMin === null || r.currency === null
          ? null
          : { amount: Number(r.priceMin), currency: r.currency },
      compareAtAmount:
        r.compareAt !== null && r.priceMin !== null && Number(r.compareAt) > Number(r.priceMin)
          ? Number(r.compareAt)
          : null,
      image:
        r.imageUrl === null
          ? null
          : {
              url: r.imageUrl,
              alt: r.imageAlt ?? '',
              width: r.imageWidth === null ? null : Number(r.imageWidth),
              height: r.imageHeight === null ? null : Number(r.imageHeight),
            },
      rating: r.rating === null ? null : Math.round(Number(r.rating) * 10) / 10,
      reviewCount: Number(r.reviewCount),
      inStock: Boolean(r.inStock),
      sku: r.sku,
      collectionSlugs: r.collectionSlugs ? r.collectionSlugs.split(' ') : [],
      searchText: buildSearchText([r.name, r.categoryName, r.brand, ...parseTags(r.tags)]),
      createdAt: Number(r.createdAt),
      updatedAt: Number(r.updatedAt),
    })),
    removedIds: removedRows.map((r) => r.id),
  };
}

function parseTags(json: string): string[] {
  try {
    const tags: unknown = JSON.parse(json);
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}
