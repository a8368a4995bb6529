/**
 * Back office: an order's returns. Reading needs returns:read; approving, rejecting (with a reason) and receiving need
 * returns:write (administrators and warehouse staff). Receiving records per line what was restocked, damaged or
 * missing and puts the restocked units back on sale; it does not refund (that is POST /admin/orders/{orderId}/refunds).
 * A step the return's status does not allow (receive a rejected return, approve twice) is a 409.
 */
import { idSchema } from '@domain/core/id-schema';
import { ApproveReturnInput, ReceiveReturnInput, RejectReturnInput } from '@domain/orders/returns';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '@worker/http/app-env';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { problemFrom, problemResponses } from '@worker/http/problem';
import { StaffReturnOut, staffReturnView } from '@worker/http/returns-view';
import { requirePermission } from '@worker/middleware/staff-guard';
import {
  decideReturn,
  orderReturns,
  receiveReturn,
  type StaffReturnsContext,
} from '@worker/services/orders/returns';
import { publicOrigin } from '@worker/services/shop/settings';
import type { Context } from 'hono';

const OrderParams = z.object({ orderId: idSchema('order') });
const Params = OrderParams.extend({ returnId: idSchema('return') });
const responses = { ...problemResponses(401, 403, 404), ...writeResponses() };

function returnsContext(c: Context<AppEnv>): StaffReturnsContext {
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

export const adminOrderReturns = newApi();

adminOrderReturns
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/orders/{orderId}/returns',
      tags: ['Admin'],
      summary: "The order's returns, oldest first, with their lines and who moved them",
      middleware: [requirePermission('returns:read')],
      request: { params: OrderParams },
      responses: {
        200: jsonResponse('The returns', z.object({ items: z.array(StaffReturnOut) })),
        ...problemResponses(400, 401, 403, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const listed = await orderReturns(c.var.db, c.req.valid('param').orderId);
      if (!listed.ok) throw problemFrom(listed.error);
      c.header('Cache-Control', 'private, no-store');
      return c.json({ items: listed.value.map(staffReturnView) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/orders/{orderId}/returns/{returnId}/approve',
      tags: ['Admin'],
      summary: 'Approve a requested return (the customer is emailed to send it back)',
      middleware: [requirePermission('returns:write')],
      request: { params: Params, body: jsonBody(ApproveReturnInput.openapi('ReturnApproval')) },
      responses: { 200: jsonResponse('Approved', StaffReturnOut), ...responses },
    }),
    async (c) => {
      const { orderId, returnId } = c.req.valid('param');
      const done = await decideReturn(returnsContext(c), orderId, returnId, {
        approve: true,
        input: c.req.valid('json'),
      });
      if (!done.ok) throw problemFrom(done.error);
      return c.json(staffReturnView(done.value), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/orders/{orderId}/returns/{returnId}/reject',
      tags: ['Admin'],
      summary:
        'Reject a requested return with a reason the customer is emailed; its units may be asked for again',
      middleware: [requirePermission('returns:write')],
      request: { params: Params, body: jsonBody(RejectReturnInput.openapi('ReturnRejection')) },
      responses: { 200: jsonResponse('Rejected', StaffReturnOut), ...responses },
    }),
    async (c) => {
      const { orderId, returnId } = c.req.valid('param');
      const done = await decideReturn(returnsContext(c), orderId, returnId, {
        approve: false,
        input: c.req.valid('json'),
      });
      if (!done.ok) throw problemFrom(done.error);
      return c.json(staffReturnView(done.value), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/orders/{orderId}/returns/{returnId}/receive',
      tags: ['Admin'],
      summary: 'Record what arrived of an approved return: per line restocked, damaged and missing units',
      description:
        'Every line of the return once; restocked + damaged + missing at most the units returned. Restocked units ' +
        'go back on sale (stock ledger reason `return`). Send an Idempotency-Key; the same receipt again answers ' +
        '200 and restocks nothing twice. No refund is made: refund from the order separately.',
      middleware: [requirePermission('returns:write')],
      request: { params: Params, body: jsonBody(ReceiveReturnInput.openapi('ReturnReceipt')) },
      responses: {
        200: jsonResponse('Received (or this receipt was already recorded)', StaffReturnOut),
        ...responses,
      },
    }),
    async (c) => {
      const { orderId, returnId } = c.req.valid('param');
      const done = await receiveReturn(returnsContext(c), orderId, returnId, c.req.valid('json'));
      if (!done.ok) throw problemFrom(done.error);
      return c.json(staffReturnView(done.value.return), 200);
    },
  );
