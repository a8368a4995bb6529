/** Which cart belongs to which account: the `carts` row links a CartDO (by id) to a customer. */

import type { Db } from '@db/client';
import { carts } from '@db/schema';
import { and, desc, eq } from 'drizzle-orm';

/** The customer's current cart id (their newest active cart), or null. */
export async function findCustomerCartId(db: Db, customerId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.customerId, customerId), eq(carts.status, 'active')))
    .orderBy(desc(carts.updatedAt))
    .limit(1);
  return row?.id ?? null;
}

/** Records that `cartId` is the customer's active cart (creating its row if the cart had none). */
export async function linkCartToCustomer(
  db: Db,
  link: { cartId: string; customerId: string; currency: string; now: number },
): Promise<void> {
  await db
    .insert(carts)
    .values({
      id: link.cartId,
      customerId: link.customerId,
      currency: link.currency,
      status: 'active',
      createdAt: link.now,
      updatedAt: link.now,
    })
    .onConflictDoUpdate({
      target: carts.id,
      set: { customerId: link.customerId, status: 'active', updatedAt: link.now },
    });
}

/** Marks a cart abandoned (its lines went into another cart). */
export async function retireCart(db: Db, cartId: string, now: number): Promise<void> {
  await db.update(carts).set({ status: 'abandoned', updatedAt: now }).where(eq(carts.id, cartId));
}
