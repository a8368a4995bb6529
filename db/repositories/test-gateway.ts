/** The local test gateway's book of payments (it stands in for a provider, so it keeps records as one would). */
import type { Db } from '@db/client';
import { testGatewayPayments, testGatewayRefunds } from '@db/schema';
import { and, eq, sql } from 'drizzle-orm';

export type TestGatewayPayment = typeof testGatewayPayments.$inferSelect;
type Status = TestGatewayPayment['status'];

/**
 * Stores a payment unless its idempotency key is known; returns the payment stored under that key either way (one
 * round trip, as a provider's create call is one).
 */
export async function createTestPayment(db: Db, payment: TestGatewayPayment): Promise<TestGatewayPayment> {
  const [, [stored]] = await db.batch([
    db.insert(testGatewayPayments).values(payment).onConflictDoNothing(),
    db
      .select()
      .from(testGatewayPayments)
      .where(eq(testGatewayPayments.idempotencyKey, payment.idempotencyKey)),
  ]);
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

/** A test-gateway refund as recorded: its id is the refund ref the gateway answers with. */
export type TestGatewayRefund = typeof testGatewayRefunds.$inferSelect;

/**
 * Refunds `amount` of a succeeded payment once per idempotency key, never beyond what was paid. The refund row and the
 * payment's refunded total change in one batch, the total only when this call's row went in, so a retry (or a race
 * of the same key) refunds once and every caller reads back the first refund. Null when nothing is left to refund.
 */
export async function refundTestPayment(
  db: Db,
  refund: TestGatewayRefund,
  now: number,
): Promise<TestGatewayRefund | null> {
  const p = testGatewayPayments;
  await db.batch([
    db
      .insert(testGatewayRefunds)
      .select(
        sql`SELECT ${refund.id}, ${refund.paymentId}, ${refund.idempotencyKey}, ${refund.amount}, ${refund.createdAt}
          FROM ${p} WHERE ${p.id} = ${refund.paymentId} AND ${p.status} = 'succeeded'
            AND ${p.refundedAmount} + ${refund.amount} <= ${p.amount}`,
      )
      .onConflictDoNothing(),
    db
      .update(p)
      .set({ refundedAmount: sql`${p.refundedAmount} + ${refund.amount}`, updatedAt: now })
      .where(
        and(
          eq(p.id, refund.paymentId),
          sql`EXISTS (SELECT 1 FROM ${testGatewayRefunds} WHERE ${testGatewayRefunds.id} = ${refund.id})`,
        ),
      ),
  ]);
  const [stored] = await db
    .select()
    .from(testGatewayRefunds)
    .where(eq(testGatewayRefunds.idempotencyKey, refund.idempotencyKey));
  return stored ?? null;
}
