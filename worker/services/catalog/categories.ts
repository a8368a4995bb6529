/**
 * Back-office categories: a tree through parent_id. A category may not move under itself or its descendants, and is
 * deleted only once empty (no products of any status, no child categories): products must always have a category.
 */
import { appendAuditStatement } from '@db/repositories/audit';
import {
  type CategoryRow,
  categoryUsage,
  deleteCategoryStatement,
  findCategory,
  findCategoryIdBySlug,
  insertCategoryStatement,
  listAllCategories,
  updateCategoryStatement,
} from '@db/repositories/catalog-groups';
import { type CategoryInput, wouldCycle } from '@domain/catalog/group-input';
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
      entityType: 'category',
      entityId: id,
      before,
      after,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );

async function check(ctx: CatalogContext, input: CategoryInput, id: string | null): Promise<Result<true>> {
  const owner = await findCategoryIdBySlug(ctx.db, input.slug);
  if (owner && owner !== id) {
    return fieldFailure('CONFLICT', 'Another category already uses this slug.', [
      { path: 'slug', message: 'Already in use.' },
    ]);
  }
  if (input.parentId === null) return ok(true);
  const all = await listAllCategories(ctx.db);
  if (!all.some((c) => c.id === input.parentId)) {
    return fieldFailure('VALIDATION_FAILED', 'No category has this parent id.', [
      { path: 'parentId', message: 'No category has this id.' },
    ]);
  }
  if (id && wouldCycle(id, input.parentId, new Map(all.map((c) => [c.id, c.parentId])))) {
    return fieldFailure('CONFLICT', 'A category cannot sit under itself or one of its own subcategories.', [
      { path: 'parentId', message: 'This would make a loop.' },
    ]);
  }
  return ok(true);
}

export async function createCategory(
  ctx: CatalogContext,
  input: CategoryInput,
): Promise<Result<CategoryRow>> {
  const checked = await check(ctx, input, null);
  if (!checked.ok) return checked;
  const row = { id: newId('category', ctx.now), ...input };
  return runBatch(
    () =>
      ctx.db.batch([insertCategoryStatement(ctx.db, row), audit(ctx, 'category.create', row.id, null, row)]),
    () => row,
  );
}

export async function updateCategory(
  ctx: CatalogContext,
  id: string,
  input: CategoryInput,
): Promise<Result<CategoryRow>> {
  const before = await findCategory(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No category has this id.');
  const checked = await check(ctx, input, id);
  if (!checked.ok) return checked;
  const after = { ...before, ...input };
  return runBatch(
    () =>
      ctx.db.batch([
        updateCategoryStatement(ctx.db, id, input),
        audit(ctx, 'category.update', id, before, after),
      ]),
    () => after,
  );
}

export async function deleteCategory(ctx: CatalogContext, id: string): Promise<Result<true>> {
  const before = await findCategory(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No category has this id.');
  const usage = await categoryUsage(ctx.db, id);
  if (usage.products > 0 || usage.children > 0) {
    return fail(
      'CONFLICT',
      `This category still has ${usage.products} product(s) and ${usage.children} subcategory(ies); move them first.`,
      usage,
    );
  }
  await ctx.db.batch([deleteCategoryStatement(ctx.db, id), audit(ctx, 'category.delete', id, before, null)]);
  return ok(true);
}
