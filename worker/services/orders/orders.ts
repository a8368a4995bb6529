/**
 * Back office: orders. Reading (the filtered list, one order), and the staff writes: a status change along the
 * domain's machine, a note, the shipping address before fulfilment, the confirmation email again. Every write puts
 * its timeline row and its audit entry in the same batch as the change, guarded by the order's status (a
 * compare-and-set): a writer that lost a race, or saw a stale status, changes nothing and gets CONFLICT (409).
 *
 * Not here yet: cancelling (it must restock and refund; the next slice), shipments, returns and refunds.
 */

import type { Db } from '@db/client';
import {
  type AdminOrderDetail,
  appendAuditStatement,
  appendOrderEventStatement,
  findAdminOrder,
  findConfirmationToken,
  findOrderState,
  insertGuardedAuditStatement,
  insertOrderEventStatement,
  listAdminOrders,
  updateOrderStatusStatement,
  updateShippingAddressStatement,
} from '@db/repositories/admin-orders';
import { fail, ok, type Result } from '@domain/core/result';
import type { AddressInput } from '@domain/customers/address';
import {
  canEditShippingAddress,
  encodeOrderCursor,
  type OrderListQuery,
  type StatusChangeInput,
  statusLabel,
  toOrderListFilter,
} from '@domain/orders/order-admin';
import { type OrderStatus, OrderStatusSchema, transitionOrder } from '@domain/orders/order-status';
import { sendOrderConfirmation } from '@worker/services/checkout/order-mail';
import { type OrdersContext, orderAudit, staffEvent } from './context';

/** One page of the list and the cursor of the next (null on the last). */
export async function listOrders(db: Db, query: OrderListQuery, now: number) {
  const { items, next } = await listAdminOrders(db, toOrderListFilter(query, undefined, now));
  return { items, next: next ? encodeOrderCursor(next) : null };
}

/** One order with its lines, payments, refunds, shipments and timeline. */
export async function orderDetail(db: Db, id: string): Promise<Result<AdminOrderDetail>> {
  const found = await findAdminOrder(db, id);
  return found ? ok(found) : fail('NOT_FOUND', 'No order has this id.');
}

const lost = (number: string) =>
  fail<never>('CONFLICT', `Order ${number} was changed by someone else meanwhile; reload it and try again.`, {
    reason: 'concurrent_change',
  });

/** Moves the order on by `input.event`, if the machine allows it from the status it is in now. */
export async function changeStatus(
  ctx: OrdersContext,
  orderId: string,
  input: StatusChangeInput,
): Promise<Result<{ from: OrderStatus; to: OrderStatus }>> {
  const order = await findOrderState(ctx.db, orderId);
  if (!order) return fail('NOT_FOUND', 'No order has this id.');
  const from = OrderStatusSchema.parse(order.status);
  if (input.expectedStatus && input.expectedStatus !== from)
    return fail(
      'CONFLICT',
      `Order ${order.number} is ${statusLabel(from).toLowerCase()} now, not ${statusLabel(input.expectedStatus).toLowerCase()}; reload it.`,
      { reason: 'stale_status', status: from },
    );
  const next = transitionOrder(from, input.event);
  // An illegal transition is a conflict with the order's current state (409), with the events it does allow.
  if (!next.ok)
    return fail('CONFLICT', next.error.detail, { reason: 'invalid_transition', ...next.error.meta });
  const to = next.value;
  const [, , updated] = await ctx.db.batch([
    insertOrderEventStatement(ctx.db, staffEvent(ctx, orderId, from, to, input.note ?? null), from),
    insertGuardedAuditStatement(
      ctx.db,
      orderAudit(
        ctx,
        'order.status',
        orderId,
        { status: from },
        { status: to, event: input.event, note: input.note },
      ),
      orderId,
      from,
    ),
    updateOrderStatusStatement(ctx.db, orderId, from, to, ctx.now),
  ]);
  return updated.length === 1 ? ok({ from, to }) : lost(order.number);
}

/** A note on the order's timeline (its status is unchanged: from = to). */
export async function addStaffNote(ctx: OrdersContext, orderId: string, note: string): Promise<Result<null>> {
  const order = await findOrderState(ctx.db, orderId);
  if (!order) return fail('NOT_FOUND', 'No order has this id.');
  await ctx.db.batch([
    appendOrderEventStatement(ctx.db, staffEvent(ctx, orderId, order.status, order.status, note)),
    appendAuditStatement(ctx.db, orderAudit(ctx, 'order.note', orderId, null, { note })),
  ]);
  return ok(null);
}

/** Replaces the shipping address while nothing has shipped; refused (409) from shipping on. */
export async function editShippingAddress(
  ctx: OrdersContext,
  orderId: string,
  address: AddressInput,
): Promise<Result<AddressInput>> {
  const order = await findOrderState(ctx.db, orderId);
  if (!order) return fail('NOT_FOUND', 'No order has this id.');
  const status = OrderStatusSchema.parse(order.status);
  if (!canEditShippingAddress(status))
    return fail(
      'CONFLICT',
      `Order ${order.number} is ${statusLabel(status).toLowerCase()}: its shipping address can no longer change.`,
      { reason: 'address_locked', status },
    );
  const before = JSON.parse(order.shippingAddress) as unknown;
  const [, , updated] = await ctx.db.batch([
    insertOrderEventStatement(
      ctx.db,
      staffEvent(ctx, orderId, status, status, 'Shipping address changed'),
      status,
    ),
    insertGuardedAuditStatement(
      ctx.db,
      orderAudit(ctx, 'order.shipping_address', orderId, before, address),
      orderId,
      status,
    ),
    updateShippingAddressStatement(ctx.db, orderId, status, JSON.stringify(address), ctx.now),
  ]);
  return updated.length === 1 ? ok(address) : lost(order.number);
}

/** Sends the order confirmation again, to the order's email, through the checkout's own path. */
export async function resendConfirmation(
  ctx: OrdersContext,
  orderId: string,
): Promise<Result<{ to: string }>> {
  const found = await findAdminOrder(ctx.db, orderId);
  if (!found) return fail('NOT_FOUND', 'No order has this id.');
  const { order } = found;
  const token = await findConfirmationToken(ctx.db, orderId);
  if (!token)
    return fail(
      'CONFLICT',
      `Order ${order.number} was not placed through checkout: it has no confirmation to send.`,
      {
        reason: 'no_confirmation',
      },
    );
  const sent = await sendOrderConfirmation(ctx, token);
  if (!sent)
    return fail('CONFLICT', 'The email could not be sent; nothing was recorded. Try again later.', {
      reason: 'email_failed',
    });
  await ctx.db.batch([
    appendOrderEventStatement(
      ctx.db,
      staffEvent(ctx, orderId, order.status, order.status, `Order confirmation resent to ${order.email}`),
    ),
    appendAuditStatement(
      ctx.db,
      orderAudit(ctx, 'order.resend_confirmation', orderId, null, { to: order.email }),
    ),
  ]);
  return ok({ to: order.email });
}
