/**
 * The back office's orders: the filtered list (keyset pages, newest first), one order with everything that happened
 * to it, and the statements of staff writes, each guarded by the order's status so a stale or concurrent writer
 * changes nothing (the service batches them; see worker/services/orders/).
 *
 * Indexes (EXPLAIN QUERY PLAN on 100,000 orders in admin-orders.test.ts):
 * - no filter / dates: `orders_placed_idx` walked backwards, stopping after one page;
 * - status (or fulfilment): `orders_status_placed_idx`, one range per status, merged by a small sort;
 * - q: a union of four index lookups — `orders.number` (unique), `orders_email_idx` (prefix range on the stored
 *   lower-case email), `orders_ship_name_idx` (prefix range on the lower-cased name of the shipping address) and
 *   `order_lines_sku_idx` (exact SKU) — then a sort of the few matches;
 * - payment: a correlated probe of `payments_order_idx` per order visited;
 * - needs attention (attention=…): statuses and a placed_at bound as above, or for failed refunds the orders of
 *   `refunds` rows with no provider id (a refused refund never gets one) through `refunds_provider_ref_idx`.
 */
import type { Db } from '@db/client';
import { type AuditEntry, appendAuditStatement } from '@db/repositories/audit';
import { bumpedVersion } from '@db/repositories/order-version';
import {
  auditLog,
  checkouts,
  orderEvents,
  orderLines,
  orders,
  payments,
  refunds,
  shipments,
  staffUsers,
} from '@db/schema';
import { ATTENTION_REASONS, type AttentionReason, SHIP_WITHIN_MS } from '@domain/orders/needs-attention';
import type { OrderListFilter } from '@domain/orders/order-admin';
import { and, asc, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';

export type AdminOrderRow = Pick<
  typeof orders.$inferSelect,
  'id' | 'number' | 'email' | 'status' | 'currency' | 'totalAmount' | 'placedAt'
> & { customerName: string | null; paymentStatus: string | null; itemCount: number };

/** A prefix range `lo <= col < lo + U+FFFF`: an index range scan, unlike LIKE (which SQLite indexes only NOCASE). */
function prefixOf(column: SQL, prefix: string): SQL {
  return sql`(${column} >= ${prefix} AND ${column} < ${`${prefix}\uffff`})`;
}

/** The name on the shipping address, lower-cased: the expression `orders_ship_name_idx` indexes (same text). */
export const SHIP_NAME = sql`lower(json_extract(${orders.shippingAddress}, '$.name'))`;

function searchCondition(q: string): SQL {
  const lower = q.toLowerCase();
  const number = q.replace(/^#/, '');
  return or(
    eq(orders.number, number),
    prefixOf(sql`${orders.email}`, lower),
    prefixOf(SHIP_NAME, lower),
    inArray(orders.id, sql`(SELECT l.order_id FROM order_lines l WHERE l.sku IN (${q}, ${q.toUpperCase()}))`),
  )!;
}

/**
 * A refund `f` the provider refused (it has no provider id: `refunds_provider_ref_idx` finds these without a scan)
 * and not followed by a refund that went through or is on its way: the order still owes the customer.
 */
const LATEST_FAILED = sql.raw(`f.provider_ref IS NULL AND f.status = 'failed' AND NOT EXISTS (
  SELECT 1 FROM refunds r WHERE r.order_id = f.order_id AND r.status <> 'failed' AND r.created_at >= f.created_at)`);

/**
 * How many orders need attention for each reason at `now` (domain/orders/needs-attention.ts), in one statement of
 * index-only counts: the unfulfilled queue's partial index before the shipping deadline, `orders_status_placed_idx`
 * for the two return states, and failed refunds as above. At 1M orders each reads only what it counts.
 */
export async function countOrdersNeedingAttention(
  db: Db,
  now: number,
): Promise<Record<AttentionReason, number>> {
  const [row] = await db.all<Record<AttentionReason, number>>(attentionCountsQuery(now));
  return Object.fromEntries(ATTENTION_REASONS.map((r) => [r, Number(row?.[r] ?? 0)])) as Record<
    AttentionReason,
    number
  >;
}

/** The statement behind countOrdersNeedingAttention; exported for EXPLAIN. */
export function attentionCountsQuery(now: number): SQL {
  return sql`SELECT
    (SELECT count(*) FROM orders WHERE status IN ('pending', 'processing') AND placed_at < ${now - SHIP_WITHIN_MS})
      AS unshipped,
    (SELECT count(*) FROM orders WHERE status = 'return_requested') AS return_requested,
    (SELECT count(*) FROM orders WHERE status = 'returned') AS return_received,
    (SELECT count(DISTINCT f.order_id) FROM refunds f WHERE ${LATEST_FAILED}) AS refund_failed`;
}

/** The list's query (one more row than a page, to know whether another page follows); exported for EXPLAIN. */
export function adminOrdersQuery(db: Db, f: OrderListFilter) {
  const where: SQL[] = [];
  if (f.statuses) where.push(inArray(orders.status, [...f.statuses]));
  if (f.placedFrom !== undefined) where.push(gte(orders.placedAt, f.placedFrom));
  if (f.placedBefore !== undefined) where.push(lt(orders.placedAt, f.placedBefore));
  if (f.payment)
    where.push(
      sql`EXISTS (SELECT 1 FROM payments p WHERE p.order_id = "orders"."id" AND p.status = ${f.payment})`,
    );
  if (f.q) where.push(searchCondition(f.q));
  if (f.refundFailed)
    where.push(inArray(orders.id, sql`(SELECT f.order_id FROM refunds f WHERE ${LATEST_FAILED})`));
  if (f.after)
    where.push(
      or(
        lt(orders.placedAt, f.after.placedAt),
        and(eq(orders.placedAt, f.after.placedAt), lt(orders.id, f.after.id)),
      )!,
    );
  return db
    .select({
      id: orders.id,
      number: orders.number,
      email: orders.email,
      status: orders.status,
      currency: orders.currency,
      totalAmount: orders.totalAmount,
      placedAt: orders.placedAt,
      customerName: sql<string | null>`json_extract(${orders.shippingAddress}, '$.name')`,
      // Raw SQL with aliases: Drizzle leaves columns in a selected sql`` unqualified, which would bind
      // `order_id = id` inside the subquery to the subquery's own table.
      paymentStatus: sql<string | null>`(SELECT p.status FROM payments p WHERE p.order_id = "orders"."id"
        ORDER BY p.created_at DESC LIMIT 1)`,
      itemCount: sql<number>`(SELECT coalesce(sum(l.quantity), 0) FROM order_lines l
        WHERE l.order_id = "orders"."id")`,
    })
    .from(orders)
    .where(and(...where))
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(f.limit + 1);
}

/** One page of orders matching `f`, newest first, and the cursor of the next page (null on the last). */
export async function listAdminOrders(
  db: Db,
  f: OrderListFilter,
): Promise<{ items: AdminOrderRow[]; next: { placedAt: number; id: string } | null }> {
  if (f.statuses && f.statuses.length === 0) return { items: [], next: null };
  const rows = await adminOrdersQuery(db, f);
  const items = rows.slice(0, f.limit).map((r) => ({ ...r, itemCount: Number(r.itemCount) }));
  const last = items.at(-1);
  return { items, next: rows.length > f.limit && last ? { placedAt: last.placedAt, id: last.id } : null };
}

export type AdminOrderDetail = {
  order: typeof orders.$inferSelect;
  lines: (typeof orderLines.$inferSelect)[];
  payments: (typeof payments.$inferSelect)[];
  refunds: (typeof refunds.$inferSelect)[];
  shipments: (typeof shipments.$inferSelect)[];
  /** The timeline, oldest first; `actorName` is the staff member's name when a staff member acted. */
  events: (typeof orderEvents.$inferSelect & { actorName: string | null })[];
};

/** An order's lines in the order they were written. */
export function orderLinesOf(db: Db, orderId: string) {
  return db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.id));
}

