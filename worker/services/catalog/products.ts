/**
 * Back-office product use cases: create and replace a product whole (product, option types, variants, stock rows,
 * collections and the audit entry in one D1 batch), and bulk actions. Slugs, SKUs, the category and collections are
 * checked before writing, so the caller gets every field error at once; a race is still caught by the UNIQUE
 * indexes (runBatch).
 */
import { appendAuditStatement } from '@db/repositories/audit';
import {
  findProductIdBySlug,
  findSkuOwners,
  getProductForEdit,
  type ProductForEdit,
  type ProductWrite,
  productWriteStatements,
  skusWithOrders,
} from '@db/repositories/catalog-admin';
import { existingCollectionIds, findCategory } from '@db/repositories/catalog-groups';
import type { productVariants } from '@db/schema';
import type { ProductInput } from '@domain/catalog/product-input';
import { facetColumns, optionKey } from '@domain/catalog/variant-options';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { auditEntry } from '@worker/services/audit/audit';
import { type CatalogContext, type FieldIssue, fieldFailure, runBatch } from './context';

/** The product as the API and the audit log show it. */
export function productView(p: ProductForEdit) {
  const { product } = p;
  return {
    id: product.id,
    name: product.name,
    slug: product.slug,
    description: product.description,
    status: product.status,
    categoryId: product.categoryId,
    brand: product.brand,
    taxCategory: product.taxCategory,
    collectionIds: p.collectionIds,
    tags: JSON.parse(product.tags) as string[],
    attributes: JSON.parse(product.attributes) as { name: string; value: string }[],
    seoTitle: product.seoTitle,
    seoDescription: product.seoDescription,
    options: p.options,
    variants: p.variants.map((v) => ({
      id: v.id,
      options: JSON.parse(v.options) as Record<string, string>,
      sku: v.sku,
      price: v.priceAmount,
      compareAt: v.compareAtAmount,
      currency: v.currency,
      barcode: v.barcode,
      weightGrams: v.weightGrams,
      onHand: v.onHand,
    })),
    images: p.images.map((i) => ({
      id: i.id,
      url: i.url,
      alt: i.alt,
      width: i.width,
      height: i.height,
      position: i.position,
    })),
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}
export type ProductView = ReturnType<typeof productView>;

/** Every reference and uniqueness problem of `input`, for the product `productId` (null when creating). */
async function checkReferences(ctx: CatalogContext, input: ProductInput, productId: string | null) {
  const conflicts: FieldIssue[] = [];
  const invalid: FieldIssue[] = [];
  const [slugOwner, skuOwners, category, collections] = await Promise.all([
    findProductIdBySlug(ctx.db, input.slug),
    findSkuOwners(
      ctx.db,
      input.variants.map((v) => v.sku),
    ),
    findCategory(ctx.db, input.categoryId),
    existingCollectionIds(ctx.db, input.collectionIds),
  ]);
  if (slugOwner && slugOwner !== productId) {
    conflicts.push({ path: 'slug', message: 'Another product already uses this slug.' });
  }
  const taken = new Map(skuOwners.map((o) => [o.sku, o.productId]));
  input.variants.forEach((v, i) => {
    const owner = taken.get(v.sku);
    if (owner && owner !== productId) {
      conflicts.push({ path: `variants.${i}.sku`, message: `SKU ${v.sku} belongs to another product.` });
    }
  });
  if (!category) invalid.push({ path: 'categoryId', message: 'No category has this id.' });
  input.collectionIds.forEach((id, i) => {
    if (!collections.has(id))
      invalid.push({ path: `collectionIds.${i}`, message: 'No collection has this id.' });
  });
  if (input.status === 'active' && input.variants.length === 0) {
    invalid.push({
      path: 'status',
      message: 'A product needs at least one variant before it can be active.',
    });
  }
  return { conflicts, invalid };
}

/** The variant's options under the product's own option names and value spellings ("size: m" → "Size: M"). */
function canonicalOptions(input: ProductInput, options: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const type of input.options) {
    const given = Object.entries(options).find(([k]) => optionKey(k) === optionKey(type.name))?.[1] ?? '';
    out[type.name] = type.values.find((v) => v.toLowerCase() === given.trim().toLowerCase()) ?? given;
  }
  return out;
}

type VariantInsert = typeof productVariants.$inferInsert;

