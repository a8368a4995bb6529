/** Product cards for hand-picked products (a landing page's grid), in the order they were picked. */
import type { Db } from '@db/client';
import { categories, collections, products } from '@db/schema';
import { and, eq, inArray } from 'drizzle-orm';
import type { ProductSummary } from './catalog';
import { summaryColumns, toSummary } from './product-summary';

/** The active products among `ids`, as cards, in the order of `ids` (unknown or hidden ones left out). */
export async function productCardsByIds(db: Db, ids: readonly string[]): Promise<ProductSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(summaryColumns)
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(inArray(products.id, [...ids]), eq(products.status, 'active')));
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Slugs of the given categories and collections (what the listing query filters by), one round trip. */
export async function groupSlugs(db: Db, categoryIds: readonly string[], collectionIds: readonly string[]) {
  const [cats, cols] = await db.batch([
    db
      .select({ id: categories.id, slug: categories.slug })
      .from(categories)
      .where(inArray(categories.id, categoryIds.length ? [...categoryIds] : [''])),
    db
      .select({ id: collections.id, slug: collections.slug })
      .from(collections)
      .where(inArray(collections.id, collectionIds.length ? [...collectionIds] : [''])),
  ]);
  return {
    categories: new Map(cats.map((c) => [c.id, c.slug])),
    collections: new Map(cols.map((c) => [c.id, c.slug])),
  };
}
