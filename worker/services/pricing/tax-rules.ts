/** Back office: the store's tax settings and rates. Every change is audited in the same batch as the write. */
import {
  deleteTaxRate,
  findTaxRate,
  findTaxRateFor,
  getTaxSettings,
  saveTaxSettings,
  type TaxRateRow,
  upsertTaxRate,
} from '@db/repositories/tax-shipping';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import type { TaxRateInput, TaxSettingsInput } from '@domain/pricing/rules-input';
import { auditChange, type PricingRulesContext } from './context';

export async function updateTaxSettings(
  ctx: PricingRulesContext,
  input: TaxSettingsInput,
): Promise<Result<TaxSettingsInput>> {
  const before = await getTaxSettings(ctx.db);
  await ctx.db.batch([
    saveTaxSettings(ctx.db, input, ctx.now),
    auditChange(ctx, {
      action: 'tax.settings',
      entityType: 'store_settings',
      entityId: '1',
      before,
      after: input,
    }),
  ]);
  return ok(input);
}

/** Sets the rate of a zone × category: changes the existing rate in place, or adds one. */
export async function setTaxRate(ctx: PricingRulesContext, input: TaxRateInput): Promise<Result<TaxRateRow>> {
  const before = await findTaxRateFor(ctx.db, input);
  const row: TaxRateRow = { id: before?.id ?? newId('taxRate', ctx.now), ...input, updatedAt: ctx.now };
  await ctx.db.batch([
    upsertTaxRate(ctx.db, row),
    auditChange(ctx, {
      action: before ? 'tax.rate.update' : 'tax.rate.create',
      entityType: 'tax_rate',
      entityId: row.id,
      before,
      after: row,
    }),
  ]);
  return ok(row);
}

export async function removeTaxRate(ctx: PricingRulesContext, id: string): Promise<Result<TaxRateRow>> {
  const before = await findTaxRate(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No tax rate has this id.');
  await ctx.db.batch([
    deleteTaxRate(ctx.db, id),
    auditChange(ctx, {
      action: 'tax.rate.delete',
      entityType: 'tax_rate',
      entityId: id,
      before,
      after: null,
    }),
  ]);
  return ok(before);
}
