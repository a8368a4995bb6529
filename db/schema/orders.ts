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
    /** True when the prices (and so the total) already contained the tax. */
    pricesIncludeTax: integer('prices_include_tax', { mode: 'boolean' }).notNull().default(false),
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
    /**
     * Bumped by every write that changes the order (status, address, shipments, picks, pack; not notes): the
     * warehouse app sends the version it saw, and a write on another version is a conflict (domain/fulfilment).
     */
    version: integer('version').notNull().default(1),
    /** When the warehouse packed it, and who (a staff id); null until packed. */
    packedAt: integer('packed_at'),
    packedBy: text('packed_by'),
  },
  (t) => [
    index('orders_customer_placed_idx').on(t.customerId, t.placedAt),
    index('orders_status_placed_idx').on(t.status, t.placedAt),
    // The warehouse queue (db/repositories/warehouse.ts): orders still to fulfil, oldest first. Partial, so the
    // walk skips the shipped history and stops after a page; the query repeats this WHERE text to use it.
    index('orders_fulfil_queue_idx').on(t.placedAt, t.id).where(sql`status IN ('pending', 'processing')`),
    index('orders_placed_idx').on(t.placedAt),
    index('orders_cart_idx').on(t.cartId),
    // A guest's order link and the confirmation email find the order by its token's hash: without this index, a
    // scan of every order (~200 ms at a million orders, on every order placed).
    uniqueIndex('orders_access_token_idx').on(t.accessTokenHash),
    // The admin list's search (db/repositories/admin-orders.ts): email and shipping name by prefix.
    index('orders_email_idx').on(t.email),
    index('orders_ship_name_idx').on(sql`lower(json_extract(${t.shippingAddress}, '$.name'))`),
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
    /** This line's share of the order discount, and the tax on (or in) what is left, at `taxRatePpm`. */
    discountAmount: integer('discount_amount').notNull().default(0),
    taxAmount: integer('tax_amount').notNull().default(0),
    taxRatePpm: integer('tax_rate_ppm').notNull().default(0),
    /** Units the warehouse has picked for the parcel not yet shipped (0..quantity − shipped), set absolutely. */
    picked: integer('picked').notNull().default(0),
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
  (t) => [
    index('refunds_order_idx').on(t.orderId),
    check('refunds_amount_check', sql`${t.amount} > 0`),
    // Provider webhooks confirm a refund by the provider's refund id.
    index('refunds_provider_ref_idx').on(t.providerRef),
  ],
);

/** The lines (and units) a refund by line covered: a line's units are never refunded twice. */
export const refundLines = sqliteTable(
  'refund_lines',
  {
    refundId: text('refund_id')
      .notNull()
      .references(() => refunds.id, { onDelete: 'cascade' }),
    lineId: text('line_id')
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    restocked: integer('restocked', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.refundId, t.lineId] }),
    index('refund_lines_line_idx').on(t.lineId),
    check('refund_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
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
    /** The staff member who shipped it. */
    createdBy: text('created_by'),
    /** The client's Idempotency-Key: a replayed request (the warehouse outbox) finds this shipment, not a second. */
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    index('shipments_order_idx').on(t.orderId),
    uniqueIndex('shipments_order_key_idx').on(t.orderId, t.idempotencyKey),
  ],
);

/** Which units of which order lines a shipment holds (a line may be split over several parcels). */
export const shipmentLines = sqliteTable(
  'shipment_lines',
  {
    shipmentId: text('shipment_id')
      .notNull()
      .references(() => shipments.id, { onDelete: 'cascade' }),
    orderLineId: text('order_line_id')
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shipmentId, t.orderLineId] }),
    // The units shipped so far of a line: summed by the guard of every new shipment.
    index('shipment_lines_line_idx').on(t.orderLineId),
    check('shipment_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
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
