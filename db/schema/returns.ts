/** Customer returns of shipped units: the return (its state and who moved it) and what each of its lines holds. */

import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orderLines, orders } from './orders';

/**
 * A return of some units of an order. `status` is a domain ReturnStatus (domain/orders/returns.ts); each step keeps
 * who did it and when (`requested_by` is the customer's id, or null for a guest through the order link).
 */
export const returns = sqliteTable(
  'returns',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** Short reference shown to the shopper and staff: `<order number>-R<n>`. */
    number: text('number').notNull(),
    status: text('status').notNull(),
    /** The reasons of its lines, e.g. "Too small, Changed my mind" (the list and emails show it). */
    reasonSummary: text('reason_summary').notNull(),
    customerNote: text('customer_note'),
    /** Why staff rejected it, or their note when approving. */
    decisionReason: text('decision_reason'),
    requestedBy: text('requested_by'),
    requestedAt: integer('requested_at').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at'),
    receivedBy: text('received_by'),
    receivedAt: integer('received_at'),
    /** The client's Idempotency-Key: a replayed request finds this return, not a second. */
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    index('returns_order_idx').on(t.orderId),
    uniqueIndex('returns_number_idx').on(t.number),
    uniqueIndex('returns_order_key_idx').on(t.orderId, t.idempotencyKey),
    index('returns_status_idx').on(t.status, t.requestedAt),
  ],
);

/** Units of one order line in a return, why, and (once received) what became of them. */
export const returnLines = sqliteTable(
  'return_lines',
  {
    returnId: text('return_id')
      .notNull()
      .references(() => returns.id, { onDelete: 'cascade' }),
    orderLineId: text('order_line_id')
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    restocked: integer('restocked'),
    damaged: integer('damaged'),
    missing: integer('missing'),
  },
  (t) => [
    primaryKey({ columns: [t.returnId, t.orderLineId] }),
    // The units of a line already in returns: summed by the guard of every new return.
    index('return_lines_line_idx').on(t.orderLineId),
    check('return_lines_quantity_check', sql`${t.quantity} > 0`),
    check(
      'return_lines_receipt_check',
      sql`coalesce(${t.restocked}, 0) + coalesce(${t.damaged}, 0) + coalesce(${t.missing}, 0) <= ${t.quantity}`,
    ),
  ],
);
