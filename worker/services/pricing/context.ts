/** What the back office's tax and shipping use cases receive, and their one audited write. */
import type { Db } from '@db/client';
import { appendAuditStatement } from '@db/repositories/audit';
import { auditEntry } from '@worker/services/audit/audit';
import type { StaffPrincipal } from '@worker/services/identity/sessions';

export interface PricingRulesContext {
  db: Db;
  actor: Pick<StaffPrincipal, 'id' | 'email'>;
  now: number;
  requestId?: string;
}

/** The audit statement for a change (batched with the write, so neither lands without the other). */
export function auditChange(
  ctx: PricingRulesContext,
  change: { action: string; entityType: string; entityId: string; before: unknown; after: unknown },
) {
  return appendAuditStatement(
    ctx.db,
    auditEntry({ actor: ctx.actor, ...change, requestId: ctx.requestId, now: ctx.now }),
  );
}
