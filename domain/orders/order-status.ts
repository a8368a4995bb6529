/** The order lifecycle as a state machine: which events may happen in which status. */

import { fail, ok, type Result } from '@domain/core/result';
import { z } from 'zod';

/** Every status an order can be in. */
export const ORDER_STATUSES = [
  'pending',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
  'return_requested',
  'returned',
  'partially_refunded',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const OrderStatusSchema = z.enum(ORDER_STATUSES);

/** Everything that can happen to an order. */
export const ORDER_EVENTS = [
  'start_processing',
  'ship',
  'deliver',
  'cancel',
  'request_return',
  'reject_return',
  'receive_return',
  'partial_refund',
  'refund',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];
export const OrderEventSchema = z.enum(ORDER_EVENTS);

/*
 * The whole machine in one table. Notes on the choices:
 * - cancel only before the parcel leaves (pending, processing); afterwards it is a return.
 * - a cancelled order may still be refunded: payment may have been captured before the cancel.
 * - refund (full) and partial_refund are separate events because the status must say whether money
 *   is still held; the caller picks the event by comparing refunded to paid amounts.
 * - partially_refunded stays open for more partial refunds, a full refund, or a return of the rest.
 * - refunded is terminal.
 */
const TRANSITIONS: Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus>>> = {
  pending: { start_processing: 'processing', cancel: 'cancelled' },
  processing: { ship: 'shipped', cancel: 'cancelled' },
  shipped: { deliver: 'delivered' },
  delivered: { request_return: 'return_requested', partial_refund: 'partially_refunded', refund: 'refunded' },
  cancelled: { refund: 'refunded' },
  return_requested: { receive_return: 'returned', reject_return: 'delivered' },
  returned: { partial_refund: 'partially_refunded', refund: 'refunded' },
  partially_refunded: {
    partial_refund: 'partially_refunded',
    refund: 'refunded',
    request_return: 'return_requested',
  },
  refunded: {},
};

/** The status after `event`, or INVALID_TRANSITION (meta `{ from, event, allowed }`). */
export function transitionOrder(status: OrderStatus, event: OrderEvent): Result<OrderStatus> {
  const row = Object.hasOwn(TRANSITIONS, status) ? TRANSITIONS[status] : {};
  const next = Object.hasOwn(row, event) ? row[event] : undefined;
  if (next) return ok(next);
  return fail(
    'INVALID_TRANSITION',
    `Cannot ${event.replaceAll('_', ' ')} an order that is ${status.replaceAll('_', ' ')}.`,
    {
      from: status,
      event,
      allowed: allowedEvents(status),
    },
  );
}

/** Events valid in `status`, in a stable order (for admin buttons). */
export function allowedEvents(status: OrderStatus): OrderEvent[] {
  const row = Object.hasOwn(TRANSITIONS, status) ? TRANSITIONS[status] : {};
  return ORDER_EVENTS.filter((e) => Object.hasOwn(row, e));
}

/** True when nothing more can happen to the order. */
export const isTerminalStatus = (status: OrderStatus): boolean => allowedEvents(status).length === 0;