export async function findAdminOrder(db: Db, id: string): Promise<AdminOrderDetail | null> {
  const [order] = await db.select().from(orders).where(eq(orders.id, id));
  if (!order) return null;
  const [lines, pays, refs, parcels, events] = await Promise.all([
    orderLinesOf(db, id),
    db.select().from(payments).where(eq(payments.orderId, id)).orderBy(asc(payments.createdAt)),
    db.select().from(refunds).where(eq(refunds.orderId, id)).orderBy(asc(refunds.createdAt)),
    db.select().from(shipments).where(eq(shipments.orderId, id)).orderBy(asc(shipments.shippedAt)),
    db
      .select({
        id: orderEvents.id,
        orderId: orderEvents.orderId,
        fromStatus: orderEvents.fromStatus,
        toStatus: orderEvents.toStatus,
        actor: orderEvents.actor,
        note: orderEvents.note,
        createdAt: orderEvents.createdAt,
        actorName: staffUsers.name,
      })
      .from(orderEvents)
      .leftJoin(staffUsers, eq(staffUsers.id, orderEvents.actor))
      .where(eq(orderEvents.orderId, id))
      .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
  ]);
  return { order, lines, payments: pays, refunds: refs, shipments: parcels, events };
}

/** The order's id, status and shipping address: what a write decides on. */
export async function findOrderState(db: Db, id: string) {
  const [row] = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      shippingAddress: orders.shippingAddress,
    })
    .from(orders)
    .where(eq(orders.id, id));
  return row ?? null;
}

