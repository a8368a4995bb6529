/** What the back office's order use cases receive: the database, the acting staff member, the clock, the request. */
import type { Db } from '@db/client';
import type { OrderEventRow } from '@db/repositories/admin-orders';
import { newId } from '@domain/core/ids';
import type { Env } from '@worker/env';
import { auditEntry } from '@worker/services/audit/audit';
import type { StaffPrincipal } from '@worker/services/identity/sessions';

export interface OrdersContext {
  env: Env;
  db: Db;
  actor: Pick<StaffPrincipal, 'id' | 'email'>;
  now: number;
  requestId?: string;
  /** The shop's origin, for the links in emails. */
  origin: string;
}

/** A timeline row by the acting staff member (`actor` is their id; the order page shows their name). */
export function staffEvent(
  ctx: OrdersContext,
  orderId: string,
  from: string,
  to: string,
  note: string | null,
): OrderEventRow {
  return {
    id: newId('event', ctx.now),
    orderId,
    fromStatus: from,
    toStatus: to,
    actor: ctx.actor.id,
    note,
    createdAt: ctx.now,
  };
}

/** The audit entry of a change to an order. */
export function orderAudit(
  ctx: OrdersContext,
  action: string,
  orderId: string,
  before: unknown,
  after: unknown,
) {
  return auditEntry({
    actor: ctx.actor,
    action,
    entityType: 'order',
    entityId: orderId,
    before,
    after,
    requestId: ctx.requestId,
    now: ctx.now,
  });
}
