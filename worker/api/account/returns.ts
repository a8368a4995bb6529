/**
 * The signed-in shopper's returns of one of their orders: list them, and start one (some shipped units of some
 * lines, each with a reason) within the store's return window. Someone else's order answers 404 like one that does
 * not exist. Send an Idempotency-Key: the same request again answers with the first return.
 */
import { findCustomerOrderId } from '@db/repositories/returns';
import { ReturnRequestInput } from '@domain/orders/returns';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemFrom, problemResponses } from '@worker/http/problem';
import { ReturnOut, returnView } from '@worker/http/returns-view';
import { requireCustomer } from '@worker/middleware/session';
import { orderReturns, requestReturn } from '@worker/services/orders/returns';

const Params = z.object({ number: z.string().min(1).max(32) });
const NOT_YOURS = 'You have no order with that number.';

export const accountReturns = newApi();

accountReturns
  .openapi(
    createRoute({
      method: 'get',
      path: '/account/orders/{number}/returns',
      tags: ['Account'],
      summary: 'The returns of one of your orders, oldest first',
      request: { params: Params },
      responses: {
        200: jsonResponse('The returns', z.object({ items: z.array(ReturnOut) })),
        ...problemResponses(400, 401, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { principal } = await requireCustomer(c);
      const orderId = await findCustomerOrderId(c.var.db, principal.id, c.req.valid('param').number);
      if (!orderId) throw new ProblemError('NOT_FOUND', NOT_YOURS);
      const listed = await orderReturns(c.var.db, orderId);
      if (!listed.ok) throw problemFrom(listed.error);
      c.header('Cache-Control', 'private, no-store');
      return c.json({ items: listed.value.map(returnView) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/account/orders/{number}/returns',
      tags: ['Account'],
      summary: 'Start a return of some shipped units of your order, each with a reason',
      description:
        'Within the return window (days after delivery, or after the last parcel when it was never marked ' +
        'delivered): 409 `outside_window` after it, `not_shipped` before anything shipped. More units than were ' +
        'shipped and not yet returned is a 409 `over_returned` and writes nothing. `other` needs a note. Staff ' +
        'then approve or reject it; you are emailed either way.',
      request: { params: Params, body: jsonBody(ReturnRequestInput.openapi('ReturnRequestInput')) },
      responses: {
        201: jsonResponse('The return was requested', ReturnOut),
        200: jsonResponse('This Idempotency-Key already made this return', ReturnOut),
        ...problemResponses(401, 404),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const { principal } = await requireCustomer(c);
      const orderId = await findCustomerOrderId(c.var.db, principal.id, c.req.valid('param').number);
      if (!orderId) throw new ProblemError('NOT_FOUND', NOT_YOURS);
      const made = await requestReturn(
        { db: c.var.db, now: Date.now(), customerId: principal.id },
        orderId,
        c.req.valid('json'),
        c.req.header('Idempotency-Key'),
      );
      if (!made.ok) throw problemFrom(made.error);
      return c.json(returnView(made.value.return), made.value.created ? 201 : 200);
    },
  );
