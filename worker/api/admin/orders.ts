/**
 * Back office: orders. Reading needs orders:read (administrators, warehouse staff); status changes, notes, the
 * shipping address and resending the confirmation need orders:write (administrators). Writes answer 409 when the
 * order's state forbids them or another writer got there first, and change nothing then.
 */
import type { AdminOrderDetail } from '@db/repositories/admin-orders';
import { idSchema } from '@domain/core/id-schema';
import { AddressInputSchema } from '@domain/customers/address';
import {
  ORDER_PAGE_SIZE,
  OrderListQuery,
  StaffNoteInput,
  StatusChangeInput,
} from '@domain/orders/order-admin';
import { ORDER_STATUSES } from '@domain/orders/order-status';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '@worker/http/app-env';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { problemFrom, problemResponses } from '@worker/http/problem';
import { MoneyOut } from '@worker/http/schemas';
import { requirePermission } from '@worker/middleware/staff-guard';
import type { OrdersContext } from '@worker/services/orders/context';
import {
  addStaffNote,
  changeStatus,
  editShippingAddress,
  listOrders,
  orderDetail,
  resendConfirmation,
} from '@worker/services/orders/orders';
import { publicOrigin } from '@worker/services/shop/settings';
import type { Context } from 'hono';

const Status = z.enum(ORDER_STATUSES);
const OrderRow = z
  .object({
    id: z.string(),
    number: z.string(),
    email: z.string(),
    customerName: z.string().nullable(),
    status: Status,
    paymentStatus: z.string().nullable(),
    itemCount: z.number().int(),
    total: MoneyOut,
    placedAt: z.number().int(),
  })
  .openapi('AdminOrderRow');

const Address = z.record(z.string(), z.unknown());
const OrderOut = z
  .object({
    id: z.string(),
    number: z.string(),
    status: Status,
    email: z.string(),
    customerId: z.string().nullable(),
    placedAt: z.number().int(),
    updatedAt: z.number().int(),
    shippingMethod: z.string(),
    shippingAddress: Address,
    billingAddress: Address.nullable(),
    pricesIncludeTax: z.boolean(),
    subtotal: MoneyOut,
    discount: MoneyOut,
    shipping: MoneyOut,
    tax: MoneyOut,
    total: MoneyOut,
    lines: z.array(
      z.object({
        id: z.string(),
        sku: z.string(),
        productName: z.string(),
        variantLabel: z.string(),
        quantity: z.number().int(),
        unitAmount: z.number().int(),
        lineTotalAmount: z.number().int(),
        taxAmount: z.number().int(),
      }),
    ),
    payments: z.array(
      z.object({
        id: z.string(),
        provider: z.string(),
        status: z.string(),
        amount: MoneyOut,
        createdAt: z.number().int(),
      }),
    ),
    refunds: z.array(
      z.object({ id: z.string(), status: z.string(), amount: MoneyOut, reason: z.string().nullable() }),
    ),
    shipments: z.array(
      z.object({
        id: z.string(),
        carrier: z.string(),
        trackingNumber: z.string().nullable(),
        shippedAt: z.number().int().nullable(),
        deliveredAt: z.number().int().nullable(),
      }),
    ),
    timeline: z.array(
      z.object({
        id: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        actor: z.string().describe('`customer`, `system`, or a staff id'),
        actorName: z.string().nullable(),
        note: z.string().nullable(),
        at: z.number().int(),
      }),
    ),
  })
  .openapi('AdminOrder');

function orderView({ order: o, lines, payments, refunds, shipments, events }: AdminOrderDetail) {
  const money = (amount: number) => ({ amount, currency: o.currency });
  return {
    id: o.id,
    number: o.number,
    status: Status.parse(o.status),
    email: o.email,
    customerId: o.customerId,
    placedAt: o.placedAt,
    updatedAt: o.updatedAt,
    shippingMethod: o.shippingMethod,
    shippingAddress: JSON.parse(o.shippingAddress) as Record<string, unknown>,
    billingAddress: o.billingAddress ? (JSON.parse(o.billingAddress) as Record<string, unknown>) : null,
    pricesIncludeTax: o.pricesIncludeTax,
    subtotal: money(o.subtotalAmount),
    discount: money(o.discountAmount),
    shipping: money(o.shippingAmount),
    tax: money(o.taxAmount),
    total: money(o.totalAmount),
    lines: lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      productName: l.productName,
      variantLabel: l.variantLabel,
      quantity: l.quantity,
      unitAmount: l.unitAmount,
      lineTotalAmount: l.lineTotalAmount,
      taxAmount: l.taxAmount,
    })),
    payments: payments.map((p) => ({
      id: p.id,
      provider: p.provider,
      status: p.status,
      amount: { amount: p.amount, currency: p.currency },
      createdAt: p.createdAt,
    })),
    refunds: refunds.map((r) => ({
      id: r.id,
      status: r.status,
      amount: { amount: r.amount, currency: r.currency },
      reason: r.reason,
    })),
    shipments: shipments.map(({ orderId: _, ...s }) => s),
    timeline: events.map((e) => ({
      id: e.id,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: e.actor,
      actorName: e.actorName,
      note: e.note,
      at: e.createdAt,
    })),
  };
}

