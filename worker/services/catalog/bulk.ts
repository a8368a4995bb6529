/**
 * Bulk actions on up to 100 products: publish, archive, delete, set category, each product audited in the same batch.
 * Delete never removes a product that some order refers to (by SKU): it is archived instead and reported as such,
 * so order history, returns and reports keep their product.
 */
import { appendAuditStatement } from '@db/repositories/audit';
import {
  deleteProductStatements,
  findProducts,
  productLeftovers,
  productsWithOrders,
  setCategoryStatements,
  setStatusStatements,
} from '@db/repositories/catalog-admin';
import { findCategory } from '@db/repositories/catalog-groups';
import { fail, ok, type Result } from '@domain/core/result';
import { auditEntry } from '@worker/services/audit/audit';
import type { BatchItem } from 'drizzle-orm/batch';
import type { CatalogContext } from './context';

export const MAX_BULK_IDS = 100;
export const BULK_ACTIONS = ['publish', 'archive', 'delete', 'setCategory'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export interface BulkOutcome {
  /** Changed as asked (published, archived, deleted or moved). */
  done: string[];
  /** Asked to delete, but some order refers to them: archived instead. */
  archivedInstead: string[];
  /** Left as they were: publishing a product without variants. */
  skipped: { id: string; reason: string }[];
  notFound: string[];
}

export async function bulkProducts(
  ctx: CatalogContext,
  input: { action: BulkAction; ids: string[]; categoryId?: string },
): Promise<Result<BulkOutcome>> {
  const { db, now } = ctx;
  const ids = [...new Set(input.ids)];
  const found = await findProducts(db, ids);
  const byId = new Map(found.map((p) => [p.id, p]));
  const outcome: BulkOutcome = {
    done: [],
    archivedInstead: [],
    skipped: [],
    notFound: ids.filter((id) => !byId.has(id)),
  };
  const present = ids.filter((id) => byId.has(id));
  const audit = (id: string, action: string, after: unknown) =>
    appendAuditStatement(
      db,
      auditEntry({
        actor: ctx.actor,
        action,
        entityType: 'product',
        entityId: id,
        before: { status: byId.get(id)!.status, categoryId: byId.get(id)!.categoryId },
        after,
        requestId: ctx.requestId,
        now,
      }),
    );
  const statements: BatchItem<'sqlite'>[] = [];
  let storageKeys: string[] = [];
  if (input.action === 'setCategory') {
    if (!input.categoryId || !(await findCategory(db, input.categoryId))) {
      return fail('VALIDATION_FAILED', 'Choose an existing category.', {
        errors: [{ path: 'categoryId', message: 'No category has this id.' }],
      });
    }
    outcome.done = present;
    statements.push(
      ...setCategoryStatements(db, present, input.categoryId, now),
      ...present.map((id) => audit(id, 'product.category', { categoryId: input.categoryId })),
    );
  } else if (input.action === 'publish' || input.action === 'archive') {
    const status = input.action === 'publish' ? 'active' : 'archived';
    let targets = present;
    if (status === 'active') {
      const priced = new Set(found.filter((p) => p.priceMin !== null).map((p) => p.id));
      outcome.skipped = present
        .filter((id) => !priced.has(id))
        .map((id) => ({ id, reason: 'It has no variants yet.' }));
      targets = present.filter((id) => priced.has(id));
    }
    outcome.done = targets;
    statements.push(
      ...setStatusStatements(db, targets, status, now),
      ...targets.map((id) => audit(id, `product.${input.action}`, { status })),
    );
  } else {
    const ordered = await productsWithOrders(db, present);
    outcome.archivedInstead = present.filter((id) => ordered.has(id));
    outcome.done = present.filter((id) => !ordered.has(id));
    const leftovers = await productLeftovers(db, outcome.done);
    storageKeys = leftovers.storageKeys;
    statements.push(
      ...setStatusStatements(db, outcome.archivedInstead, 'archived', now),
      ...outcome.archivedInstead.map((id) => audit(id, 'product.archive', { status: 'archived' })),
      ...deleteProductStatements(db, outcome.done, leftovers.skus),
      ...outcome.done.map((id) => audit(id, 'product.delete', null)),
    );
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
  if (storageKeys.length && ctx.media) await ctx.media.delete(storageKeys);
  return ok(outcome);
}
