/**
 * The warehouse's reads and writes: the fulfilment queue (orders to pick, pack and ship, oldest first) and the
 * guarded statements of picks and packing. Every write is guarded by the order's version and status in SQL, so a
 * write that lost a race with an admin edit changes nothing; each bumps the version (db/repositories/order-version).
 *
 * The queue is two queries whatever its size: one page of orders, then all their lines (json_each of the ids, so
 * 200 orders stay one bound parameter). The orders walk `orders_fulfil_queue_idx`, a partial index of pending and
 * processing orders by (placed_at, id): the walk never visits the shipped history, is already in queue order, and
 * stops after a page; payments and lines are probed per candidate through `payments_order_idx`,
 * `order_lines_order_idx` and `shipment_lines_line_idx` (EXPLAIN QUERY PLAN in tests/integration/warehouse/).
 */
import type { Db } from '@db/client';
import type { AuditEntry } from '@db/repositories/audit';
import { bumpedVersion } from '@db/repositories/order-version';
import { auditLog, orderEvents, orderLines, orders } from '@db/schema';
import { and, eq, inArray, sql } from 'drizzle-orm';

/** Where the queue starts: after this (placedAt, id), exclusive. */
export interface QueueCursor {
  placedAt: number;
  id: string;
}

/** One order of the queue as stored (the service shapes it). */
export interface QueueOrderRow {
  id: string;
  number: string;
  status: string;
  version: number;
  placedAt: number;
  packedAt: number | null;
  packedBy: string | null;
  email: string;
  shippingAddress: string;
  shippingMethod: string;
  shippingMethodName: string | null;
}

/** One line of a queued order, with its units shipped so far, its bin and its barcode. */
export interface QueueLineRow {
  id: string;
  orderId: string;
  sku: string;
  productName: string;
  variantLabel: string;
  quantity: number;
  picked: number;
  shipped: number;
  binLocation: string | null;
  barcode: string | null;
}

/** The columns of a queued order, as raw SQL over `o` (the queue and single-order reads share them). */
// The method's name: the code is unique per zone, and zones name a code alike in practice; min() keeps it
// deterministic without a sort (shipping_methods is a handful of rows).
const ORDER_COLUMNS = sql`o.id, o.number, o.status, o.version, o.placed_at, o.packed_at,
  (SELECT s.name FROM staff_users s WHERE s.id = o.packed_by) AS packed_by, o.email, o.shipping_address,
  o.shipping_method,
  (SELECT min(m.name) FROM shipping_methods m WHERE m.code = o.shipping_method) AS shipping_method_name`;

/** Paid in full (a captured payment) and units left to ship. */
const FULFILLABLE = sql`EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.status = 'captured')
  AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id
    AND l.quantity > (SELECT coalesce(sum(sl.quantity), 0) FROM shipment_lines sl WHERE sl.order_line_id = l.id))`;

type RawOrder = [
  string,
  string,
  string,
  number,
  number,
  number | null,
  string | null,
  string,
  string,
  string,
  string | null,
];

function orderOf(r: RawOrder): QueueOrderRow {
  return {
    id: r[0],
    number: r[1],
    status: r[2],
    version: Number(r[3]),
    placedAt: Number(r[4]),
    packedAt: r[5] === null ? null : Number(r[5]),
    packedBy: r[6],
    email: r[7],
    shippingAddress: r[8],
    shippingMethod: r[9],
    shippingMethodName: r[10],
  };
}

/**
 * The queue's SQL: orders pending or processing (the text of the partial index's WHERE, so SQLite uses it), paid,
 * with units left, oldest first, after `after`. Exported for EXPLAIN QUERY PLAN.
 */
export function queueSql(limit: number, after: QueueCursor | null) {
  const keyset = after
    ? sql`AND (o.placed_at > ${after.placedAt} OR (o.placed_at = ${after.placedAt} AND o.id > ${after.id}))`
    : sql``;
  // INDEXED BY: without ANALYZE statistics SQLite prefers orders_status_placed_idx (two status ranges, then a
  // sort of every open order); the partial index is already in queue order, so the page stops after `limit`.
  return sql`SELECT ${ORDER_COLUMNS} FROM orders o INDEXED BY orders_fulfil_queue_idx
    WHERE status IN ('pending', 'processing') ${keyset} AND ${FULFILLABLE}
    ORDER BY o.placed_at, o.id LIMIT ${limit}`;
}

/** One page of the queue, oldest first. */
export async function listQueueOrders(
  db: Db,
  limit: number,
  after: QueueCursor | null,
): Promise<QueueOrderRow[]> {
  const rows = await db.values<RawOrder>(queueSql(limit, after));
  return rows.map(orderOf);
}

