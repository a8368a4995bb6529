/** Orders and everything that happens to them: lines, payments, refunds, shipments and the status history. */

import { PAYMENT_PROVIDERS } from '@domain/checkout/payment';
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * A placed order. Amounts are integer minor units in `currency`; the shipping address is a JSON snapshot so later
 * edits to the customer's address book never rewrite history. `status` values come from the domain state machine.
 */
export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    /** Human-readable number shown to shoppers and staff, e.g. `1001`. */
    number: text('number').notNull().unique(),
    customerId: text('customer_id'),
    email: text('email').notNull(),
    status: text('status').notNull(),
    currency: text('currency').notNull(),
    subtotalAmount: integer('subtotal_amount').notNull(),
    discountAmount: integer('discount_amount').notNull().default(0),
    shippingAmount: integer('shipping_amount').notNull().default(0),
    taxAmount: integer('tax_amount').notNull().default(0),
    totalAmount: integer('total_amount').notNull(),
    /** JSON: { name, line1, line2, city, region, postalCode, country, phone }. */
    shippingAddress: text('shipping_address').notNull(),
    /** JSON, same shape as shippingAddress; null when equal to it. */
    billingAddress: text('billing_address'),
    shippingMethod: text('shipping_method').notNull(),
    discountCode: text('discount_code'),
    /** The cart this order was created from. */
    cartId: text('cart_id'),
    /** The checkout that placed it: unique, so a checkout can never become two orders. */
    checkoutId: text('checkout_id'),
    /** SHA-256 of the secret in the guest's order link (the number alone opens nothing). */
    accessTokenHash: text('access_token_hash'),
    placedAt: integer('placed_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('orders_customer_placed_idx').on(t.customerId, t.placedAt),
    index('orders_status_placed_idx').on(t.status, t.placedAt),
    index('orders_placed_idx').on(t.placedAt),
    index('orders_cart_idx').on(t.cartId),
    check('orders_total_check', sql`${t.totalAmount} >= 0`),
    uniqueIndex('orders_checkout_idx').on(t.checkoutId),
  ],
);

/** One line of an order, with product name and variant label copied at purchase time. */
export const orderLines = sqliteTable(
  'order_lines',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    productName: text('product_name').notNull(),
    variantLabel: text('variant_label').notNull().default(''),
    quantity: integer('quantity').notNull(),
    unitAmount: integer('unit_amount').notNull(),
    lineTotalAmount: integer('line_total_amount').notNull(),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId),
    index('order_lines_sku_idx').on(t.sku),
    check('order_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);

/** A payment attempt with a provider; `providerRef` is the provider's id (PaymentIntent, PayPal order). */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    provider: text('provider', { enum: PAYMENT_PROVIDERS }).notNull(),
    providerRef: text('provider_ref'),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: ['pending', 'authorized', 'captured', 'failed', 'voided'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('payments_order_idx').on(t.orderId),
    uniqueIndex('payments_provider_ref_idx').on(t.provider, t.providerRef),
  ],
);

/** Money returned against a payment. */
export const refunds = sqliteTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    paymentId: text('payment_id').references(() => payments.id),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason'),
    providerRef: text('provider_ref'),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('refunds_order_idx').on(t.orderId), check('refunds_amount_check', sql`${t.amount} > 0`)],
);

/** A parcel sent for an order. */
export const shipments = sqliteTable(
  'shipments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    carrier: text('carrier').notNull(),
    trackingNumber: text('tracking_number'),
    shippedAt: integer('shipped_at'),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [index('shipments_order_idx').on(t.orderId)],
);

/** Audit trail of status changes: who moved the order from what to what, and why. */
export const orderEvents = sqliteTable(
  'order_events',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    /** `customer`, `system`, or a staff id. */
    actor: text('actor').notNull(),
    note: text('note'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('order_events_order_created_idx').on(t.orderId, t.createdAt)],
);

/**
 * Webhook events already handled, by provider and the provider's event id: a redelivered event is recognised and
 * answered without acting twice.
 */
export const paymentEvents = sqliteTable(
  'payment_events',
  {
    provider: text('provider', { enum: PAYMENT_PROVIDERS }).notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    paymentRef: text('payment_ref'),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);
