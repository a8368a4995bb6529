/** The local test gateway's book of payments (it stands in for a provider, so it keeps records as one would). */
import type { Db } from '@db/client';
import { testGatewayPayments } from '@db/schema';
import { and, eq, sql } from 'drizzle-orm';

export type TestGatewayPayment = typeof testGatewayPayments.$inferSelect;
type Status = TestGatewayPayment['status'];

/** Stores a payment unless its idempotency key is known; returns the payment stored under that key either way. */
export async function createTestPayment(db: Db, payment: TestGatewayPayment): Promise<TestGatewayPayment> {
  await db.insert(testGatewayPayments).values(payment).onConflictDoNothing();
  const [stored] = await db
    .select()
    .from(testGatewayPayments)
    .where(eq(testGatewayPayments.idempotencyKey, payment.idempotencyKey));
  if (!stored) throw new Error('test gateway: payment vanished after insert');
  return stored;
}

export async function findTestPayment(db: Db, id: string): Promise<TestGatewayPayment | null> {
  const [row] = await db.select().from(testGatewayPayments).where(eq(testGatewayPayments.id, id));
  return row ?? null;
}

/** Moves a payment from `from` to `to`; false when it was not in `from` (someone else moved it first). */
export async function moveTestPayment(
  db: Db,
  id: string,
  from: Status,
  to: Status,
  now: number,
): Promise<boolean> {
  const moved = await db
    .update(testGatewayPayments)
    .set({ status: to, updatedAt: now })
    .where(and(eq(testGatewayPayments.id, id), eq(testGatewayPayments.status, from)))
    .returning({ id: testGatewayPayments.id });
  return moved.length > 0;
}

/** Adds a refund; false when it would return more than was paid. */
export async function refundTestPayment(db: Db, id: string, amount: number, now: number): Promise<boolean> {
  const moved = await db
    .update(testGatewayPayments)
    .set({ refundedAmount: sql`${testGatewayPayments.refundedAmount} + ${amount}`, updatedAt: now })
    .where(
      and(
        eq(testGatewayPayments.id, id),
        eq(testGatewayPayments.status, 'succeeded'),
        sql`${testGatewayPayments.refundedAmount} + ${amount} <= ${testGatewayPayments.amount}`,
      ),
    )
    .returning({ id: testGatewayPayments.id });
  return moved.length > 0;
}
