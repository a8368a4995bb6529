/** Where each SKU sits in the warehouse: staff with inventory:write set a variant's bin (audited, `inventory.bin`). */
import type { Db } from '@db/client';
import { findBins, setBin } from '@db/repositories/bins';
import { fail, ok, type Result } from '@domain/core/result';
import { BinLocationSchema } from '@domain/fulfilment/bins';
import { auditEntry } from '@worker/services/audit/audit';
import type { StaffPrincipal } from '@worker/services/identity/sessions';

export interface BinContext {
  db: Db;
  actor: Pick<StaffPrincipal, 'id' | 'email'>;
  now: number;
  requestId?: string;
}

/** The bins of `skus` (absent: no stock row). */
export const binsOf = (db: Db, skus: readonly string[]) => findBins(db, skus);

/**
 * Sets the SKU's bin from what staff typed: trimmed; empty clears it. VALIDATION_FAILED for a bin outside the rule
 * (domain/fulfilment/bins.ts), NOT_FOUND for a SKU without stock.
 */
export async function setBinLocation(
  ctx: BinContext,
  sku: string,
  raw: string | null,
): Promise<Result<{ sku: string; binLocation: string | null }>> {
  const parsed = BinLocationSchema.nullable().safeParse(raw);
  if (!parsed.success)
    return fail('VALIDATION_FAILED', parsed.error.issues[0]?.message ?? 'Check the bin location.', {
      errors: [{ path: 'binLocation', message: parsed.error.issues[0]?.message ?? 'invalid' }],
    });
  const bin = parsed.data;
  const before = (await findBins(ctx.db, [sku])).get(sku);
  if (before === undefined) return fail('NOT_FOUND', 'No stock is kept for this SKU.');
  const audit = auditEntry({
    actor: ctx.actor,
    action: 'inventory.bin',
    entityType: 'sku',
    entityId: sku,
    before: { binLocation: before },
    after: { binLocation: bin },
    requestId: ctx.requestId,
    now: ctx.now,
  });
  if (!(await setBin(ctx.db, sku, bin, audit))) return fail('NOT_FOUND', 'No stock is kept for this SKU.');
  return ok({ sku, binLocation: bin });
}
