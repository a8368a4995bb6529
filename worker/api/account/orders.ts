/** The signed-in shopper's order history and one order's detail, with status history and shipment tracking. */
import { findCustomerOrder, listCustomerOrders, type OrderRow } from '@db/repositories/customer-orders';
import { carrierLabel, trackingUrl } from '@domain/orders/shipments';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, newApi } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { MoneyOut } from '@worker/http/schemas';
import { requireCustomer } from '@worker/middleware/session';

const PAGE_SIZE = 20;

const OrderSummary = z
  .object({
    number: z.string(),
    status: z.string(),
    placedAt: z.number().int(),
    itemCount: z.number().int().optional(),
    total: MoneyOut,
  })
  .openapi('OrderSummary');

const OrderDetail = OrderSummary.extend({
  subtotal: MoneyOut,
  discount: MoneyOut,
  shipping: MoneyOut,
  tax: MoneyOut,
  shippingMethod: z.string(),
  shippingAddress: z.record(z.string(), z.unknown()),
  lines: z.array(
    z.object({
      sku: z.string(),
      productName: z.string(),
      variantLabel: z.string(),
      quantity: z.number().int(),
      unitPrice: MoneyOut,
      lineTotal: MoneyOut,
    }),
  ),
  shipments: z.array(
    z.object({
      carrier: z.string(),
      carrierName: z.string(),
      trackingNumber: z.string().nullable(),
      trackingUrl: z.string().nullable(),
      shippedAt: z.number().int().nullable(),
      deliveredAt: z.number().int().nullable(),
      lines: z.array(
        z.object({
          sku: z.string(),
          productName: z.string(),
          variantLabel: z.string(),
          quantity: z.number().int(),
        }),
      ),
    }),
  ),
  history: z.array(z.object({ status: z.string(), at: z.number().int() })),
}).openapi('OrderDetail');

const money = (amount: number, currency: string) => ({ amount, currency });
const summary = (o: OrderRow) => ({
  number: o.number,
  status: o.status,
  placedAt: o.placedAt,
  total: money(o.totalAmount, o.currency),
});

export const accountOrders = newApi();

accountOrders
  .openapi(
    createRoute({
      method: 'get',
      path: '/account/orders',
      tags: ['Account'],
      summary: 'Your orders, newest first',
      request: { query: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }).strict() },
      responses: {
        200: {
          description: 'One page of your orders',
          content: {
            'application/json': {
              schema: z.object({
                items: z.array(OrderSummary),
                total: z.number().int(),
                page: z.number().int(),
                pageSize: z.number().int(),
              }),
            },
          },
        },
        ...problemResponses(400, 401),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { principal } = await requireCustomer(c);
      const { page } = c.req.valid('query');
      const { items, total } = await listCustomerOrders(c.var.db, principal.id, {
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
      c.header('Cache-Control', 'private, no-store');
      return c.json({ items: items.map(summary), total, page, pageSize: PAGE_SIZE }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/account/orders/{number}',
      tags: ['Account'],
      summary: 'One of your orders, with its lines, status history and shipments',
      request: { params: z.object({ number: z.string().min(1).max(32) }) },
      responses: {
        200: { description: 'The order', content: { 'application/json': { schema: OrderDetail } } },
        ...problemResponses(400, 401, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { principal } = await requireCustomer(c);
      const found = await findCustomerOrder(c.var.db, principal.id, c.req.valid('param').number);
      if (!found) throw new ProblemError('NOT_FOUND', 'You have no order with that number.');
      const { order: o, lines, shipments, events } = found;
      c.header('Cache-Control', 'private, no-store');
      return c.json(
        {
          ...summary(o),
          itemCount: lines.reduce((n, l) => n + l.quantity, 0),
          subtotal: money(o.subtotalAmount, o.currency),
          discount: money(o.discountAmount, o.currency),
          shipping: money(o.shippingAmount, o.currency),
          tax: money(o.taxAmount, o.currency),
          shippingMethod: o.shippingMethod,
          shippingAddress: JSON.parse(o.shippingAddress) as Record<string, unknown>,
          lines: lines.map((l) => ({
            sku: l.sku,
            productName: l.productName,
            variantLabel: l.variantLabel,
            quantity: l.quantity,
            unitPrice: money(l.unitAmount, o.currency),
            lineTotal: money(l.lineTotalAmount, o.currency),
          })),
          shipments: shipments.map((s) => ({
            carrier: s.carrier,
            carrierName: carrierLabel(s.carrier),
            trackingNumber: s.trackingNumber,
            trackingUrl: trackingUrl(s.carrier, s.trackingNumber),
            shippedAt: s.shippedAt,
            deliveredAt: s.deliveredAt,
            lines: s.lines.map(({ orderLineId: _, ...l }) => l),
          })),
          history: events.map((e) => ({ status: e.toStatus, at: e.createdAt })),
        },
        200,
      );
    },
  );
