/** The back office's category tree and collections: reads, and the statements of their writes. */
import type { Db } from '@db/client';
import { categories, collections, productCollections, products } from '@db/schema';
import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import { chunks } from './catalog-admin';

export type CategoryRow = typeof categories.$inferSelect;
export type CollectionRow = typeof collections.$inferSelect;

/** Every category (a shop has tens to hundreds) with how many products of any status it holds. */
export async function listAllCategories(db: Db): Promise<(CategoryRow & { productCount: number })[]> {
  const rows = await db
    .select({
      category: categories,
      // Spelled out: in a single-table select Drizzle leaves column names unqualified, so `id` would bind inside.
      productCount: sql<number>`(select count(*) from "products" p where p."category_id" = "categories"."id")`,
    })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name));
  return rows.map((r) => ({ ...r.category, productCount: Number(r.productCount) }));
}

export async function findCategory(db: Db, id: string): Promise<CategoryRow | null> {
  const [row] = await db.select().from(categories).where(eq(categories.id, id)).limit(1);
  return row ?? null;
}

export async function findCategoryIdBySlug(db: Db, slug: string): Promise<string | null> {
  const [row] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.slug, slug))
    .limit(1);
  return row?.id ?? null;
}

/** How many products (any status) and child categories `id` has: deleting it needs both to be zero. */
export async function categoryUsage(db: Db, id: string): Promise<{ products: number; children: number }> {
  const [[p], [c]] = await Promise.all([
    db.select({ n: count() }).from(products).where(eq(products.categoryId, id)),
    db.select({ n: count() }).from(categories).where(eq(categories.parentId, id)),
  ]);
  return { products: p?.n ?? 0, children: c?.n ?? 0 };
}

export const insertCategoryStatement = (db: Db, row: typeof categories.$inferInsert) =>
  db.insert(categories).values(row);

export const updateCategoryStatement = (db: Db, id: string, row: Partial<typeof categories.$inferInsert>) =>
  db.update(categories).set(row).where(eq(categories.id, id));

export const deleteCategoryStatement = (db: Db, id: string) =>
  db.delete(categories).where(eq(categories.id, id));

/** Every collection with its product count. */
export async function listAllCollections(db: Db): Promise<(CollectionRow & { productCount: number })[]> {
  const rows = await db
    .select({
      collection: collections,
      productCount: sql<number>`(select count(*) from "product_collections" pc where pc."collection_id" = "collections"."id")`,
    })
    .from(collections)
    .orderBy(asc(collections.position), asc(collections.name));
  return rows.map((r) => ({ ...r.collection, productCount: Number(r.productCount) }));
}

export async function findCollection(db: Db, id: string): Promise<CollectionRow | null> {
  const [row] = await db.select().from(collections).where(eq(collections.id, id)).limit(1);
  return row ?? null;
}

export async function findCollectionIdBySlug(db: Db, slug: string): Promise<string | null> {
  const [row] = await db
    .select({ id: collections.id })
    .from(collections)
    .where(eq(collections.slug, slug))
    .limit(1);
  return row?.id ?? null;
}

/** Which of `ids` are collections. */
export async function existingCollectionIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const found = await Promise.all(
    chunks(ids).map((part) =>
      db.select({ id: collections.id }).from(collections).where(inArray(collections.id, part)),
    ),
  );
  return new Set(found.flat().map((r) => r.id));
}

/** The products of a collection in its order (id, name, slug, status). */
export async function listCollectionProducts(db: Db, id: string) {
  return db
    .select({ id: products.id, name: products.name, slug: products.slug, status: products.status })
    .from(productCollections)
    .innerJoin(products, eq(products.id, productCollections.productId))
    .where(eq(productCollections.collectionId, id))
    .orderBy(asc(productCollections.position));
}

export const insertCollectionStatement = (db: Db, row: typeof collections.$inferInsert) =>
  db.insert(collections).values(row);

export const updateCollectionStatement = (
  db: Db,
  id: string,
  row: Partial<typeof collections.$inferInsert>,
) => db.update(collections).set(row).where(eq(collections.id, id));

export const deleteCollectionStatement = (db: Db, id: string) =>
  db.delete(collections).where(eq(collections.id, id));

/** Statements replacing a collection's products with `productIds`, in that order. */
export const setCollectionProductsStatements = (db: Db, id: string, productIds: readonly string[]) => [
  db.delete(productCollections).where(eq(productCollections.collectionId, id)),
  ...productIds.map((productId, position) =>
    db.insert(productCollections).values({ collectionId: id, productId, position }),
  ),
];
