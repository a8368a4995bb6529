/**
 * Returns and their lines. A new return is three statements for one db.batch (one transaction), the later two
 * guarded by the return row the first one inserts:
 * 1. the return, only when no line of it asks for more units than may still be returned (shipped − units in
 *    returns that are requested, approved or received − units refunded with restocking, all summed now, inside the
 *    transaction), and no return of the order carries the same idempotency key; its number is the order's number
 *    and the count of its returns so far, also counted inside the transaction;
 * 2. its lines; 3. the timeline row.
 * D1 runs one batch at a time, so two requests for the same units cannot both pass the guard of step 1: the second
 * sees the first one's lines and inserts nothing. Staff steps (approve, reject, receive) are compare-and-set on the
 * return's status, with the timeline row and audit entry guarded by the same status, so a step happens once.
 */
import type { Db } from '@db/client';
import type { AuditEntry } from '@db/repositories/audit';
import { auditLog, orderEvents, orderLines, orders, returnLines, returns, storeSettings } from '@db/schema';
import { DEFAULT_RETURN_WINDOW_DAYS } from '@domain/orders/returns';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';

export type ReturnRow = typeof returns.$inferSelect;
export type ReturnLineRow = typeof returnLines.$inferSelect;

/** The store's return window in days (the default until the settings row exists). */
export async function findReturnWindowDays(db: Db): Promise<number> {
  const [row] = await db
    .select({ days: storeSettings.returnWindowDays })
    .from(storeSettings)
    .where(eq(storeSettings.id, 1));
  return row?.days ?? DEFAULT_RETURN_WINDOW_DAYS;
}

/** Statement: the return window, leaving the other settings as they are (or at their defaults). */
export function saveReturnWindowDaysStatement(db: Db, days: number, now: number) {
  return db
    .insert(storeSettings)
    .values({ id: 1, returnWindowDays: days, updatedAt: now })
    .onConflictDoUpdate({ target: storeSettings.id, set: { returnWindowDays: days, updatedAt: now } });
}

