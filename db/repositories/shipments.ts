/**
 * Shipments and their lines. A new shipment is six statements for one db.batch (one transaction), each guarded by
 * the shipment row the first one inserts — so either all are written or none:
 * 1. the shipment, only while the order is pending or processing, no line of it asks for more units than are left
 *    (ordered minus every earlier shipment's units, summed now, inside the transaction), and no shipment of the
 *    order carries the same idempotency key;
 * 2. its lines; 3. the timeline row and 4. the audit entry; 5. the order's status: `shipped` once no line has
 *    units left, else `processing` (and its version bumped, its packed mark cleared); 6. the lines' picked counts,
 *    less the units this parcel took. The warehouse app's shipments also need the order at the version it saw.
 * D1 runs one batch at a time, so two shipments of the same units cannot both pass the guard of step 1: the second
 * sees the first one's lines and inserts nothing. The lines go in as one JSON parameter (json_each), so a shipment
 * of any number of lines stays within D1's 100 bound parameters.
 */
import type { Db } from '@db/client';
import type { AuditEntry } from '@db/repositories/audit';
import { bumpedVersion } from '@db/repositories/order-version';
import { auditLog, orderEvents, orderLines, orders, shipmentLines, shipments } from '@db/schema';
import { and, asc, eq, type SQLWrapper, sql } from 'drizzle-orm';

export type ShipmentRow = typeof shipments.$inferSelect;

/** A new shipment as the service decided it. */
export interface NewShipment {
  id: string;
  orderId: string;
  carrier: string;
  trackingNumber: string | null;
  createdBy: string;
  idempotencyKey: string | null;
  lines: { orderLineId: string; quantity: number }[];
  eventId: string;
  note: string;
  audit: AuditEntry;
  now: number;
  /** Ship only while the order is at this version (the warehouse app's writes); undefined: any version. */
  expectedVersion?: number;
}

/** True (in SQL) when every line of the order has shipped all its units. */
const allShipped = (orderId: string) => sql`NOT EXISTS (
  SELECT 1 FROM order_lines ol WHERE ol.order_id = ${orderId}
    AND ol.quantity > (SELECT coalesce(sum(sl.quantity), 0) FROM shipment_lines sl WHERE sl.order_line_id = ol.id))`;
const statusAfter = (orderId: string) =>
  sql`CASE WHEN ${allShipped(orderId)} THEN 'shipped' ELSE 'processing' END`;
const written = (shipmentId: string) => sql`EXISTS (SELECT 1 FROM shipments s WHERE s.id = ${shipmentId})`;

/** The batch that writes `s` (see the module comment); the first statement returns the row when it was written. */
export function shipmentStatements(db: Db, s: NewShipment) {
  const linesJson = JSON.stringify(s.lines);
  const e = s.audit;
  return [
    db
      .insert(shipments)
      .select(
        sql`SELECT ${s.id}, o.id, ${s.carrier}, ${s.trackingNumber}, ${s.now}, NULL, ${s.createdBy}, ${s.idempotencyKey}
        FROM orders o
        WHERE o.id = ${s.orderId} AND o.status IN ('pending', 'processing')
          AND (${s.expectedVersion ?? null} IS NULL OR o.version = ${s.expectedVersion ?? null})
          AND NOT EXISTS (
            SELECT 1 FROM json_each(${linesJson}) j
            WHERE json_extract(j.value, '$.quantity') >
              coalesce((SELECT ol.quantity FROM order_lines ol
                WHERE ol.id = json_extract(j.value, '$.orderLineId') AND ol.order_id = o.id), 0)
              - (SELECT coalesce(sum(sl.quantity), 0) FROM shipment_lines sl
                WHERE sl.order_line_id = json_extract(j.value, '$.orderLineId')))
          AND NOT EXISTS (SELECT 1 FROM shipments k WHERE k.order_id = o.id AND k.idempotency_key = ${s.idempotencyKey})`,
      )
      .returning({ id: shipments.id }),
    db.insert(shipmentLines).select(
      sql`SELECT ${s.id}, json_extract(j.value, '$.orderLineId'), json_extract(j.value, '$.quantity')
        FROM json_each(${linesJson}) j WHERE ${written(s.id)}`,
    ),
    db.insert(orderEvents).select(
      sql`SELECT ${s.eventId}, o.id, o.status, ${statusAfter(s.orderId)}, ${s.createdBy}, ${s.note}, ${s.now}
        FROM orders o WHERE o.id = ${s.orderId} AND ${written(s.id)}`,
    ),
    db.insert(auditLog).select(
      sql`SELECT ${e.id}, ${e.staffId}, ${e.staffEmail}, ${e.action}, ${e.entityType}, ${e.entityId}, ${e.before},
        ${e.after}, ${e.requestId}, ${e.at} WHERE ${written(s.id)}`,
    ),
    db
      .update(orders)
      // The parcel left: what was packed and picked for it is no longer waiting (the next parcel starts afresh).
      .set({
        status: statusAfter(s.orderId),
        updatedAt: s.now,
        version: bumpedVersion,
        packedAt: null,
        packedBy: null,
      })
      .where(and(eq(orders.id, s.orderId), written(s.id)))
      .returning({ status: orders.status }),
    db
      .update(orderLines)
      .set({
        picked: sql`max(0, ${orderLines.picked} - coalesce((SELECT sl.quantity FROM shipment_lines sl
          WHERE sl.shipment_id = ${s.id} AND sl.order_line_id = "order_lines"."id"), 0))`,
      })
      .where(and(eq(orderLines.orderId, s.orderId), written(s.id))),
  ] as const;
}

