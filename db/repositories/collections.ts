/** Collections as the storefront shows them: the list (or the home page's featured ones) and one by slug. */
import type { Db } from '@db/client';
import { collections, productCollections, products } from '@db/schema';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';

const activeCount = sql<number>`count(${products.id})`;

/** A collection with the number of active products in it. */
export interface CollectionSummary {
  slug: string;
  name: string;
  description: string;
  featured: boolean;
  productCount: number;
}

function selectCollections(db: Db, where: SQL | undefined) {
  return db
    .select({
      slug: collections.slug,
      name: collections.name,
      description: collections.description,
      featured: collections.featured,
      productCount: activeCount,
    })
    .from(collections)
    .leftJoin(productCollections, eq(productCollections.collectionId, collections.id))
    .leftJoin(products, and(eq(products.id, productCollections.productId), eq(products.status, 'active')))
    .where(where)
    .groupBy(collections.id)
    .orderBy(asc(collections.position), asc(collections.name));
}

/** Every collection (or only the featured ones) in the merchant's order, with active-product counts. */
export async function listCollections(db: Db, { featuredOnly = false } = {}): Promise<CollectionSummary[]> {
  const rows = await selectCollections(db, featuredOnly ? eq(collections.featured, true) : undefined);
  return rows.map((r) => ({ ...r, productCount: Number(r.productCount) }));
}

/** One collection by slug, or null. */
export async function getCollectionBySlug(db: Db, slug: string): Promise<CollectionSummary | null> {
  const [row] = await selectCollections(db, eq(collections.slug, slug));
  return row ? { ...row, productCount: Number(row.productCount) } : null;
}
