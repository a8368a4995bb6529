/** Checkouts: one shopper's way from cart to order (contact, address, shipping, payment), and the test gateway's book. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * A checkout attempt for a cart. The steps fill `email`, `shippingAddress` and `shippingMethod`; placing the order
 * freezes the priced lines (`lines`, JSON) and totals, holds the stock (request ids `<id>:<attempt>:<sku>`) and
 * starts a payment (`paymentRef`). The order is created once, from this row, when the payment succeeds. Only one
 * checkout per cart is open at a time (partial unique index), so a shopper coming back finds their own.
 */
export const checkouts = sqliteTable(
  'checkouts',
  {
    id: text('id').primaryKey(),
    cartId: text('cart_id').notNull(),
    customerId: text('customer_id'),
    /** open → paying (payment started, stock held) → completed; abandoned when a newer checkout replaced it. */
    status: text('status', { enum: ['open', 'paying', 'completed', 'abandoned'] }).notNull(),
    currency: text('currency').notNull(),
    email: text('email'),
    /** JSON address (domain/customers/address.ts). */
    shippingAddress: text('shipping_address'),
    shippingMethod: text('shipping_method'),
    paymentProvider: text('payment_provider'),
    /** Increases whenever the held lines change or the holds are given back, so new holds get new request ids. */
    attempt: integer('attempt').notNull().default(0),
    /** JSON priced lines frozen when the order was placed (what was held and is charged). */
    lines: text('lines'),
    subtotalAmount: integer('subtotal_amount'),
    discountAmount: integer('discount_amount'),
    shippingAmount: integer('shipping_amount'),
    taxAmount: integer('tax_amount'),
    pricesIncludeTax: integer('prices_include_tax', { mode: 'boolean' }).notNull().default(false),
    totalAmount: integer('total_amount'),
    holdExpiresAt: integer('hold_expires_at'),
    /** The provider's id of the current payment (PaymentIntent, PayPal order, test payment). */
    paymentRef: text('payment_ref'),
    /** The shopper's Idempotency-Key of the place-order request, sent on to the provider. */
    paymentKey: text('payment_key'),
    /** Why the last payment did not go through, for the payment step to show. */
    paymentError: text('payment_error'),
    orderId: text('order_id'),
    /** JSON array of the discount codes the shopper entered (normalised, in entered order); null = none. */
    discountCodes: text('discount_codes'),
    /**
     * JSON array of the promotions applied when the order was placed ({ promotionId, code, amount }): their uses were
     * held with the stock and are confirmed with the order.
     */
    promotions: text('promotions'),
    /** The secret of the guest's order link (the order keeps only its hash); shown to whoever holds this checkout. */
    orderToken: text('order_token').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('checkouts_open_cart_idx').on(t.cartId).where(sql`${t.status} in ('open', 'paying')`),
    index('checkouts_payment_ref_idx').on(t.paymentProvider, t.paymentRef),
    index('checkouts_status_updated_idx').on(t.status, t.updatedAt),
    check('checkouts_total_check', sql`${t.totalAmount} is null or ${t.totalAmount} >= 0`),
  ],
);

/**
 * The local test gateway's own records (it stands in for a provider, so it keeps its book as one would). One row per
 * payment; `idempotencyKey` is unique, as a provider's is, so a retried create returns the first payment.
 */
export const testGatewayPayments = sqliteTable(
  'test_gateway_payments',
  {
    id: text('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status', {
      enum: ['requires_action', 'processing', 'succeeded', 'failed', 'canceled'],
    }).notNull(),
    /** What the shopper chose on the test card (domain/checkout/test-cards.ts). */
    card: text('card').notNull(),
    /** The checkout it pays for, sent back in every webhook (as metadata is by real providers). */
    reference: text('reference').notNull(),
    refundedAmount: integer('refunded_amount').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('test_gateway_payments_amount_check', sql`${t.amount} > 0`)],
);

/** The test gateway's refunds, one per idempotency key: a retried refund answers the first one, never refunds twice. */
export const testGatewayRefunds = sqliteTable('test_gateway_refunds', {
  id: text('id').primaryKey(),
  paymentId: text('payment_id')
    .notNull()
    .references(() => testGatewayPayments.id),
  idempotencyKey: text('idempotency_key').notNull().unique(),
  amount: integer('amount').notNull(),
  createdAt: integer('created_at').notNull(),
});
