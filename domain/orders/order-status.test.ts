import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  isTerminalStatus,
  ORDER_EVENTS,
  ORDER_STATUSES,
  type OrderEvent,
  OrderEventSchema,
  type OrderStatus,
  OrderStatusSchema,
  transitionOrder,
} from './order-status';

// The expected machine, written out independently of the implementation's table.
const EXPECTED: Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus>>> = {
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

describe('transitionOrder: every status × event', () => {
  for (const status of ORDER_STATUSES) {
    for (const event of ORDER_EVENTS) {
      const next = EXPECTED[status][event];
      it(`${status} --${event}--> ${next ?? 'INVALID'}`, () => {
        const r = transitionOrder(status, event);
        if (next) {
          expect(r).toEqual({ ok: true, value: next });
        } else {
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.error.code).toBe('INVALID_TRANSITION');
            expect(r.error.meta).toEqual({ from: status, event, allowed: allowedEvents(status) });
          }
        }
      });
    }
  }
});

describe('business rules', () => {
  it('allows cancel only before shipping', () => {
    const cancellable = ORDER_STATUSES.filter((s) => transitionOrder(s, 'cancel').ok);
    expect(cancellable).toEqual(['pending', 'processing']);
  });

  it('explains a refused transition in words', () => {
    const r = transitionOrder('shipped', 'cancel');
    expect(r.ok ? null : r.error.detail).toBe('Cannot cancel an order that is shipped.');
    const r2 = transitionOrder('return_requested', 'start_processing');
    expect(r2.ok ? null : r2.error.detail).toBe('Cannot start processing an order that is return requested.');
  });

  it('walks the happy path and a return', () => {
    const path: OrderEvent[] = [
      'start_processing',
      'ship',
      'deliver',
      'request_return',
      'receive_return',
      'refund',
    ];
    let s: OrderStatus = 'pending';
    for (const e of path) {
      const r = transitionOrder(s, e);
      if (!r.ok) throw new Error(r.error.detail);
      s = r.value;
    }
    expect(s).toBe('refunded');
    expect(isTerminalStatus(s)).toBe(true);
  });

  it('lists allowed events in a stable order', () => {
    expect(allowedEvents('pending')).toEqual(['start_processing', 'cancel']);
    expect(allowedEvents('delivered')).toEqual(['request_return', 'partial_refund', 'refund']);
    expect(allowedEvents('refunded')).toEqual([]);
  });

  it('has exactly one terminal status and every status reachable from pending', () => {
    expect(ORDER_STATUSES.filter(isTerminalStatus)).toEqual(['refunded']);
    const seen = new Set<OrderStatus>(['pending']);
    const queue: OrderStatus[] = ['pending'];
    while (queue.length) {
      const s = queue.shift()!;
      for (const e of allowedEvents(s)) {
        const r = transitionOrder(s, e);
        if (r.ok && !seen.has(r.value)) {
          seen.add(r.value);
          queue.push(r.value);
        }
      }
    }
    expect([...seen].sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('validates statuses and events with zod', () => {
    expect(OrderStatusSchema.safeParse('shipped').success).toBe(true);
    expect(OrderStatusSchema.safeParse('lost').success).toBe(false);
    expect(OrderEventSchema.safeParse('refund').success).toBe(true);
    expect(OrderEventSchema.safeParse('toString').success).toBe(false);
  });
});
