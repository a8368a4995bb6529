/** Placing an order: one batch that numbers it, writes it with its lines and payment, and closes its checkout. */
import type { Db } from '@db/client';
import { carts, checkouts, counters, orderEvents, orderLines, orders, payments } from '@db/schema';
import { eq, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { assembleOrder, type CustomerOrderDetail, orderPartQueries } from './customer-orders';

export type NewOrder = Omit<typeof orders.$inferInsert, 'number'>;
export type NewOrderLine = typeof orderLines.$inferInsert;
export type NewPayment = typeof payments.$inferInsert;

/**
 * Writes the order atomically: the next number from the counter, the order, its lines, its payment, the first event,
 * the checkout marked completed and the cart converted. The unique indexes on `orders.checkout_id` and
 * `payments (provider, provider_ref)` make a second writer's batch fail as a whole: 'exists' then, and nothing of it
 * is left behind.
 */
export async function placeOrder(
  db: Db,
  order: NewOrder & { checkoutId: string },
  lines: NewOrderLine[],
  payment: NewPayment,
  /** More writes that stand or fall with the order (its promotions' uses confirmed). */
  alongside: readonly BatchItem<'sqlite'>[] = [],
): Promise<{ created: true; number: string } | { created: false }> {
  try {
    const [, [inserted]] = await db.batch([
      db
        .update(counters)
        .set({ value: sql`${counters.value} + 1` })
        .where(eq(counters.name, 'order_number')),
      db
        .insert(orders)
        .values({
          ...order,
          number: sql`(SELECT CAST(value AS TEXT) FROM counters WHERE name = 'order_number')`,
        })
        .returning({ number: orders.number }),
      db.insert(orderLines).values(lines),
      db.insert(payments).values(payment),
      db.insert(orderEvents).values({
        id: `${order.id}:placed`,
        orderId: order.id,
        fromStatus: null,
        toStatus: order.status,
        actor: 'customer',
        note: 'Order placed',
        createdAt: order.placedAt,
      }),
      db
        .update(checkouts)
        .set({ status: 'completed', orderId: order.id, updatedAt: order.placedAt })
        .where(eq(checkouts.id, order.checkoutId)),
      db
        .update(carts)
        .set({ status: 'converted', updatedAt: order.placedAt })
        .where(eq(carts.id, order.cartId ?? '')),
      ...alongside,
    ]);
    if (!inserted) throw new Error(`order ${order.id} was not written`);
    return { created: true, number: inserted.number };
  } catch (error) {
    if (await findOrderByCheckout(db, order.checkoutId)) return { created: false };
    throw error;
  }
}

/** How many orders a shopper placed before, by account or by email (for first-order-only promotions). */
export async function countOrdersOf(db: Db, who: { customerId: string | null; email: string | null }) {
  if (!who.customerId && !who.email) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(orders)
    .where(
      or(
        who.customerId ? eq(orders.customerId, who.customerId) : undefined,
        who.email ? eq(orders.email, who.email) : undefined,
      ),
    );
  return Number(row?.n ?? 0);
}

export async function findOrderByCheckout(db: Db, checkoutId: string) {
  const [row] = await db.select().from(orders).where(eq(orders.checkoutId, checkoutId));
  return row ?? null;
}

/** The order a guest's link opens (by the SHA-256 of its secret), with its lines, parcels and history: one round trip. */
export async function findOrderByAccessHash(db: Db, hash: string): Promise<CustomerOrderDetail | null> {
  const byHash = eq(orders.accessTokenHash, hash);
  const [[order], ...parts] = await db.batch([
    db.select().from(orders).where(byHash),
    ...orderPartQueries(db, db.select({ id: orders.id }).from(orders).where(byHash)),
  ]);
  return order ? assembleOrder(order, parts) : null;
}