/** One order in the queue's shape, whatever its status (null when there is no such order). */
export async function findWarehouseOrder(db: Db, id: string): Promise<QueueOrderRow | null> {
  const [row] = await db.values<RawOrder>(sql`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.id = ${id}`);
  return row ? orderOf(row) : null;
}

/** The lines of `orderIds` (one query for any number of orders), in the order they were written. */
export async function listQueueLines(db: Db, orderIds: readonly string[]): Promise<QueueLineRow[]> {
  if (orderIds.length === 0) return [];
  const rows = await db.values<
    [string, string, string, string, string, number, number, number, string | null, string | null]
  >(sql`SELECT l.id, l.order_id, l.sku, l.product_name, l.variant_label, l.quantity, l.picked,
      (SELECT coalesce(sum(sl.quantity), 0) FROM shipment_lines sl WHERE sl.order_line_id = l.id),
      (SELECT il.bin_location FROM inventory_levels il WHERE il.sku = l.sku),
      (SELECT v.barcode FROM product_variants v WHERE v.sku = l.sku)
    FROM order_lines l
    WHERE l.order_id IN (SELECT value FROM json_each(${JSON.stringify(orderIds)}))
    ORDER BY l.order_id, l.id`);
  return rows.map((r) => ({
    id: r[0],
    orderId: r[1],
    sku: r[2],
    productName: r[3],
    variantLabel: r[4],
    quantity: Number(r[5]),
    picked: Number(r[6]),
    shipped: Number(r[7]),
    binLocation: r[8],
    barcode: r[9],
  }));
}

/** The order still at `version` and open: what every warehouse write is guarded by. */
const openAt = (orderId: string, version: number) =>
  sql`EXISTS (SELECT 1 FROM orders g WHERE g.id = ${orderId} AND g.version = ${version}
    AND g.status IN ('pending', 'processing'))`;

/**
 * Sets the picked counts of some lines and bumps the version, only while the order is at `version` and open:
 * two statements for one db.batch; the second returns the order's new version when the write went in.
 */
export function pickStatements(
  db: Db,
  w: { orderId: string; version: number; lines: { lineId: string; picked: number }[]; now: number },
) {
  const json = JSON.stringify(w.lines);
  return [
    db
      .update(orderLines)
      .set({
        picked: sql`(SELECT json_extract(j.value, '$.picked') FROM json_each(${json}) j
          WHERE json_extract(j.value, '$.lineId') = "order_lines"."id")`,
      })
      .where(
        and(
          eq(orderLines.orderId, w.orderId),
          inArray(orderLines.id, sql`(SELECT json_extract(value, '$.lineId') FROM json_each(${json}))`),
          openAt(w.orderId, w.version),
        ),
      ),
    db
      .update(orders)
      .set({ version: bumpedVersion, updatedAt: w.now })
      .where(
        and(
          eq(orders.id, w.orderId),
          eq(orders.version, w.version),
          sql`status IN ('pending', 'processing')`,
        ),
      )
      .returning({ version: orders.version }),
  ] as const;
}

/**
 * Marks the order packed by `staffId` (a pending order moves to `status`, processing), with its timeline row and
 * audit entry, only while it is at `version` and open; the last statement returns the new version when it went in.
 */
export function packStatements(
  db: Db,
  w: {
    orderId: string;
    version: number;
    fromStatus: string;
    status: string;
    staffId: string;
    eventId: string;
    note: string;
    audit: AuditEntry;
    now: number;
  },
) {
  const a = w.audit;
  const guard = sql`${openAt(w.orderId, w.version)} AND EXISTS (SELECT 1 FROM orders s
    WHERE s.id = ${w.orderId} AND s.status = ${w.fromStatus})`;
  return [
    db
      .insert(orderEvents)
      .select(
        sql`SELECT ${w.eventId}, ${w.orderId}, ${w.fromStatus}, ${w.status}, ${w.staffId}, ${w.note}, ${w.now} WHERE ${guard}`,
      ),
    db.insert(auditLog).select(
      sql`SELECT ${a.id}, ${a.staffId}, ${a.staffEmail}, ${a.action}, ${a.entityType}, ${a.entityId}, ${a.before},
        ${a.after}, ${a.requestId}, ${a.at} WHERE ${guard}`,
    ),
    db
      .update(orders)
      .set({
        status: w.status,
        packedAt: w.now,
        packedBy: w.staffId,
        version: bumpedVersion,
        updatedAt: w.now,
      })
      .where(and(eq(orders.id, w.orderId), eq(orders.version, w.version), eq(orders.status, w.fromStatus)))
      .returning({ version: orders.version }),
  ] as const;
}
