/**
 * Payment provider webhooks: `POST /api/webhooks/{provider}`. The body is read raw (signatures cover the exact bytes)
 * and verified before anything else; an event already handled answers 200 without acting again. An answer other than
 * 200 (an unknown payment, a provider out of reach, a placement still storing its payment) makes the provider retry.
 */
import { PaymentProviderSchema } from '@domain/checkout/payment';
import { createRoute, z } from '@hono/zod-openapi';
import { checkoutContext } from '@worker/api/store/checkouts';
import { jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { problemFrom, problemResponses } from '@worker/http/problem';
import { deliverWebhook } from '@worker/services/checkout/deliver';
import { handlePaymentWebhook } from '@worker/services/checkout/webhooks';

export const paymentWebhooks = newApi();

paymentWebhooks.openapi(
  createRoute({
    method: 'post',
    path: '/webhooks/{provider}',
    tags: ['Webhooks'],
    summary: 'A signed event from a payment provider',
    request: { params: z.object({ provider: PaymentProviderSchema }) },
    responses: {
      200: jsonResponse(
        'Received',
        z.object({ received: z.literal(true), outcome: z.enum(['handled', 'duplicate', 'ignored']) }),
      ),
      ...problemResponses(404),
      ...writeResponses(),
    },
  }),
  async (c) => {
    const ctx = await checkoutContext(c);
    const raw = await c.req.text();
    const result = await handlePaymentWebhook(
      ctx,
      c.req.valid('param').provider,
      raw,
      c.req.raw.headers,
      deliverWebhook(ctx),
    );
    if (!result.ok) throw problemFrom(result.error);
    return c.json({ received: true as const, outcome: result.value }, 200);
  },
);
