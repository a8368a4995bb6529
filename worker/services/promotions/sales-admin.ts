/**
 * Back-office catalog sales: create, change (a deactivation is a change) and delete. A sale that would cover a product
 * or category another active sale covers at the same time is refused (409), so nothing sits under two sales by
 * mistake. Each write goes in one batch with its audit entry and its schedule marks, so cached pages change at the
 * sale's start and end; the table's triggers bump the catalog version for the write itself.
 */
import { appendAuditStatement } from '@db/repositories/audit';
import {
  activeSalesFrom,
  deleteSaleStatement,
  findSale,
  insertSaleStatement,
  type SaleRow,
  saleOf,
  unknownSaleTargets,
  updateSaleStatement,
} from '@db/repositories/sales';
import { clearScheduleMarks, scheduleMarksFor } from '@db/repositories/schedule-marks';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { overlappingSale, SaleInput, type SalePatch } from '@domain/pricing/promotions/sale-price';
import { auditEntry } from '@worker/services/audit/audit';
import { fieldFailure } from '@worker/services/catalog/context';
import type { PromotionsContext } from './admin';

const audit = (ctx: PromotionsContext, action: string, id: string, before: unknown, after: unknown) =>
  appendAuditStatement(
    ctx.db,
    auditEntry({
      actor: ctx.actor,
      action,
      entityType: 'sale',
      entityId: id,
      before,
      after,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );

/** An active sale's start and end are the moments shop pages must change; an inactive one has none. */
const marksOf = (ctx: PromotionsContext, row: SaleRow) =>
  scheduleMarksFor(ctx.db, row.id, row.active ? [row.startsAt, row.endsAt] : [], ctx.now);

/** Refuses targets that name nothing (400 with the field) and overlaps with another active sale (409). */
async function checkSale(ctx: PromotionsContext, sale: SaleInput, id: string | null): Promise<Result<true>> {
  const unknown = await unknownSaleTargets(ctx.db, sale.productIds, sale.categoryIds);
  const issues = [
    ...(unknown.productIds.length
      ? [{ path: 'productIds', message: `No product has the id ${unknown.productIds.join(', ')}.` }]
      : []),
    ...(unknown.categoryIds.length
      ? [{ path: 'categoryIds', message: `No category has the id ${unknown.categoryIds.join(', ')}.` }]
      : []),
  ];
  if (issues.length)
    return fieldFailure('VALIDATION_FAILED', 'Some products or categories do not exist.', issues);
  if (!sale.active) return ok(true);
  // Only sales still running when this one starts can overlap it.
  const clash = overlappingSale(
    { ...sale, id: id ?? undefined },
    await activeSalesFrom(ctx.db, sale.startsAt),
  );
  if (!clash) return ok(true);
  const detail = `This sale overlaps "${clash.name}", which covers some of the same products or categories at the same time.`;
  return fail('CONFLICT', detail, {
    saleId: clash.id,
    errors: [
      { path: 'startsAt', message: `Overlaps "${clash.name}": change the dates, products or categories.` },
    ],
  });
}

/** The fields a sale row takes from its input. */
const fieldsOf = (s: SaleInput) => ({
  name: s.name,
  basisPoints: s.basisPoints,
  productIds: [...new Set(s.productIds)],
  categoryIds: [...new Set(s.categoryIds)],
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  active: s.active,
});

export async function createSale(ctx: PromotionsContext, input: SaleInput): Promise<Result<SaleRow>> {
  const checked = await checkSale(ctx, input, null);
  if (!checked.ok) return checked;
  const row: SaleRow = {
    id: newId('sale', ctx.now),
    ...fieldsOf(input),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.db.batch([
    insertSaleStatement(ctx.db, row),
    ...marksOf(ctx, row),
    audit(ctx, 'sale.create', row.id, null, row),
  ]);
  return ok(row);
}

/**
 * Changes the fields `patch` names; the stored sale with the patch applied must be a valid sale as a whole (400 with
 * the fields otherwise: an end before the stored start, say). Deactivating is `{ active: false }`.
 */
export async function updateSale(
  ctx: PromotionsContext,
  id: string,
  patch: SalePatch,
): Promise<Result<SaleRow>> {
  const before = await findSale(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No sale has this id.');
  const { id: _, ...stored } = saleOf(before);
  const merged = SaleInput.safeParse({ ...stored, ...patch });
  if (!merged.success) {
    return fieldFailure(
      'VALIDATION_FAILED',
      merged.error.issues[0]?.message ?? 'The sale is not valid.',
      merged.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const checked = await checkSale(ctx, merged.data, id);
  if (!checked.ok) return checked;
  const after: SaleRow = { ...before, ...fieldsOf(merged.data), updatedAt: ctx.now };
  await ctx.db.batch([
    updateSaleStatement(ctx.db, id, { ...fieldsOf(merged.data), updatedAt: ctx.now }),
    ...marksOf(ctx, after),
    audit(ctx, 'sale.update', id, before, after),
  ]);
  return ok(after);
}

export async function deleteSale(ctx: PromotionsContext, id: string): Promise<Result<true>> {
  const before = await findSale(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No sale has this id.');
  await ctx.db.batch([
    deleteSaleStatement(ctx.db, id),
    ...clearScheduleMarks(ctx.db, id, ctx.now),
    audit(ctx, 'sale.delete', id, before, null),
  ]);
  return ok(true);
}
