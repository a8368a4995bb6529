/** How the test gateway's webhooks reach the shop: handed to the webhook handler after the response, maybe late. */
import type { DeliverWebhook } from '@worker/integrations/payments/test-gateway';
import type { CheckoutContext } from './context';
import { handlePaymentWebhook } from './webhooks';

/** A DeliverWebhook that runs the shop's own webhook handling, as the gateway's POST to /api/webhooks/test would. */
export function deliverWebhook(ctx: CheckoutContext): DeliverWebhook {
  const deliver: DeliverWebhook = (body, headers, delayMs) => {
    ctx.waitUntil(
      (async () => {
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        try {
          await handlePaymentWebhook(
            { ...ctx, now: Date.now() },
            'test',
            body,
            new Headers(headers),
            deliver,
          );
        } catch (error) {
          console.error(
            JSON.stringify({ level: 'error', event: 'test-webhook-failed', error: String(error) }),
          );
        }
      })(),
    );
  };
  return deliver;
}