function ordersContext(c: Context<AppEnv>): OrdersContext {
  return {
    env: c.env,
    db: c.var.db,
    actor: c.var.staff!.principal,
    now: Date.now(),
    requestId: c.get('requestId'),
    origin: publicOrigin(c.env, c.req.url),
  };
}

const Params = z.object({ orderId: idSchema('order') });
const orderWrite = { ...problemResponses(401, 403, 404), ...writeResponses() };
const detailOk = { 200: jsonResponse('The order as it is now', OrderOut) };

export const adminOrders = newApi();

adminOrders
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/orders',
      tags: ['Admin'],
      summary: 'Orders, newest first, 50 a page; filters as on the order list page',
      description:
        '`q` matches the order number (exactly, `#` optional), the start of the email or of the name on the ' +
        'shipping address, or a SKU exactly. `from`/`to` are UTC days, both inclusive. `after` is the `next` ' +
        'cursor of the previous page.',
      middleware: [requirePermission('orders:read')],
      request: { query: OrderListQuery },
      responses: {
        200: jsonResponse(
          'One page of orders',
          z.object({ items: z.array(OrderRow), next: z.string().nullable(), pageSize: z.number().int() }),
        ),
        ...problemResponses(400, 401, 403),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { items, next } = await listOrders(c.var.db, c.req.valid('query'), Date.now());
      c.header('Cache-Control', 'private, no-store');
      return c.json(
        {
          items: items.map(({ totalAmount, currency, status, ...o }) => ({
            ...o,
            status: Status.parse(status),
            total: { amount: totalAmount, currency },
          })),
          next,
          pageSize: ORDER_PAGE_SIZE,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/orders/{orderId}',
      tags: ['Admin'],
      summary: 'One order: lines, totals, addresses, payments, refunds, shipments and its timeline',
      middleware: [requirePermission('orders:read')],
      request: { params: Params },
      responses: { ...detailOk, ...problemResponses(400, 401, 403, 404), ...faultResponses() },
    }),
    async (c) => {
      const found = await orderDetail(c.var.db, c.req.valid('param').orderId);
      if (!found.ok) throw problemFrom(found.error);
      c.header('Cache-Control', 'private, no-store');
      return c.json(orderView(found.value), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/orders/{orderId}/status',
      tags: ['Admin'],
      summary:
        'Move the order on (processing, shipped, delivered); 409 when the machine or a concurrent change forbids it',
      description:
        'Cancelling is not offered here yet: it must restock and refund, which a later release adds.',
      middleware: [requirePermission('orders:write')],
      request: { params: Params, body: jsonBody(StatusChangeInput.openapi('OrderStatusChange')) },
      responses: { ...detailOk, ...orderWrite },
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const changed = await changeStatus(ordersContext(c), orderId, c.req.valid('json'));
      if (!changed.ok) throw problemFrom(changed.error);
      const found = await orderDetail(c.var.db, orderId);
      if (!found.ok) throw problemFrom(found.error);
      return c.json(orderView(found.value), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/orders/{orderId}/notes',
      tags: ['Admin'],
      summary: "Add a staff note to the order's timeline",
      middleware: [requirePermission('orders:write')],
      request: { params: Params, body: jsonBody(StaffNoteInput.openapi('OrderNote')) },
      responses: { 201: jsonResponse('The order with the note in its timeline', OrderOut), ...orderWrite },
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const added = await addStaffNote(ordersContext(c), orderId, c.req.valid('json').note);
      if (!added.ok) throw problemFrom(added.error);
      const found = await orderDetail(c.var.db, orderId);
      if (!found.ok) throw problemFrom(found.error);
      return c.json(orderView(found.value), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/admin/orders/{orderId}/shipping-address',
      tags: ['Admin'],
      summary: 'Change the shipping address before the order ships (409 from then on)',
      middleware: [requirePermission('orders:write')],
      request: {
        params: Params,
        body: jsonBody(z.object({ address: AddressInputSchema }).strict().openapi('OrderShippingAddress')),
      },
      responses: { ...detailOk, ...orderWrite },
    }),
    async (c) => {
      const { orderId } = c.req.valid('param');
      const edited = await editShippingAddress(ordersContext(c), orderId, c.req.valid('json').address);
      if (!edited.ok) throw problemFrom(edited.error);
      const found = await orderDetail(c.var.db, orderId);
      if (!found.ok) throw problemFrom(found.error);
      return c.json(orderView(found.value), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/orders/{orderId}/resend-confirmation',
      tags: ['Admin'],
      summary: 'Email the order confirmation to the order’s address again',
      middleware: [requirePermission('orders:write')],
      request: { params: Params },
      responses: {
        202: jsonResponse('Sent', z.object({ message: z.string() })),
        ...orderWrite,
      },
    }),
    async (c) => {
      const sent = await resendConfirmation(ordersContext(c), c.req.valid('param').orderId);
      if (!sent.ok) throw problemFrom(sent.error);
      return c.json({ message: `Confirmation sent to ${sent.value.to}.` }, 202);
    },
  );
