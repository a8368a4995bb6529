/** Back-office collections: create, change, delete (their product entries go with them), and set their products. */
import { appendAuditStatement } from '@db/repositories/audit';
import { findProducts } from '@db/repositories/catalog-admin';
import {
  type CollectionRow,
  deleteCollectionStatement,
  findCollection,
  findCollectionIdBySlug,
  insertCollectionStatement,
  setCollectionProductsStatements,
  updateCollectionStatement,
} from '@db/repositories/catalog-groups';
import type { CollectionInput } from '@domain/catalog/group-input';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { auditEntry } from '@worker/services/audit/audit';
import { type CatalogContext, fieldFailure, runBatch } from './context';

const audit = (ctx: CatalogContext, action: string, id: string, before: unknown, after: unknown) =>
  appendAuditStatement(
    ctx.db,
    auditEntry({
      actor: ctx.actor,
      action,
      entityType: 'collection',
      entityId: id,
      before,
      after,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );

async function slugTaken(ctx: CatalogContext, slug: string, id: string | null) {
  const owner = await findCollectionIdBySlug(ctx.db, slug);
  return owner !== null && owner !== id;
}

const slugConflict = <T>() =>
  fieldFailure<T>('CONFLICT', 'Another collection already uses this slug.', [
    { path: 'slug', message: 'Already in use.' },
  ]);

export async function createCollection(
  ctx: CatalogContext,
  input: CollectionInput,
): Promise<Result<CollectionRow>> {
  if (await slugTaken(ctx, input.slug, null)) return slugConflict();
  const row = { id: newId('collection', ctx.now), ...input, createdAt: ctx.now, updatedAt: ctx.now };
  return runBatch(
    () =>
      ctx.db.batch([
        insertCollectionStatement(ctx.db, row),
        audit(ctx, 'collection.create', row.id, null, row),
      ]),
    () => row,
  );
}

export async function updateCollection(
  ctx: CatalogContext,
  id: string,
  input: CollectionInput,
): Promise<Result<CollectionRow>> {
  const before = await findCollection(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No collection has this id.');
  if (await slugTaken(ctx, input.slug, id)) return slugConflict();
  const after = { ...before, ...input, updatedAt: ctx.now };
  return runBatch(
    () =>
      ctx.db.batch([
        updateCollectionStatement(ctx.db, id, { ...input, updatedAt: ctx.now }),
        audit(ctx, 'collection.update', id, before, after),
      ]),
    () => after,
  );
}

export async function deleteCollection(ctx: CatalogContext, id: string): Promise<Result<true>> {
  const before = await findCollection(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No collection has this id.');
  await ctx.db.batch([
    deleteCollectionStatement(ctx.db, id),
    audit(ctx, 'collection.delete', id, before, null),
  ]);
  return ok(true);
}

/** Replaces the collection's products with `productIds`, in that order; every id must be a product. */
export async function setCollectionProducts(
  ctx: CatalogContext,
  id: string,
  productIds: string[],
): Promise<Result<string[]>> {
  const before = await findCollection(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No collection has this id.');
  const found = new Set((await findProducts(ctx.db, productIds)).map((p) => p.id));
  const missing = productIds.flatMap((p, i) =>
    found.has(p) ? [] : [{ path: `productIds.${i}`, message: 'No product has this id.' }],
  );
  if (missing.length) return fieldFailure('VALIDATION_FAILED', 'Some products do not exist.', missing);
  await ctx.db.batch([
    audit(ctx, 'collection.products', id, null, { productIds }),
    ...setCollectionProductsStatements(ctx.db, id, productIds),
  ]);
  return ok(productIds);
}
