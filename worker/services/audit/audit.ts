/**
 * Audit entries for staff actions that change data: who (id and email at the time), what (`<area>.<verb>`), which
 * record, and JSON snapshots before and after. Callers put the entry in the same batch as the change, so there is
 * never a change without its entry or an entry without its change. Secrets never enter a snapshot.
 */
import type { AuditEntry } from '@db/repositories/audit';
import { newId } from '@domain/core/ids';
import type { StaffPrincipal } from '@worker/services/identity/sessions';

const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash', 'token', 'password']);

function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v) => (SECRET_FIELDS.has(key) ? undefined : v));
}

export interface AuditInput {
  actor: Pick<StaffPrincipal, 'id' | 'email'>;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string;
  now: number;
}

export function auditEntry(a: AuditInput): AuditEntry {
  return {
    id: newId('audit', a.now),
    staffId: a.actor.id,
    staffEmail: a.actor.email,
    action: a.action,
    entityType: a.entityType,
    entityId: a.entityId,
    before: snapshot(a.before),
    after: snapshot(a.after),
    requestId: a.requestId ?? null,
    at: a.now,
  };
}
