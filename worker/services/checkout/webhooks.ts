/**
 * Provider webhooks: verify the signature over the raw body, skip an event already handled (by provider and event
 * id), then bring the payment's checkout in line with the provider's own state: one transition per event, whatever
 * order events (and the shopper's browser) arrive in.
 */
import { paymentEvents } from '@db/schema';
import type { PaymentProvider } from '@domain/checkout/payment';
import { ok, type Result } from '@domain/core/result';
import { and, eq } from 'drizzle-orm';
import { syncPayment } from './complete';
import type { CheckoutContext } from './context';
import { gatewayFor } from './gateways';

export type WebhookOutcome = 'handled' | 'duplicate' | 'ignored';

export async function handlePaymentWebhook(
  ctx: CheckoutContext,
  provider: PaymentProvider,
  rawBody: string,
  headers: Headers,
  deliver: Parameters<typeof gatewayFor>[3],
): Promise<Result<WebhookOutcome>> {
  const gateway = gatewayFor(ctx.env, ctx.db, provider, deliver);
  if (!gateway.ok) return gateway;
  const event = await gateway.value.verifyWebhook(rawBody, headers, ctx.now);
  if (!event.ok) return event;
  const { id, type, paymentRef } = event.value;
  const [seen] = await ctx.db
    .select({ id: paymentEvents.eventId })
    .from(paymentEvents)
    .where(and(eq(paymentEvents.provider, provider), eq(paymentEvents.eventId, id)));
  if (seen) return ok('duplicate');
  let outcome: WebhookOutcome = 'ignored';
  if (paymentRef && type !== 'other' && type !== 'payment.refunded' && type !== 'dispute.created') {
    const synced = await syncPayment(ctx, gateway.value, paymentRef);
    // A declined payment or a stale attempt is an answer, not a failure of the webhook: the provider must not retry.
    if (!synced.ok && synced.error.code === 'NOT_FOUND') return synced;
    outcome = 'handled';
  }
  // Recorded after acting, so an event whose handling failed is handled again when the provider retries it.
  await ctx.db
    .insert(paymentEvents)
    .values({ provider, eventId: id, type, paymentRef, receivedAt: ctx.now })
    .onConflictDoNothing();
  return ok(outcome);
}