export type OrderEventRow = typeof orderEvents.$inferSelect;

/**
 * The statement that records `event`, only while the order is still in `whileStatus` (INSERT … SELECT … WHERE):
 * batched before the guarded update, it is written exactly when the update is.
 */
export function insertOrderEventStatement(db: Db, event: OrderEventRow, whileStatus: string) {
  // Drizzle lists every column of the table, in its declared order; the SELECT gives them in that order. (A raw
  // db.run with parameters cannot go in a D1 batch.)
  return db.insert(orderEvents).select(sql`
    SELECT ${event.id}, ${event.orderId}, ${event.fromStatus}, ${event.toStatus}, ${event.actor}, ${event.note},
      ${event.createdAt}
    FROM ${orders} WHERE ${orders.id} = ${event.orderId} AND ${orders.status} = ${whileStatus}`);
}

/** The audit entry, written only while the order is in `whileStatus` (the same guard as its change). */
export function insertGuardedAuditStatement(db: Db, entry: AuditEntry, orderId: string, whileStatus: string) {
  return db.insert(auditLog).select(sql`
    SELECT ${entry.id}, ${entry.staffId}, ${entry.staffEmail}, ${entry.action}, ${entry.entityType}, ${entry.entityId},
      ${entry.before}, ${entry.after}, ${entry.requestId}, ${entry.at}
    FROM ${orders} WHERE ${orders.id} = ${orderId} AND ${orders.status} = ${whileStatus}`);
}

/** Moves the order from `from` to `to` (compare-and-set): the row comes back only when this writer won. */
export function updateOrderStatusStatement(db: Db, id: string, from: string, to: string, now: number) {
  return db
    .update(orders)
    .set({ status: to, updatedAt: now, version: bumpedVersion })
    .where(and(eq(orders.id, id), eq(orders.status, from)))
    .returning({ id: orders.id });
}

/** Replaces the shipping address (JSON) while the order is still in `whileStatus`. */
export function updateShippingAddressStatement(
  db: Db,
  id: string,
  whileStatus: string,
  addressJson: string,
  now: number,
) {
  return db
    .update(orders)
    .set({ shippingAddress: addressJson, updatedAt: now, version: bumpedVersion })
    .where(and(eq(orders.id, id), eq(orders.status, whileStatus)))
    .returning({ id: orders.id });
}

/** Appends an order event with no guard (e.g. "confirmation resent"). */
export function appendOrderEventStatement(db: Db, event: OrderEventRow) {
  return db.insert(orderEvents).values(event);
}

export { appendAuditStatement };

/** The secret of the order's link, kept on the checkout that placed it (null for an order placed another way). */
export async function findConfirmationToken(db: Db, orderId: string): Promise<string | null> {
  const [row] = await db
    .select({ token: checkouts.orderToken })
    .from(orders)
    .innerJoin(checkouts, eq(checkouts.id, orders.checkoutId))
    .where(eq(orders.id, orderId));
  return row?.token ?? null;
}
