/**
 * Back office: an order's shipments. Shipping needs fulfilment:write (warehouse staff, administrators); reading the
 * parcels needs orders:read. A shipment sent again with the same Idempotency-Key (the warehouse app replays its
 * offline outbox) answers with the first shipment and makes no second one.
 */
import type { ShipmentWithLines } from '@db/repositories/shipments';
import { idSchema } from '@domain/core/id-schema';
import { CARRIERS, carrierLabel, ShipmentInput, trackingUrl } from '@domain/orders/shipments';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { problemFrom, problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import { createShipment, orderShipments } from '@worker/services/orders/shipments';
import { publicOrigin } from '@worker/services/shop/settings';

const ShipmentOut = z
  .object({
    id: z.string(),
    carrier: z.string().openapi({ description: `One of ${CARRIERS.join(', ')}` }),
    carrierName: z.string(),
    trackingNumber: z.string().nullable(),
    trackingUrl: z
      .string()
      .nullable()
      .openapi({ description: "The carrier's tracking page; null for `other`" }),
    shippedAt: z.number().int().nullable(),
    deliveredAt: z.number().int().nullable(),
    createdBy: z.string().nullable(),
    lines: z.array(
      z.object({
        orderLineId: z.string(),
        sku: z.string(),
        productName: z.string(),
        variantLabel: z.string(),
        quantity: z.number().int(),
      }),
    ),
  })
  .openapi('Shipment');

function shipmentView(s: ShipmentWithLines) {
  return {
    id: s.id,
    carrier: s.carrier,
    carrierName: carrierLabel(s.carrier),
    trackingNumber: s.trackingNumber,
    trackingUrl: trackingUrl(s.carrier, s.trackingNumber),
    shippedAt: s.shippedAt,
    deliveredAt: s.deliveredAt,
    createdBy: s.createdBy,
    lines: s.lines,
  };
}

const Params = z.object({ orderId: idSchema('order') });

export const adminOrderShipments = newApi();

adminOrderShipments
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/orders/{orderId}/shipments',
      tags: ['Admin'],
      summary: "The order's parcels, oldest first, with carrier, tracking link and the units in each",
      middleware: [requirePermission('orders:read')],
      request: { params: Params },
      responses: {
        200: jsonResponse('The parcels', z.object({ items: z.array(ShipmentOut) })),
        ...problemResponses(400, 401, 403, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const listed = await orderShipments({ db: c.var.db }, c.req.valid('param').orderId);
      if (!listed.ok) throw problemFrom(listed.error);
      c.header('Cache-Control', 'private, no-store');
      return c.json({ items: listed.value.map(shipmentView) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/orders/{orderId}/shipments',
      tags: ['Admin'],
      summary: 'Ship some or all of the units left: a parcel with a carrier and tracking number',
      description:
        'The order must be pending or processing; it becomes `shipped` when this parcel holds the last units, else ' +
        'stays `processing`. More units than are left, or a concurrent shipment that took them first, is a 409 and ' +
        'writes nothing. Send an Idempotency-Key: the same request again answers with the first shipment. The ' +
        'customer is emailed the carrier, tracking number and link.',
      middleware: [requirePermission('fulfilment:write')],
      request: { params: Params, body: jsonBody(ShipmentInput.openapi('ShipmentInput')) },
      responses: {
        201: jsonResponse('The shipment was made', ShipmentOut),
        200: jsonResponse('This Idempotency-Key already made this shipment', ShipmentOut),
        ...problemResponses(401, 403, 404),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const shipped = await createShipment(
        {
          env: c.env,
          db: c.var.db,
          actor: c.var.staff!.principal,
          now: Date.now(),
          requestId: c.get('requestId'),
          origin: publicOrigin(c.env, c.req.url),
        },
        orderId,
        c.req.valid('json'),
        c.req.header('Idempotency-Key'),
      );
      if (!shipped.ok) throw problemFrom(shipped.error);
      return c.json(shipmentView(shipped.value.shipment), shipped.value.created ? 201 : 200);
    },
  );
