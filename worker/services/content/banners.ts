/**
 * Back-office banners: create, change, delete. Each write goes in one batch with its audit entry and its schedule
 * marks (so cached pages change at the banner's start and end); the banners table's triggers bump the catalog version.
 */
import {
  type BannerRow,
  deleteBannerStatement,
  findBanner,
  insertBannerStatement,
  updateBannerStatement,
} from '@db/repositories/banners';
import { findCategory } from '@db/repositories/catalog-groups';
import { clearScheduleMarks, scheduleMarksFor } from '@db/repositories/schedule-marks';
import { type BannerInput, scheduleBoundaries } from '@domain/content/banners';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { fieldFailure } from '@worker/services/catalog/context';
import { type ContentContext, contentAudit } from './context';

async function categoryMissing(ctx: ContentContext, input: BannerInput): Promise<boolean> {
  return input.categoryId !== null && !(await findCategory(ctx.db, input.categoryId));
}

const noSuchCategory = <T>() =>
  fieldFailure<T>('VALIDATION_FAILED', 'No category has this id.', [
    { path: 'categoryId', message: 'Choose an existing category.' },
  ]);

export async function createBanner(ctx: ContentContext, input: BannerInput): Promise<Result<BannerRow>> {
  if (await categoryMissing(ctx, input)) return noSuchCategory();
  const row: BannerRow = { id: newId('banner', ctx.now), ...input, createdAt: ctx.now, updatedAt: ctx.now };
  await ctx.db.batch([
    insertBannerStatement(ctx.db, row),
    ...scheduleMarksFor(ctx.db, row.id, scheduleBoundaries(row), ctx.now),
    contentAudit(ctx, 'banner.create', 'banner', row.id, null, row),
  ]);
  return ok(row);
}

export async function updateBanner(
  ctx: ContentContext,
  id: string,
  input: BannerInput,
): Promise<Result<BannerRow>> {
  const before = await findBanner(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No banner has this id.');
  if (await categoryMissing(ctx, input)) return noSuchCategory();
  const after: BannerRow = { ...before, ...input, updatedAt: ctx.now };
  await ctx.db.batch([
    updateBannerStatement(ctx.db, id, { ...input, updatedAt: ctx.now }),
    ...scheduleMarksFor(ctx.db, id, scheduleBoundaries(after), ctx.now),
    contentAudit(ctx, 'banner.update', 'banner', id, before, after),
  ]);
  return ok(after);
}

export async function deleteBanner(ctx: ContentContext, id: string): Promise<Result<true>> {
  const before = await findBanner(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No banner has this id.');
  await ctx.db.batch([
    deleteBannerStatement(ctx.db, id),
    ...clearScheduleMarks(ctx.db, id, ctx.now),
    contentAudit(ctx, 'banner.delete', 'banner', id, before, null),
  ]);
  return ok(true);
}
