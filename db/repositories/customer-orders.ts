/** A customer's own orders: history and one order's detail. Every query names the customer (no one reads another's). */

import type { Db } from '@db/client';
import { assembleShipments, type ShipmentWithLines, shipmentQueries } from '@db/repositories/shipments';
import { orderEvents, orderLines, orders } from '@db/schema';
import { and, asc, count, desc, eq, type SQLWrapper } from 'drizzle-orm';
import type { BatchResponse } from 'drizzle-orm/batch';

export type OrderRow = typeof orders.$inferSelect;

export interface CustomerOrderDetail {
  order: OrderRow;
  lines: (typeof orderLines.$inferSelect)[];
  /** The parcels, oldest first, each with the units it holds. */
  shipments: ShipmentWithLines[];
  events: (typeof orderEvents.$inferSelect)[];
}

/** The customer's orders, newest first, one page at a time, with the total count. */
export async function listCustomerOrders(
  db: Db,
  customerId: string,
  page: { limit: number; offset: number },
): Promise<{ items: OrderRow[]; total: number }> {
  const mine = eq(orders.customerId, customerId);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(orders)
      .where(mine)
      .orderBy(desc(orders.placedAt), desc(orders.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(orders).where(mine),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** The customer's order with this number, with lines, shipments and status history; null when not theirs. */
export async function findCustomerOrder(
  db: Db,
  customerId: string,
  number: string,
): Promise<CustomerOrderDetail | null> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.customerId, customerId), eq(orders.number, number)))
    .limit(1);
  return order ? orderParts(db, order) : null;
}

/** The reads behind an order's parts, for one db.batch: `id` is the order's id, or a subquery that yields it. */
export function orderPartQueries(db: Db, id: string | SQLWrapper) {
  return [
    db.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.id)),
    ...shipmentQueries(db, id),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, id)).orderBy(asc(orderEvents.createdAt)),
  ] as const;
}

/** The order `order` with the answers of `orderPartQueries`. */
export function assembleOrder(
  order: OrderRow,
  [lines, parcels, parcelLines, events]: BatchResponse<ReturnType<typeof orderPartQueries>>,
): CustomerOrderDetail {
  return { order, lines, shipments: assembleShipments(parcels, parcelLines), events };
}

/** An order with its lines, shipments and status history (the caller has decided the reader may see it). */
export async function orderParts(db: Db, order: OrderRow): Promise<CustomerOrderDetail> {
  return assembleOrder(order, await db.batch(orderPartQueries(db, order.id)));
}

/** Every line of every order of the customer (for "export my data"). */
export async function listCustomerOrderLines(db: Db, customerId: string) {
  return db
    .select({
      orderNumber: orders.number,
      sku: orderLines.sku,
      productName: orderLines.productName,
      variantLabel: orderLines.variantLabel,
      quantity: orderLines.quantity,
      unitAmount: orderLines.unitAmount,
      lineTotalAmount: orderLines.lineTotalAmount,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(eq(orders.customerId, customerId))
    .orderBy(asc(orders.placedAt), asc(orderLines.id));
}