/** When the order was delivered (its last move to `delivered`, or a parcel's delivery) and last shipped. */
export async function findReturnTimes(db: Db, orderId: string) {
  const [row] = await db
    .select({
      deliveredAt: sql<number | null>`max(
        (SELECT max(e.created_at) FROM order_events e WHERE e.order_id = ${orderId} AND e.to_status = 'delivered'),
        (SELECT max(s.delivered_at) FROM shipments s WHERE s.order_id = ${orderId}))`,
      lastShippedAt: sql<
        number | null
      >`(SELECT max(s.shipped_at) FROM shipments s WHERE s.order_id = ${orderId})`,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return { deliveredAt: num(row?.deliveredAt), lastShippedAt: num(row?.lastShippedAt) };
}

/** SQL: units of order line `lineRef` in returns that hold units (requested, approved, received). */
const inReturnsSql = (lineRef: ReturnType<typeof sql>) => sql`(SELECT coalesce(sum(rl.quantity), 0)
  FROM return_lines rl JOIN returns r ON r.id = rl.return_id
  WHERE rl.order_line_id = ${lineRef} AND r.status IN ('requested', 'approved', 'received'))`;
/** SQL: units of order line `lineRef` shipped in any parcel. */
const shippedSql = (lineRef: ReturnType<typeof sql>) =>
  sql`(SELECT coalesce(sum(sl.quantity), 0) FROM shipment_lines sl WHERE sl.order_line_id = ${lineRef})`;
/** SQL: units of order line `lineRef` refunded with restocking (by refunds that did not fail). */
const refundedRestockedSql = (lineRef: ReturnType<typeof sql>) => sql`(SELECT coalesce(sum(fl.quantity), 0)
  FROM refund_lines fl JOIN refunds f ON f.id = fl.refund_id
  WHERE fl.line_id = ${lineRef} AND fl.restocked = 1 AND f.status <> 'failed')`;

/** The order's lines with what shipped, what is in returns and what was refunded with restocking. */
export async function findReturnableLines(db: Db, orderId: string) {
  const line = sql`"order_lines"."id"`;
  return db
    .select({
      id: orderLines.id,
      sku: orderLines.sku,
      productName: orderLines.productName,
      variantLabel: orderLines.variantLabel,
      quantity: orderLines.quantity,
      shipped: sql<number>`${shippedSql(line)}`.mapWith(Number),
      inReturns: sql<number>`${inReturnsSql(line)}`.mapWith(Number),
      refundedRestocked: sql<number>`${refundedRestockedSql(line)}`.mapWith(Number),
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.id));
}

/** A new return as the service decided it. */
export interface NewReturn {
  id: string;
  orderId: string;
  reasonSummary: string;
  customerNote: string | null;
  requestedBy: string | null;
  idempotencyKey: string | null;
  lines: { orderLineId: string; sku: string; quantity: number; reason: string; note: string | null }[];
  eventId: string;
  /** The timeline's actor: `customer:<id>` or `guest`. */
  actor: string;
  note: string;
  now: number;
}

const written = (returnId: string) => sql`EXISTS (SELECT 1 FROM returns x WHERE x.id = ${returnId})`;

/** The batch that writes `r` (see the module comment); the first statement returns the row when it was written. */
export function returnRequestStatements(db: Db, r: NewReturn) {
  const linesJson = JSON.stringify(r.lines);
  const asked = sql`json_extract(j.value, '$.orderLineId')`;
  return [
    db
      .insert(returns)
      .select(
        sql`SELECT ${r.id}, o.id, o.number || '-R' || ((SELECT count(*) FROM returns c WHERE c.order_id = o.id) + 1),
          'requested', ${r.reasonSummary}, ${r.customerNote}, NULL, ${r.requestedBy}, ${r.now}, NULL, NULL, NULL, NULL,
          ${r.idempotencyKey}
        FROM orders o
        WHERE o.id = ${r.orderId}
          AND NOT EXISTS (
            SELECT 1 FROM json_each(${linesJson}) j
            WHERE NOT EXISTS (SELECT 1 FROM order_lines ol WHERE ol.id = ${asked} AND ol.order_id = o.id)
              OR json_extract(j.value, '$.quantity') >
                ${shippedSql(asked)} - ${inReturnsSql(asked)} - ${refundedRestockedSql(asked)})
          AND NOT EXISTS (SELECT 1 FROM returns k WHERE k.order_id = o.id AND k.idempotency_key = ${r.idempotencyKey})`,
      )
      .returning({ id: returns.id, number: returns.number }),
    db.insert(returnLines).select(
      sql`SELECT ${r.id}, ${asked}, json_extract(j.value, '$.sku'), json_extract(j.value, '$.quantity'),
          json_extract(j.value, '$.reason'), json_extract(j.value, '$.note'), NULL, NULL, NULL
        FROM json_each(${linesJson}) j WHERE ${written(r.id)}`,
    ),
    db.insert(orderEvents).select(
      sql`SELECT ${r.eventId}, o.id, o.status, o.status, ${r.actor}, ${r.note}, ${r.now}
        FROM orders o WHERE o.id = ${r.orderId} AND ${written(r.id)}`,
    ),
  ] as const;
}

/** A staff step on a return: from one status to the next, with the timeline row and the audit entry. */
export interface ReturnStep {
  returnId: string;
  orderId: string;
  from: string;
  to: string;
  staffId: string;
  eventId: string;
  note: string;
  audit: AuditEntry;
  now: number;
}

const inStatus = (returnId: string, status: string) =>
  sql`EXISTS (SELECT 1 FROM returns x WHERE x.id = ${returnId} AND x.status = ${status})`;

function stepLogStatements(db: Db, s: ReturnStep) {
  const a = s.audit;
  return [
    db.insert(orderEvents).select(
      sql`SELECT ${s.eventId}, o.id, o.status, o.status, ${s.staffId}, ${s.note}, ${s.now}
        FROM orders o WHERE o.id = ${s.orderId} AND ${inStatus(s.returnId, s.from)}`,
    ),
    db.insert(auditLog).select(
      sql`SELECT ${a.id}, ${a.staffId}, ${a.staffEmail}, ${a.action}, ${a.entityType}, ${a.entityId}, ${a.before},
        ${a.after}, ${a.requestId}, ${a.at} WHERE ${inStatus(s.returnId, s.from)}`,
    ),
  ] as const;
}

/** Approve or reject: the log rows, then the status (compare-and-set); the last statement returns the row moved. */
export function returnDecisionStatements(db: Db, s: ReturnStep, reason: string | null) {
  return [
    ...stepLogStatements(db, s),
    db
      .update(returns)
      .set({ status: s.to, decidedBy: s.staffId, decidedAt: s.now, decisionReason: reason })
      .where(and(eq(returns.id, s.returnId), eq(returns.status, s.from)))
      .returning({ id: returns.id }),
  ] as const;
}

/** Receive: the log rows, what arrived per line, then the status; the last statement returns the row moved. */
export function returnReceiptStatements(
  db: Db,
  s: ReturnStep,
  lines: { orderLineId: string; restocked: number; damaged: number; missing: number }[],
) {
  const json = JSON.stringify(lines);
  const field = (name: string) =>
    sql`(SELECT json_extract(j.value, ${`$.${name}`}) FROM json_each(${json}) j
      WHERE json_extract(j.value, '$.orderLineId') = "return_lines"."order_line_id")`;
  return [
    ...stepLogStatements(db, s),
    db
      .update(returnLines)
      .set({ restocked: field('restocked'), damaged: field('damaged'), missing: field('missing') })
      .where(and(eq(returnLines.returnId, s.returnId), inStatus(s.returnId, s.from))),
    db
      .update(returns)
      .set({ status: s.to, receivedBy: s.staffId, receivedAt: s.now })
      .where(and(eq(returns.id, s.returnId), eq(returns.status, s.from)))
      .returning({ id: returns.id }),
  ] as const;
}

/** A return with its lines (and each line's product as ordered). */
export type ReturnWithLines = Omit<ReturnRow, 'idempotencyKey'> & {
  lines: (Omit<ReturnLineRow, 'returnId'> & { productName: string; variantLabel: string })[];
};

async function withLines(db: Db, rows: ReturnRow[]): Promise<ReturnWithLines[]> {
  if (rows.length === 0) return [];
  const lines = await db
    .select({
      returnId: returnLines.returnId,
      orderLineId: returnLines.orderLineId,
      sku: returnLines.sku,
      quantity: returnLines.quantity,
      reason: returnLines.reason,
      note: returnLines.note,
      restocked: returnLines.restocked,
      damaged: returnLines.damaged,
      missing: returnLines.missing,
      productName: orderLines.productName,
      variantLabel: orderLines.variantLabel,
    })
    .from(returnLines)
    .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
    .where(
      inArray(
        returnLines.returnId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(returnLines.orderLineId));
  return rows.map(({ idempotencyKey: _, ...r }) => ({
    ...r,
    lines: lines.filter((l) => l.returnId === r.id).map(({ returnId: __, ...l }) => l),
  }));
}

/** The order's returns, oldest first, each with its lines. */
export async function listOrderReturns(db: Db, orderId: string): Promise<ReturnWithLines[]> {
  const rows = await db
    .select()
    .from(returns)
    .where(eq(returns.orderId, orderId))
    .orderBy(asc(returns.requestedAt), asc(returns.id));
  return withLines(db, rows);
}

/** One return of the order, with its lines; null when the order has no such return. */
export async function findOrderReturn(db: Db, orderId: string, returnId: string) {
  const rows = await db
    .select()
    .from(returns)
    .where(and(eq(returns.orderId, orderId), eq(returns.id, returnId)));
  return (await withLines(db, rows))[0] ?? null;
}

/** The order's return made with `key`, if any (a replayed request). */
export async function findReturnByKey(db: Db, orderId: string, key: string) {
  const [row] = await db
    .select({ id: returns.id })
    .from(returns)
    .where(and(eq(returns.orderId, orderId), eq(returns.idempotencyKey, key)));
  return row?.id ?? null;
}

/** The order facts returns need (its number and who to email); null for an unknown order. */
export async function findReturnOrder(db: Db, orderId: string) {
  const [row] = await db
    .select({ id: orders.id, number: orders.number, email: orders.email, customerId: orders.customerId })
    .from(orders)
    .where(eq(orders.id, orderId));
  return row ?? null;
}

/** The id of the customer's order with this number; null when they have none (someone else's looks the same). */
export async function findCustomerOrderId(db: Db, customerId: string, number: string) {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.customerId, customerId), eq(orders.number, number)));
  return row?.id ?? null;
}
