/**
 * The warehouse tablet's API: the fulfilment queue (fulfilment:read) and picks, pack, ship and notes
 * (fulfilment:write). Every write carries the order version the tablet saw; a stale, cancelled or shipped order is a
 * 409 ORDER_CHANGED with the server's side in `meta.current`, and nothing is written. Writes take an
 * Idempotency-Key (the outbox entry's UUID): picks and pack replays answer with the order as it is now, a ship
 * replay with the first shipment.
 */
import { idSchema } from '@domain/core/id-schema';
import type { DomainError } from '@domain/core/result';
import { PackInput, PicksInput, WarehouseNoteInput, WarehouseShipInput } from '@domain/fulfilment/warehouse';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '@worker/http/app-env';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import {
  addWarehouseNote,
  packOrder,
  recordPicks,
  shipOrder,
  warehouseQueue,
} from '@worker/services/fulfilment/warehouse';
import type { OrdersContext } from '@worker/services/orders/context';
import { publicOrigin } from '@worker/services/shop/settings';
import type { Context } from 'hono';
import { NoteOut, QueueOut, ShippedOut, WarehouseOrderOut } from './schemas';

const Params = z.object({ orderId: idSchema('order') });
const CURSOR = /^(\d{1,15}):(ord_[A-Za-z0-9_-]{1,60})$/;

function context(c: Context<AppEnv>): OrdersContext {
  return {
    env: c.env,
    db: c.var.db,
    actor: c.var.staff!.principal,
    now: Date.now(),
    requestId: c.get('requestId'),
    origin: publicOrigin(c.env, c.req.url),
  };
}

/** A domain failure as a problem; field errors of a validation failure go where every 400 has them. */
function problemOf(error: DomainError): ProblemError {
  const { errors, ...meta } = error.meta ?? {};
  return new ProblemError(error.code, error.detail, {
    ...(Array.isArray(errors) ? { errors: errors as { path: string; message: string }[] } : {}),
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
  });
}

/** A replay of this write re-reads the order (its body may exceed what the idempotency store keeps). */
function replayAsOrder(c: Context<AppEnv>, orderId: string) {
  c.set('idempotencyReplay', `warehouse:${orderId}`);
}

const conflict = {
  409: {
    description:
      'ORDER_CHANGED: the order is not the version sent, or was cancelled or shipped; `meta.reason` says which and ' +
      '`meta.current` is the server’s side. Nothing was written. (Also IDEMPOTENCY_IN_PROGRESS.)',
    content: problemResponses(409)[409]!.content,
  },
};

export const warehouse = newApi();

warehouse
  .openapi(
    createRoute({
      method: 'get',
      path: '/warehouse/queue',
      tags: ['Warehouse'],
      summary: 'Orders to fulfil: pending or processing, paid, units left to ship; oldest first, 200 a page',
      middleware: [requirePermission('fulfilment:read')],
      request: {
        query: z
          .object({
            after: z
              .string()
              .regex(CURSOR, 'Expected the `next` of the previous page.')
              .optional()
              .openapi({ description: 'The `next` of the previous page' }),
          })
          .strict(),
      },
      responses: {
        200: jsonResponse('The queue', QueueOut),
        ...problemResponses(400, 401, 403),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { after } = c.req.valid('query');
      const m = after ? CURSOR.exec(after) : null;
      const page = await warehouseQueue(
        { db: c.var.db },
        m ? { placedAt: Number(m[1]), id: m[2] as string } : null,
      );
      const staff = c.var.staff!.principal;
      c.header('Cache-Control', 'private, no-store');
      return c.json(
        {
          staff: { id: staff.id, name: staff.name },
          generatedAt: Date.now(),
          orders: page.orders,
          next: page.next ? `${page.next.placedAt}:${page.next.id}` : null,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/warehouse/orders/{orderId}/picks',
      tags: ['Warehouse'],
      summary: 'Set picked counts of lines (absolute: 0 to quantity − shipped), so replays converge',
      middleware: [requirePermission('fulfilment:write')],
      request: { params: Params, body: jsonBody(PicksInput.openapi('WarehousePicks')) },
      responses: {
        200: jsonResponse('The order after the picks', WarehouseOrderOut),
        ...problemResponses(401, 403, 404),
        ...writeResponses(),
        ...conflict,
      },
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const done = await recordPicks(context(c), orderId, c.req.valid('json'));
      if (!done.ok) throw problemOf(done.error);
      replayAsOrder(c, orderId);
      return c.json(done.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/warehouse/orders/{orderId}/pack',
      tags: ['Warehouse'],
      summary: 'Mark the order packed; a pending order moves to processing',
      middleware: [requirePermission('fulfilment:write')],
      request: { params: Params, body: jsonBody(PackInput.openapi('WarehousePack')) },
      responses: {
        200: jsonResponse('The order after packing', WarehouseOrderOut),
        ...problemResponses(401, 403, 404),
        ...writeResponses(),
        ...conflict,
      },
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const done = await packOrder(context(c), orderId, c.req.valid('json'));
      if (!done.ok) throw problemOf(done.error);
      replayAsOrder(c, orderId);
      return c.json(done.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/warehouse/orders/{orderId}/ship',
      tags: ['Warehouse'],
      summary: 'Ship every unit left in one parcel (the customer is emailed the tracking link)',
      middleware: [requirePermission('fulfilment:write')],
      request: { params: Params, body: jsonBody(WarehouseShipInput.openapi('WarehouseShip')) },
      responses: {
        201: jsonResponse('Shipped', ShippedOut),
        200: jsonResponse('This Idempotency-Key already shipped this order: the first shipment', ShippedOut),
        ...problemResponses(401, 403, 404),
        ...writeResponses(),
        ...conflict,
      },
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const done = await shipOrder(context(c), orderId, c.req.valid('json'), c.req.header('Idempotency-Key'));
      if (!done.ok) throw problemOf(done.error);
      const { created, ...body } = done.value;
      return c.json(body, created ? 201 : 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/warehouse/orders/{orderId}/notes',
      tags: ['Warehouse'],
      summary: "A staff note on the order's timeline (does not change the order's version)",
      middleware: [requirePermission('fulfilment:write')],
      request: { params: Params, body: jsonBody(WarehouseNoteInput.openapi('WarehouseNote')) },
      responses: {
        201: jsonResponse('The note', NoteOut),
        ...problemResponses(401, 403, 404),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const done = await addWarehouseNote(context(c), orderId, c.req.valid('json').note);
      if (!done.ok) throw problemOf(done.error);
      return c.json(done.value, 201);
    },
  );
