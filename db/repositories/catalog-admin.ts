/**
 * The back office's product reads and writes: the admin list (every status, FTS or SKU search), one product whole
 * for the editor, and the statements of a product write, which the service runs in one batch with its audit entry.
 */
import type { Db } from '@db/client';
import {
  categories,
  inventoryLevels,
  orderLines,
  productCollections,
  productImages,
  productOptions,
  products,
  productVariants,
} from '@db/schema';
import { ftsMatchExpression } from '@domain/catalog/search-query';
import type { ProductStatus } from '@domain/catalog/statuses';
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { productSearch } from './product-search';

const MAX_PARAMS = 90;

/** Splits `items` so no statement binds more than D1's 100 parameters. */
export function chunks<T>(items: readonly T[], size = MAX_PARAMS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface AdminProductFilter {
  q?: string;
  status?: ProductStatus;
  categoryId?: string;
  limit: number;
  offset: number;
}

/** One row of the admin product list. */
export interface AdminProductRow {
  id: string;
  name: string;
  slug: string;
  status: ProductStatus;
  categoryId: string;
  categoryName: string | null;
  priceMin: number | null;
  inStock: boolean;
  variantCount: number;
  imageUrl: string | null;
  updatedAt: number;
}

const variantCount = sql<number>`(select count(*) from ${productVariants} where ${productVariants.productId} = ${products.id})`;
const imageUrl = sql<
  string | null
>`(select ${productImages.url} from ${productImages} where ${productImages.productId} = ${products.id} order by ${productImages.position} limit 1)`;

/**
 * Products of every status, most recently changed first. `q` matches words through the FTS index (drafts are in it
 * too) or a variant's exact SKU, or the exact slug.
 */
export async function listAdminProducts(
  db: Db,
  f: AdminProductFilter,
): Promise<{ items: AdminProductRow[]; total: number }> {
  const where: SQL[] = [];
  if (f.status) where.push(eq(products.status, f.status));
  if (f.categoryId) where.push(eq(products.categoryId, f.categoryId));
  const q = f.q?.trim();
  if (q) {
    const match = ftsMatchExpression(q);
    const bySku = sql`${products.id} in (select ${productVariants.productId} from ${productVariants} where ${productVariants.sku} = ${q})`;
    const bySlug = sql`${products.slug} = ${q.toLowerCase()}`;
    where.push(
      match === null
        ? sql`(${bySku} or ${bySlug})`
        : sql`(${products}.rowid in (select rowid from ${productSearch} where ${productSearch} match ${match}) or ${bySku} or ${bySlug})`,
    );
  }
  const condition = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: products.id,
        name: products.name,
        slug: products.slug,
        status: products.status,
        categoryId: products.categoryId,
        categoryName: categories.name,
        priceMin: products.priceMin,
        inStock: products.inStock,
        variantCount,
        imageUrl,
        updatedAt: products.updatedAt,
      })
      .from(products)
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .where(condition)
      .orderBy(desc(products.updatedAt), desc(products.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(products).where(condition),
  ]);
  return {
    items: rows.map((r) => ({ ...r, variantCount: Number(r.variantCount) })),
    total: total?.n ?? 0,
  };
}

export type ProductRow = typeof products.$inferSelect;
export type VariantRow = typeof productVariants.$inferSelect;
export type ImageRow = typeof productImages.$inferSelect;

/** A product as the editor needs it: every field, option types, variants with on-hand, images, collections. */
export interface ProductForEdit {
  product: ProductRow;
  options: { name: string; values: string[] }[];
  variants: (VariantRow & { onHand: number | null })[];
  images: ImageRow[];
  collectionIds: string[];
}

/** The product with this id for editing, or null. */
export async function getProductForEdit(db: Db, id: string): Promise<ProductForEdit | null> {
  const [product] = await db.select().from(products).where(eq(products.id, id)).limit(1);
  if (!product) return null;
  const [options, variants, images, collections] = await Promise.all([
    db
      .select()
      .from(productOptions)
      .where(eq(productOptions.productId, id))
      .orderBy(asc(productOptions.position)),
    db
      .select({ variant: productVariants, onHand: inventoryLevels.onHand })
      .from(productVariants)
      .leftJoin(inventoryLevels, eq(inventoryLevels.sku, productVariants.sku))
      .where(eq(productVariants.productId, id))
      .orderBy(asc(productVariants.position)),
    db
      .select()
      .from(productImages)
      .where(eq(productImages.productId, id))
      .orderBy(asc(productImages.position)),
    db
      .select({ id: productCollections.collectionId })
      .from(productCollections)
      .where(eq(productCollections.productId, id)),
  ]);
  return {
    product,
    options: options.map((o) => ({ name: o.name, values: JSON.parse(o.values) as string[] })),
    variants: variants.map((r) => ({ ...r.variant, onHand: r.onHand })),
    images,
    collectionIds: collections.map((c) => c.id),
  };
}

/** The id of the product using `slug`, or null. */
export async function findProductIdBySlug(db: Db, slug: string): Promise<string | null> {
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.slug, slug)).limit(1);
  return row?.id ?? null;
}

/** Which of `skus` exist, and on which product. */
export async function findSkuOwners(
  db: Db,
  skus: readonly string[],
): Promise<{ sku: string; productId: string }[]> {
  const found = await Promise.all(
    chunks(skus).map((part) =>
      db
        .select({ sku: productVariants.sku, productId: productVariants.productId })
        .from(productVariants)
        .where(inArray(productVariants.sku, part)),
    ),
  );
  return found.flat();
}

