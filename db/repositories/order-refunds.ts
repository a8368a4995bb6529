/**
 * Refunds and cancellations of orders. The rule that a refund never exceeds what was captured lives in SQL: the refund
 * row is inserted by INSERT … SELECT guarded by the order's status and by captured − (pending + succeeded refunds), so
 * of two refunds racing, the second sees the first's row and goes in only if the money is still there. Everything
 * else in the batch (timeline, audit, status) is guarded by that row existing, so it is written exactly when it is.
 */
import type { Db } from '@db/client';
import { bumpedVersion } from '@db/repositories/order-version';
import { auditLog, orderEvents, orderLines, orders, payments, refundLines, refunds } from '@db/schema';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AuditEntry } from './audit';

export type RefundRow = typeof refunds.$inferSelect;
type EventRow = typeof orderEvents.$inferSelect;

/** SQL: what is still refundable on `orderId` (captured minus refunds that are pending or succeeded). */
const refundableSql = (orderId: string) => sql`(
  (SELECT coalesce(sum(${payments.amount}), 0) FROM ${payments}
    WHERE ${payments.orderId} = ${orderId} AND ${payments.status} = 'captured')
  - (SELECT coalesce(sum(r.amount), 0) FROM refunds r WHERE r.order_id = ${orderId} AND r.status <> 'failed'))`;

/** The order's captured payment (the one refunds go back to) and the amounts a refund decides on. */
export async function findRefundState(db: Db, orderId: string) {
  const [order] = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      email: orders.email,
      currency: orders.currency,
      pricesIncludeTax: orders.pricesIncludeTax,
      refundable: sql<number>`${refundableSql(orderId)}`,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) return null;
  const captured = await db
    .select()
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.status, 'captured')));
  const capturedAmount = captured.reduce((sum, p) => sum + p.amount, 0);
  return {
    ...order,
    refundable: Number(order.refundable),
    captured: capturedAmount,
    payment: captured[0] ?? null,
  };
}

/**
 * True (in SQL) when some unit in `units` would be refunded twice: its line's units already refunded (by refunds that
 * did not fail) plus these exceed what was ordered. Checked inside the insert, so two refunds of the same unit racing
 * each other cannot both pass a check read before either was written.
 */
const overRefundsUnitsSql = (
  orderId: string,
  units: readonly { lineId: string; quantity: number }[],
) => sql`EXISTS (
  SELECT 1 FROM json_each(${JSON.stringify(units)}) u
  JOIN ${orderLines} ON ${orderLines.id} = json_extract(u.value, '$.lineId') AND ${orderLines.orderId} = ${orderId}
  WHERE json_extract(u.value, '$.quantity') + (
    SELECT coalesce(sum(rl.quantity), 0) FROM refund_lines rl JOIN refunds rf ON rf.id = rl.refund_id
    WHERE rl.line_id = ${orderLines.id} AND rf.status <> 'failed') > ${orderLines.quantity})`;

/**
 * Inserts the refund only while the order is in `whileStatus`, the money is still refundable and none of `units`
 * (the lines it refunds, if any) was refunded already.
 */
export function insertGuardedRefundStatement(
  db: Db,
  r: RefundRow,
  whileStatus: string,
  units: readonly { lineId: string; quantity: number }[] = [],
) {
  return db.insert(refunds).select(sql`
    SELECT ${r.id}, ${r.orderId}, ${r.paymentId}, ${r.amount}, ${r.currency}, ${r.reason}, ${r.providerRef},
      ${r.status}, ${r.createdAt}
    FROM ${orders} WHERE ${orders.id} = ${r.orderId} AND ${orders.status} = ${whileStatus}
      AND ${r.amount} <= ${refundableSql(r.orderId)}
      AND NOT ${overRefundsUnitsSql(r.orderId, units)}`);
}

/**
 * Which refund the statements after a guarded insert depend on: its id and the time this request wrote it. The time
 * tells this request's row from one a twin request (the same form sent twice, racing) wrote under the same id, so a
 * twin whose own insert was refused does not write a second timeline row or audit entry for the first one's refund.
 */
export type RefundKey = { id: string; createdAt: number };

const refundExists = (refund: RefundKey) =>
  sql`EXISTS (SELECT 1 FROM refunds x WHERE x.id = ${refund.id} AND x.created_at = ${refund.createdAt})`;

