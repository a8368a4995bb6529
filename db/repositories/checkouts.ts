/** Checkout rows: find a cart's open checkout, read one, move it on with a guard on its status. */
import type { Db } from '@db/client';
import { checkouts } from '@db/schema';
import { and, eq, inArray, isNull } from 'drizzle-orm';

export type CheckoutRow = typeof checkouts.$inferSelect;
type Status = CheckoutRow['status'];

export async function findCheckout(db: Db, id: string): Promise<CheckoutRow | null> {
  const [row] = await db.select().from(checkouts).where(eq(checkouts.id, id));
  return row ?? null;
}

/** The cart's checkout in progress (open or paying), if any. */
export async function findActiveCheckout(db: Db, cartId: string): Promise<CheckoutRow | null> {
  const [row] = await db
    .select()
    .from(checkouts)
    .where(and(eq(checkouts.cartId, cartId), inArray(checkouts.status, ['open', 'paying'])));
  return row ?? null;
}

/** The checkout a provider's payment belongs to. */
export async function findCheckoutByPayment(
  db: Db,
  provider: string,
  ref: string,
): Promise<CheckoutRow | null> {
  const [row] = await db
    .select()
    .from(checkouts)
    .where(and(eq(checkouts.paymentProvider, provider), eq(checkouts.paymentRef, ref)));
  return row ?? null;
}

/** Inserts a new checkout unless the cart already has one in progress; returns the cart's active checkout. */
export async function openCheckout(db: Db, row: CheckoutRow): Promise<CheckoutRow> {
  await db.insert(checkouts).values(row).onConflictDoNothing();
  const active = await findActiveCheckout(db, row.cartId);
  if (!active) throw new Error(`checkout for cart ${row.cartId} vanished after insert`);
  return active;
}

/**
 * Changes a checkout only while it is in one of `from` (so two tabs, or a webhook and the browser, cannot both move
 * it on): the row after the change, or null when it had moved already.
 */
export async function updateCheckout(
  db: Db,
  id: string,
  from: readonly Status[],
  patch: Partial<Omit<CheckoutRow, 'id' | 'cartId' | 'createdAt'>>,
  /** Also require the payment key still to be this one (compare-and-set: two placements cannot both start). */
  expect?: { paymentKey: string | null },
): Promise<CheckoutRow | null> {
  const keyGuard =
    expect === undefined
      ? undefined
      : expect.paymentKey === null
        ? isNull(checkouts.paymentKey)
        : eq(checkouts.paymentKey, expect.paymentKey);
  const [row] = await db
    .update(checkouts)
    .set(patch)
    .where(and(eq(checkouts.id, id), inArray(checkouts.status, [...from]), keyGuard))
    .returning();
  return row ?? null;
}
