/**
 * Back office: cancelling and refunding orders (orders:write: administrators; warehouse staff may fulfil but never
 * return money). A refund over what is left of the captured payment, a cancellation after shipping, or a refund the
 * order's status does not allow answers 409 and writes nothing.
 */
import { idSchema } from '@domain/core/id-schema';
import { ORDER_STATUSES } from '@domain/orders/order-status';
import { CancelOrderInput, RefundInput } from '@domain/orders/refunds';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '@worker/http/app-env';
import { jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { problemFrom, problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import { cancelOrder, type RefundsContext, refundOrder } from '@worker/services/orders/refunds';
import { publicOrigin } from '@worker/services/shop/settings';
import type { Context } from 'hono';

const Params = z.object({ orderId: idSchema('order') });
const Outcome = z
  .object({
    refundId: z.string().nullable(),
    amount: z.number().int().describe('Minor units refunded (requested from the provider)'),
    status: z.enum(ORDER_STATUSES),
  })
  .openapi('OrderRefundOutcome');
const responses = { ...problemResponses(401, 403, 404), ...writeResponses() };

function refundsContext(c: Context<AppEnv>): RefundsContext {
  return {
    env: c.env,
    db: c.var.db,
    actor: c.var.staff!.principal,
    now: Date.now(),
    requestId: c.get('requestId'),
    origin: publicOrigin(c.env, c.req.url),
    waitUntil: (p) => c.executionCtx.waitUntil(p),
  };
}

export const adminOrderRefunds = newApi();

adminOrderRefunds
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/orders/{orderId}/cancel',
      tags: ['Admin'],
      summary:
        'Cancel an order before it ships: refunds the captured payment in full; restocks only when asked',
      middleware: [requirePermission('orders:write')],
      request: { params: Params, body: jsonBody(CancelOrderInput.openapi('OrderCancel')) },
      responses: { 200: jsonResponse('Cancelled', Outcome), ...responses },
    }),
    async (c) => {
      const done = await cancelOrder(refundsContext(c), c.req.valid('param').orderId, c.req.valid('json'));
      if (!done.ok) throw problemFrom(done.error);
      return c.json(done.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/orders/{orderId}/refunds',
      tags: ['Admin'],
      summary:
        'Refund lines or an amount (less a restocking fee and return shipping), never more than captured',
      description:
        'The refund is recorded as pending and sent to the payment provider with an Idempotency-Key derived from ' +
        "its id; the provider's webhook confirms it. `restock` puts the refunded lines' units back in stock.",
      middleware: [requirePermission('orders:write')],
      request: { params: Params, body: jsonBody(RefundInput.openapi('OrderRefund')) },
      responses: { 201: jsonResponse('Refund requested', Outcome), ...responses },
    }),
    async (c) => {
      const done = await refundOrder(refundsContext(c), c.req.valid('param').orderId, c.req.valid('json'));
      if (!done.ok) throw problemFrom(done.error);
      return c.json(done.value, 201);
    },
  );
