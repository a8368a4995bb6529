/** Catalog sales: the back office's reads and writes, and the shop's one read of every sale that is on or to come. */
import type { Db } from '@db/client';
import { categories, products, sales } from '@db/schema';
import type { Sale } from '@domain/pricing/promotions/sale-price';
import { and, desc, eq, gt, sql } from 'drizzle-orm';

/** A stored sale. */
export type SaleRow = typeof sales.$inferSelect;

/** A row as the domain's Sale (pricing and the overlap check read these). */
export const saleOf = (r: SaleRow): Sale => ({
  id: r.id,
  name: r.name,
  basisPoints: r.basisPoints,
  productIds: r.productIds,
  categoryIds: r.categoryIds,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  active: r.active,
});

/** Every sale for the back office, the latest start first. */
export async function listAllSales(db: Db): Promise<SaleRow[]> {
  return db.select().from(sales).orderBy(desc(sales.startsAt), desc(sales.id));
}

export async function findSale(db: Db, id: string): Promise<SaleRow | null> {
  const [row] = await db.select().from(sales).where(eq(sales.id, id));
  return row ?? null;
}

/** Active sales that have not ended at `now` (live and upcoming): what pricing and the overlap check need. */
export async function activeSalesFrom(db: Db, now: number): Promise<Sale[]> {
  const rows = await db
    .select()
    .from(sales)
    .where(and(eq(sales.active, true), gt(sales.endsAt, now)));
  return rows.map(saleOf);
}

/** Every category with its parent: pricing matches a product's category and its ancestors against sales. */
export async function categoryParents(
  db: Db,
): Promise<{ id: string; slug: string; parentId: string | null }[]> {
  return db
    .select({ id: categories.id, slug: categories.slug, parentId: categories.parentId })
    .from(categories);
}

/**
 * The ids among `productIds` and `categoryIds` that name nothing. Both lists travel as JSON (`json_each`), so up to
 * 500 of each fit one statement under D1's 100-parameter limit.
 */
export async function unknownSaleTargets(
  db: Db,
  productIds: readonly string[],
  categoryIds: readonly string[],
): Promise<{ productIds: string[]; categoryIds: string[] }> {
  const [foundProducts, foundCategories] = await db.batch([
    db
      .select({ id: products.id })
      .from(products)
      .where(sql`${products.id} IN (SELECT value FROM json_each(${JSON.stringify(productIds)}))`),
    db
      .select({ id: categories.id })
      .from(categories)
      .where(sql`${categories.id} IN (SELECT value FROM json_each(${JSON.stringify(categoryIds)}))`),
  ]);
  const p = new Set(foundProducts.map((r) => r.id));
  const c = new Set(foundCategories.map((r) => r.id));
  return {
    productIds: productIds.filter((id) => !p.has(id)),
    categoryIds: categoryIds.filter((id) => !c.has(id)),
  };
}

export const insertSaleStatement = (db: Db, row: SaleRow) => db.insert(sales).values(row);

export const updateSaleStatement = (db: Db, id: string, row: Partial<SaleRow>) =>
  db.update(sales).set(row).where(eq(sales.id, id));

export const deleteSaleStatement = (db: Db, id: string) => db.delete(sales).where(eq(sales.id, id));