/** The order's lines with the units shipped so far. */
export async function findShippableLines(db: Db, orderId: string) {
  return db
    .select({
      id: orderLines.id,
      sku: orderLines.sku,
      productName: orderLines.productName,
      variantLabel: orderLines.variantLabel,
      quantity: orderLines.quantity,
      shipped: sql<number>`(SELECT coalesce(sum(sl.quantity), 0) FROM shipment_lines sl
        WHERE sl.order_line_id = "order_lines"."id")`.mapWith(Number),
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.id));
}

/** The order's shipment made with `key`, if any (a replayed request). */
export async function findShipmentByKey(db: Db, orderId: string, key: string) {
  const [row] = await db
    .select({ id: shipments.id })
    .from(shipments)
    .where(and(eq(shipments.orderId, orderId), eq(shipments.idempotencyKey, key)));
  return row?.id ?? null;
}

/** A parcel with what is in it. */
export type ShipmentWithLines = Omit<ShipmentRow, 'idempotencyKey'> & {
  lines: { orderLineId: string; sku: string; productName: string; variantLabel: string; quantity: number }[];
};

/**
 * The two reads behind an order's parcels (its shipments, oldest first, and their lines), for one db.batch with
 * whatever else the caller reads of the order (`orderId` a value or a subquery); `assembleShipments` puts their
 * answers together.
 */
export function shipmentQueries(db: Db, orderId: string | SQLWrapper) {
  return [
    db
      .select()
      .from(shipments)
      .where(eq(shipments.orderId, orderId))
      .orderBy(asc(shipments.shippedAt), asc(shipments.id)),
    db
      .select({
        shipmentId: shipmentLines.shipmentId,
        orderLineId: shipmentLines.orderLineId,
        sku: orderLines.sku,
        productName: orderLines.productName,
        variantLabel: orderLines.variantLabel,
        quantity: shipmentLines.quantity,
      })
      .from(shipmentLines)
      .innerJoin(shipments, eq(shipments.id, shipmentLines.shipmentId))
      .innerJoin(orderLines, eq(orderLines.id, shipmentLines.orderLineId))
      .where(eq(shipments.orderId, orderId))
      .orderBy(asc(orderLines.id)),
  ] as const;
}

type ShipmentAnswers = Awaited<ReturnType<typeof shipmentQueries>[0]>;
type ShipmentLineAnswers = Awaited<ReturnType<typeof shipmentQueries>[1]>;

/** The parcels of `shipmentQueries`' answers, each with its lines. */
export function assembleShipments(parcels: ShipmentAnswers, lines: ShipmentLineAnswers): ShipmentWithLines[] {
  return parcels.map(({ idempotencyKey: _, ...p }) => ({
    ...p,
    lines: lines.filter((l) => l.shipmentId === p.id).map(({ shipmentId: __, ...l }) => l),
  }));
}

/** The order's shipments, oldest first, each with its lines (one round trip). */
export async function listShipments(db: Db, orderId: string): Promise<ShipmentWithLines[]> {
  const [parcels, lines] = await db.batch(shipmentQueries(db, orderId));
  return assembleShipments(parcels, lines);
}
