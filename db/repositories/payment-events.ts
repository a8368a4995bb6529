/** Payment providers' webhook events the shop has acted on: one row per (provider, event id), so a retry is seen. */

import type { Db } from '@db/client';
import { paymentEvents } from '@db/schema';
import type { PaymentProvider } from '@domain/checkout/payment';
import { and, eq } from 'drizzle-orm';

/** True when `eventId` from `provider` was already recorded (handled or ignored). */
export async function paymentEventSeen(db: Db, provider: PaymentProvider, eventId: string): Promise<boolean> {
  const [seen] = await db
    .select({ id: paymentEvents.eventId })
    .from(paymentEvents)
    .where(and(eq(paymentEvents.provider, provider), eq(paymentEvents.eventId, eventId)));
  return seen !== undefined;
}

/** Records an event once; recording it again (a concurrent delivery) changes nothing. */
export async function recordPaymentEvent(
  db: Db,
  event: {
    provider: PaymentProvider;
    eventId: string;
    type: string;
    paymentRef: string | null;
    receivedAt: number;
  },
): Promise<void> {
  await db.insert(paymentEvents).values(event).onConflictDoNothing();
}
