/**
 * Provider webhooks: verify the signature over the raw body, skip an event already handled (by provider and event
 * id), then bring the payment's checkout in line with the provider's own state: one transition per event, whatever
 * order events (and the shopper's browser) arrive in.
 */
import { confirmProviderRefunds } from '@db/repositories/order-refunds';
import { paymentEventSeen, recordPaymentEvent } from '@db/repositories/payment-events';
import type { PaymentProvider } from '@domain/checkout/payment';
import { ok, type Result } from '@domain/core/result';
import { syncPayment } from './complete';
import type { CheckoutContext } from './context';
import { gatewayFor } from './gateways';

export type WebhookOutcome = 'handled' | 'duplicate' | 'ignored';

/** Failures the provider is told about (not recorded), so it delivers the event again later. */
const RETRIED: readonly string[] = ['NOT_FOUND', 'PAYMENT_METHOD_UNAVAILABLE', 'PLACEMENT_IN_PROGRESS'];

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
  if (await paymentEventSeen(ctx.db, provider, id)) return ok('duplicate');
  let outcome: WebhookOutcome = 'ignored';
  if (paymentRef && type !== 'other' && type !== 'payment.refunded' && type !== 'dispute.created') {
    const synced = await syncPayment(ctx, gateway.value, paymentRef);
    // A declined payment or a stale attempt is an answer, not a failure of the webhook: the provider must not retry.
    // An unknown payment, a provider we could not reach to read it, or a placement still under way is: the event
    // stays unrecorded and comes back.
    if (!synced.ok && RETRIED.includes(synced.error.code)) return synced;
    outcome = 'handled';
  }
  if (type === 'payment.refunded' && event.value.refundRefs?.length) {
    // A refund the shop asked for is confirmed (pending → succeeded) once, however often the event comes.
    await confirmProviderRefunds(ctx.db, event.value.refundRefs, ctx.now);
    outcome = 'handled';
  }
  // Recorded after acting, so an event whose handling failed is handled again when the provider retries it.
  await recordPaymentEvent(ctx.db, {
    provider,
    eventId: id,
    type,
    paymentRef: paymentRef ?? null,
    receivedAt: ctx.now,
  });
  return ok(outcome);
}