/** Which of `ids` exist as products (with their status), for bulk actions. */
export async function findProducts(db: Db, ids: readonly string[]): Promise<ProductRow[]> {
  const found = await Promise.all(
    chunks(ids).map((part) => db.select().from(products).where(inArray(products.id, part))),
  );
  return found.flat();
}

/** Of `productIds`, those with a SKU that some order line refers to (they are archived, never deleted). */
export async function productsWithOrders(db: Db, productIds: readonly string[]): Promise<Set<string>> {
  const found = await Promise.all(
    chunks(productIds).map((part) =>
      db
        .selectDistinct({ id: productVariants.productId })
        .from(productVariants)
        .where(
          and(
            inArray(productVariants.productId, part),
            sql`exists (select 1 from ${orderLines} where ${orderLines.sku} = ${productVariants.sku})`,
          ),
        ),
    ),
  );
  return new Set(found.flat().map((r) => r.id));
}

/** SKUs and images of `productIds` (what deleting them leaves behind: stock rows, R2 objects). */
export async function productLeftovers(
  db: Db,
  productIds: readonly string[],
): Promise<{ skus: string[]; storageKeys: string[] }> {
  const parts = await Promise.all(
    chunks(productIds).map(async (part) => {
      const [v, i] = await Promise.all([
        db
          .select({ sku: productVariants.sku })
          .from(productVariants)
          .where(inArray(productVariants.productId, part)),
        db
          .select({ key: productImages.storageKey })
          .from(productImages)
          .where(inArray(productImages.productId, part)),
      ]);
      return { skus: v.map((r) => r.sku), keys: i.flatMap((r) => (r.key ? [r.key] : [])) };
    }),
  );
  return { skus: parts.flatMap((p) => p.skus), storageKeys: parts.flatMap((p) => p.keys) };
}

/** What a product write changes, worked out by the service. */
export interface ProductWrite {
  product: typeof products.$inferInsert;
  /** True for a new product (insert), false for a replacement (update). */
  isNew: boolean;
  options: { name: string; values: string[] }[];
  insertVariants: (typeof productVariants.$inferInsert)[];
  updateVariants: (typeof productVariants.$inferInsert & { id: string })[];
  deleteVariantIds: string[];
  /** SKUs given up by deleted or renamed variants whose stock row should go (never ones some order refers to). */
  dropStockSkus: string[];
  /** SKUs that need a stock row (new variants, renamed ones): created with on hand 0. */
  newStockSkus: string[];
  collectionIds: string[];
  now: number;
}

/**
 * The statements of a product write, in an order that never trips a constraint half way: deletes before inserts (a
 * new variant may take over a deleted one's SKU), new variants' stock rows (on hand 0) after the variants.
 */
export function productWriteStatements(db: Db, w: ProductWrite) {
  const id = w.product.id;
  const { id: _, createdAt: __, ...changes } = w.product;
  return [
    w.isNew
      ? db.insert(products).values(w.product)
      : db.update(products).set(changes).where(eq(products.id, id)),
    db.delete(productOptions).where(eq(productOptions.productId, id)),
    ...w.options.map((o, position) =>
      db
        .insert(productOptions)
        .values({ productId: id, position, name: o.name, values: JSON.stringify(o.values) }),
    ),
    ...chunks(w.deleteVariantIds).map((part) =>
      db.delete(productVariants).where(inArray(productVariants.id, part)),
    ),
    ...chunks(w.dropStockSkus).map((part) =>
      db.delete(inventoryLevels).where(inArray(inventoryLevels.sku, part)),
    ),
    ...w.updateVariants.map(({ id: variantId, ...v }) =>
      db.update(productVariants).set(v).where(eq(productVariants.id, variantId)),
    ),
    ...w.insertVariants.map((v) => db.insert(productVariants).values(v)),
    ...w.newStockSkus.map((sku) =>
      db.insert(inventoryLevels).values({ sku, onHand: 0, updatedAt: w.now }).onConflictDoNothing(),
    ),
    db.delete(productCollections).where(eq(productCollections.productId, id)),
    ...w.collectionIds.map((collectionId, position) =>
      db.insert(productCollections).values({ collectionId, productId: id, position }),
    ),
  ];
}

/** Statements setting `status` (and the change time) on `ids`. */
export const setStatusStatements = (db: Db, ids: readonly string[], status: ProductStatus, now: number) =>
  chunks(ids).map((part) =>
    db.update(products).set({ status, updatedAt: now }).where(inArray(products.id, part)),
  );

/** Statements moving `ids` into a category. */
export const setCategoryStatements = (db: Db, ids: readonly string[], categoryId: string, now: number) =>
  chunks(ids).map((part) =>
    db.update(products).set({ categoryId, updatedAt: now }).where(inArray(products.id, part)),
  );

/** Statements deleting `ids` (variants, options, images, reviews and collection entries cascade) and their stock rows. */
export const deleteProductStatements = (db: Db, ids: readonly string[], skus: readonly string[]) => [
  ...chunks(skus).map((part) => db.delete(inventoryLevels).where(inArray(inventoryLevels.sku, part))),
  ...chunks(ids).map((part) => db.delete(products).where(inArray(products.id, part))),
];

/** The SKUs of `skus` that some order line refers to. */
export async function skusWithOrders(db: Db, skus: readonly string[]): Promise<Set<string>> {
  const found = await Promise.all(
    chunks(skus).map((part) =>
      db.selectDistinct({ sku: orderLines.sku }).from(orderLines).where(inArray(orderLines.sku, part)),
    ),
  );
  return new Set(found.flat().map((r) => r.sku));
}