/** Works out the write: which variants are kept (by id, else by SKU), added and removed. */
async function planWrite(
  ctx: CatalogContext,
  input: ProductInput,
  existing: ProductForEdit | null,
  productId: string,
): Promise<Result<ProductWrite>> {
  const old = existing?.variants ?? [];
  const byId = new Map(old.map((v) => [v.id, v]));
  const bySku = new Map(old.map((v) => [v.sku, v]));
  const kept = new Set<string>();
  const invalid: FieldIssue[] = [];
  const insertVariants: VariantInsert[] = [];
  const updateVariants: (VariantInsert & { id: string })[] = [];
  const renamed: { from: string; to: string; i: number }[] = [];
  input.variants.forEach((v, position) => {
    const match = v.id ? byId.get(v.id) : bySku.get(v.sku);
    if (v.id && !match) {
      invalid.push({ path: `variants.${position}.id`, message: 'This product has no variant with this id.' });
      return;
    }
    if (match && kept.has(match.id)) {
      invalid.push({ path: `variants.${position}.id`, message: 'Variant listed twice.' });
      return;
    }
    const options = canonicalOptions(input, v.options);
    const row = {
      id: match?.id ?? newId('variant', ctx.now),
      productId,
      sku: v.sku,
      options: JSON.stringify(options),
      ...facetColumns(options),
      barcode: v.barcode,
      priceAmount: v.price,
      compareAtAmount: v.compareAt,
      currency: ctx.currency,
      weightGrams: v.weightGrams,
      position,
    };
    if (match) {
      kept.add(match.id);
      if (match.sku !== v.sku) renamed.push({ from: match.sku, to: v.sku, i: position });
      updateVariants.push({ ...row, imageId: match.imageId });
    } else insertVariants.push(row);
  });
  const removed = old.filter((v) => !kept.has(v.id));
  const ordered = await skusWithOrders(ctx.db, [...removed.map((v) => v.sku), ...renamed.map((r) => r.from)]);
  for (const r of renamed) {
    const stock = bySku.get(r.from)?.onHand ?? 0;
    if (ordered.has(r.from) || stock > 0) {
      invalid.push({
        path: `variants.${r.i}.sku`,
        message: `SKU ${r.from} has stock or orders, so it cannot change; add a new variant instead.`,
      });
    }
  }
  if (invalid.length)
    return fieldFailure('VALIDATION_FAILED', invalid.map((e) => e.message).join(' '), invalid);
  const givenUp = [...removed.map((v) => v.sku), ...renamed.map((r) => r.from)];
  return ok({
    isNew: existing === null,
    product: {
      id: productId,
      slug: input.slug,
      name: input.name,
      description: input.description,
      categoryId: input.categoryId,
      status: input.status,
      brand: input.brand,
      taxCategory: input.taxCategory,
      tags: JSON.stringify(input.tags),
      attributes: JSON.stringify(input.attributes),
      seoTitle: input.seoTitle,
      seoDescription: input.seoDescription,
      createdAt: existing?.product.createdAt ?? ctx.now,
      updatedAt: ctx.now,
    },
    options: input.options,
    insertVariants,
    updateVariants,
    deleteVariantIds: removed.map((v) => v.id),
    dropStockSkus: givenUp.filter((sku) => !ordered.has(sku)),
    newStockSkus: [...insertVariants.map((v) => v.sku), ...renamed.map((r) => r.to)],
    collectionIds: input.collectionIds,
    now: ctx.now,
  });
}

async function saveProduct(
  ctx: CatalogContext,
  input: ProductInput,
  existing: ProductForEdit | null,
  productId: string,
): Promise<Result<ProductView>> {
  const refs = await checkReferences(ctx, input, existing ? productId : null);
  if (refs.conflicts.length) {
    return fieldFailure('CONFLICT', refs.conflicts.map((e) => e.message).join(' '), refs.conflicts);
  }
  if (refs.invalid.length) {
    return fieldFailure('VALIDATION_FAILED', refs.invalid.map((e) => e.message).join(' '), refs.invalid);
  }
  const plan = await planWrite(ctx, input, existing, productId);
  if (!plan.ok) return plan;
  const before = existing ? productView(existing) : null;
  const { db } = ctx;
  return runBatch(
    () =>
      db.batch([
        appendAuditStatement(
          db,
          auditEntry({
            actor: ctx.actor,
            action: existing ? 'product.update' : 'product.create',
            entityType: 'product',
            entityId: productId,
            before,
            after: { ...input, id: productId },
            requestId: ctx.requestId,
            now: ctx.now,
          }),
        ),
        ...productWriteStatements(db, plan.value),
      ]),
    async () => productView((await getProductForEdit(db, productId))!),
  );
}

/** Creates a product with its option types, variants (each with a stock row at 0) and collections. */
export function createProduct(ctx: CatalogContext, input: ProductInput): Promise<Result<ProductView>> {
  return saveProduct(ctx, input, null, newId('product', ctx.now));
}

/**
 * Replaces a product: variants given with their `id` (or an existing SKU) are kept and changed, new ones added,
 * missing ones removed. A variant's SKU may change only while it has no stock and no orders.
 */
export async function updateProduct(
  ctx: CatalogContext,
  productId: string,
  input: ProductInput,
): Promise<Result<ProductView>> {
  const existing = await getProductForEdit(ctx.db, productId);
  if (!existing) return fail('NOT_FOUND', 'No product has this id.');
  return saveProduct(ctx, input, existing, productId);
}

/** One product for the editor. */
export async function getProduct(ctx: Pick<CatalogContext, 'db'>, productId: string) {
  const found = await getProductForEdit(ctx.db, productId);
  return found ? ok(productView(found)) : fail<ProductView>('NOT_FOUND', 'No product has this id.');
}