/** The timeline row, written only when the refund `refundId` went in. */
export function insertEventIfRefundStatement(db: Db, e: EventRow, refund: RefundKey) {
  return db.insert(orderEvents).select(sql`
    SELECT ${e.id}, ${e.orderId}, ${e.fromStatus}, ${e.toStatus}, ${e.actor}, ${e.note}, ${e.createdAt}
    WHERE ${refundExists(refund)}`);
}

/** The audit entry, written only when the refund `refundId` went in. */
export function insertAuditIfRefundStatement(db: Db, a: AuditEntry, refund: RefundKey) {
  return db.insert(auditLog).select(sql`
    SELECT ${a.id}, ${a.staffId}, ${a.staffEmail}, ${a.action}, ${a.entityType}, ${a.entityId}, ${a.before},
      ${a.after}, ${a.requestId}, ${a.at}
    WHERE ${refundExists(refund)}`);
}

/** Moves the order from `from` to `to` when the refund went in (compare-and-set on the status too). */
export function updateStatusIfRefundStatement(
  db: Db,
  orderId: string,
  from: string,
  to: string,
  refund: RefundKey,
  now: number,
) {
  return db
    .update(orders)
    .set({ status: to, updatedAt: now, version: bumpedVersion })
    .where(and(eq(orders.id, orderId), eq(orders.status, from), refundExists(refund)))
    .returning({ id: orders.id });
}

/** A refund by id, with its order's current status; null when there is none. */
export async function findRefund(db: Db, refundId: string) {
  const [row] = await db
    .select({ id: refunds.id, orderId: refunds.orderId, amount: refunds.amount, orderStatus: orders.status })
    .from(refunds)
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .where(eq(refunds.id, refundId));
  return row ?? null;
}

/** Whether the refund row exists (it went in). */
export async function refundExistsNow(db: Db, refund: RefundKey): Promise<boolean> {
  const [row] = await db
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.id, refund.id), eq(refunds.createdAt, refund.createdAt)));
  return Boolean(row);
}

/** Records the provider's answer to the refund request: its refund id, or that it refused (failed). */
export async function recordRefundRequest(
  db: Db,
  refundId: string,
  outcome: { providerRef: string } | { failed: true },
) {
  await db
    .update(refunds)
    .set('failed' in outcome ? { status: 'failed' } : { providerRef: outcome.providerRef })
    .where(and(eq(refunds.id, refundId), eq(refunds.status, 'pending')));
}

/**
 * The provider confirmed these refunds: pending → succeeded, with one timeline row each ("system"). Only pending rows
 * move, so a replayed webhook confirms nothing twice. Returns how many moved.
 */
export async function confirmProviderRefunds(db: Db, providerRefs: string[], now: number): Promise<number> {
  if (providerRefs.length === 0) return 0;
  const refs = providerRefs.slice(0, 50);
  const [, moved] = await db.batch([
    db.insert(orderEvents).select(sql`
      SELECT r.id || ':confirmed', r.order_id, o.status, o.status, 'system',
        'Refund ' || r.id || ' confirmed by the payment provider', ${now}
      FROM refunds r JOIN ${orders} o ON o.id = r.order_id
      WHERE r.provider_ref IN (${sql.join(
        refs.map((r) => sql`${r}`),
        sql`, `,
      )}) AND r.status = 'pending'`),
    db
      .update(refunds)
      .set({ status: 'succeeded' })
      .where(and(inArray(refunds.providerRef, refs), eq(refunds.status, 'pending')))
      .returning({ id: refunds.id }),
  ]);
  return moved.length;
}

/** Units of each line of the order already refunded by refunds that did not fail. */
export async function refundedUnitsOf(db: Db, orderId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ lineId: refundLines.lineId, quantity: sql<number>`sum(${refundLines.quantity})` })
    .from(refundLines)
    .innerJoin(refunds, eq(refunds.id, refundLines.refundId))
    .where(and(eq(refunds.orderId, orderId), sql`${refunds.status} <> 'failed'`))
    .groupBy(refundLines.lineId);
  return Object.fromEntries(rows.map((r) => [r.lineId, Number(r.quantity)]));
}

/** The refund's line, written only when the refund went in (one statement per line keeps within 100 parameters). */
export function insertRefundLineIfRefundStatement(
  db: Db,
  refund: RefundKey,
  row: { lineId: string; quantity: number; restocked: boolean },
) {
  return db.insert(refundLines).select(sql`
    SELECT ${refund.id}, ${row.lineId}, ${row.quantity}, ${row.restocked ? 1 : 0}
    WHERE ${refundExists(refund)}`);
}
