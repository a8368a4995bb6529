/**
 * Manual stock changes: the SKU's StockDO decides (it is the authority for on-hand and reserved, and refuses taking
 * away reserved units) and writes the ledger movement with the staff member and note (and the on-hand mirror)
 * before it answers; the audit entry follows. `setTo` (a stocktake) reads the level first and adjusts by the difference;
 * a sale between that read and the adjustment is kept, not overwritten, since the DO applies a delta.
 */

import type { Db } from '@db/client';
import { appendAudit } from '@db/repositories/audit';
import { findSkuOwners } from '@db/repositories/catalog-admin';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import type { StockAdjustmentInput } from '@domain/inventory/adjustment-input';
import { type StockSnapshot, stockStub } from '@durable-objects/stock';
import type { Env } from '@worker/env';
import { auditEntry } from '@worker/services/audit/audit';
import type { StaffPrincipal } from '@worker/services/identity/sessions';

export interface InventoryContext {
  db: Db;
  env: Pick<Env, 'STOCK'>;
  actor: Pick<StaffPrincipal, 'id' | 'email'>;
  now: number;
  requestId?: string;
  /** Derived from the Idempotency-Key when there is one: the StockDO applies a request id once. */
  adjustmentId?: string;
  /** Called when this change took the SKU to its low-stock threshold (callers email the administrators). */
  onLowStock?: (sku: string, available: number) => void;
}

export async function adjustStock(
  ctx: InventoryContext,
  sku: string,
  input: StockAdjustmentInput,
): Promise<Result<{ level: StockSnapshot; movementId: string | null }>> {
  if ((await findSkuOwners(ctx.db, [sku])).length === 0) return fail('NOT_FOUND', 'No variant has this SKU.');
  const stock = stockStub(ctx.env, sku);
  let delta = input.delta ?? 0;
  if (input.setTo !== undefined) {
    const current = await stock.getLevel({ sku });
    if (!current.ok) return current;
    delta = input.setTo - current.value.onHand;
    if (delta === 0) return ok({ level: current.value, movementId: null });
  }
  const movementId = newId('stockMovement', ctx.now);
  const adjusted = await stock.adjust({
    sku,
    delta,
    reason: input.reason,
    requestId: ctx.adjustmentId ?? movementId,
    staffId: ctx.actor.id,
    ...(input.note ? { note: input.note } : {}),
    movementId,
  });
  if (!adjusted.ok) return adjusted;
  if (adjusted.value.lowStockAlert) ctx.onLowStock?.(sku, adjusted.value.available);
  await appendAudit(
    ctx.db,
    auditEntry({
      actor: ctx.actor,
      action: 'inventory.adjust',
      entityType: 'sku',
      entityId: sku,
      before: { onHand: adjusted.value.onHand - delta },
      after: { onHand: adjusted.value.onHand, delta, reason: input.reason, note: input.note },
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  return ok({ level: adjusted.value, movementId });
}
