/** What every back-office content use case receives, and its audit entry (written in the same batch as the change). */
import type { Db } from '@db/client';
import { appendAuditStatement } from '@db/repositories/audit';
import { auditEntry } from '@worker/services/audit/audit';
import type { StaffPrincipal } from '@worker/services/identity/sessions';

export interface ContentContext {
  db: Db;
  actor: Pick<StaffPrincipal, 'id' | 'email'>;
  now: number;
  requestId?: string;
}

/** The audit statement for a content change. */
export const contentAudit = (
  ctx: ContentContext,
  action: string,
  entityType: string,
  entityId: string,
  before: unknown,
  after: unknown,
) =>
  appendAuditStatement(
    ctx.db,
    auditEntry({
      actor: ctx.actor,
      action,
      entityType,
      entityId,
      before,
      after,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
