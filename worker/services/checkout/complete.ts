/**
 * Settling a payment: whatever tells us about it (the browser coming back, a webhook, the place-order call itself),
 * we ask the provider for the payment's state and act on that, so the order in which they arrive does not matter.
 * Succeeded: the holds become sales and the order is written once (unique checkout id). Failed: the holds go back.
 */
import { type CheckoutRow, findCheckout, updateCheckout } from '@db/repositories/checkouts';
import { findOrderByCheckout, placeOrder } from '@db/repositories/orders';
import { confirmPromotionUsesStatement } from '@db/repositories/promotion-uses';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { hashSecretToken } from '@domain/identity/secret-token';
import { cartStub } from '@durable-objects/cart';
import { DEFAULT_HOLD_MS } from '@durable-objects/stock';
import type { PaymentGateway, ProviderPayment } from '@worker/integrations/payments/provider';
import {
  holdPromotionUses,
  parseHeldPromotions,
  shopperOf,
} from '@worker/services/promotions/checkout-promotions';
import type { CheckoutContext } from './context';
import { commitLines, parseLines, releaseCheckoutHolds } from './holds';
import { sendOrderConfirmation } from './order-mail';

/** Where a placement stands after its payment was looked at. */
export type PaymentOutcome =
  | { kind: 'order'; number: string; token: string }
  | { kind: 'action'; url: string }
  | { kind: 'processing' };

/** Looks the payment up at the provider and brings its checkout in line with it. */
export async function syncPayment(
  ctx: CheckoutContext,
  gateway: PaymentGateway,
  ref: string,
): Promise<Result<PaymentOutcome>> {
  // Looked at before anything is taken: an approval for an attempt the shopper left is never captured (to be refunded
  // at once, the provider's fees lost); only the checkout's own payment is.
  const seen = await gateway.retrievePayment(ref, { capture: false });
  if (!seen.ok) return seen;
  const row = await findCheckout(ctx.db, seen.value.reference);
  if (!row) return fail('NOT_FOUND', 'No checkout for this payment.');
  const ours = row.status === 'paying' && row.paymentRef === ref && row.paymentProvider === gateway.id;
  const payment = seen.value.awaitingCapture && ours ? await gateway.retrievePayment(ref) : seen;
  if (!payment.ok) return payment;
  return settlePayment(ctx, gateway, row, payment.value);
}

/** Acts on a payment's state for its checkout. */
export async function settlePayment(
  ctx: CheckoutContext,
  gateway: PaymentGateway,
  row: CheckoutRow,
  payment: ProviderPayment,
): Promise<Result<PaymentOutcome>> {
  // Already an order (the row says so; a stale row is caught by the order's unique checkout id further on).
  const existing = row.orderId ? await findOrderByCheckout(ctx.db, row.id) : null;
  if (existing && row.paymentRef === payment.ref) {
    return ok({ kind: 'order', number: existing.number, token: row.orderToken });
  }
  if (row.paymentRef !== payment.ref || row.paymentProvider !== gateway.id) {
    // The placement that made this payment may not have written its reference yet (the provider's webhook can come
    // before its own answer has been stored): not decided here; the provider retries, the placement settles it. A
    // placement silent for longer than PLACEMENT_GRACE_MS died on the way, and its payment is refunded as below.
    if (isPlacing(row, gateway.id, ctx.now)) {
      return fail(
        'PLACEMENT_IN_PROGRESS',
        'This checkout is still being placed: the payment is settled by it.',
      );
    }
    // A payment for an attempt the shopper moved on from: it must not also be kept.
    if (payment.state === 'succeeded')
      await gateway.refund(payment.ref, { idempotencyKey: `superseded:${payment.ref}` });
    // A placement that died before storing its payment: the checkout opens again under a new attempt, so placing it
    // again (even with the same key) makes a new payment instead of replaying the one just refunded.
    if (isPlacing(row, gateway.id, Number.NEGATIVE_INFINITY)) {
      await reopenCheckout(
        ctx,
        row,
        'Your payment could not be completed and was refunded: place your order again.',
      );
    }
    return fail('CONFLICT', 'This payment belongs to an earlier attempt and was refunded.');
  }
  switch (payment.state) {
    case 'succeeded':
      return completeCheckout(ctx, gateway, row, payment);
    case 'requires_action':
      return ok({ kind: 'action', url: payment.actionUrl ?? '/checkout?step=payment' });
    case 'processing':
      return ok({ kind: 'processing' });
    default: {
      const message = payment.failureMessage ?? 'The payment did not go through.';
      await reopenCheckout(ctx, row, message);
      return fail('PAYMENT_DECLINED', `${message} Nothing was charged; try again or use another card.`);
    }
  }
}

/** How long a placement may take between starting its payment and storing the payment's reference. */
export const PLACEMENT_GRACE_MS = 2 * 60 * 1000;

/**
 * A placement with `provider` is under way at `now`: paying, its payment started or about to be, its reference not
 * stored, for less than PLACEMENT_GRACE_MS (`now` = -Infinity: whatever its age).
 */
function isPlacing(row: CheckoutRow, provider: string, now: number): boolean {
  return (
    row.status === 'paying' &&
    row.paymentRef === null &&
    row.paymentProvider === provider &&
    now - row.updatedAt < PLACEMENT_GRACE_MS
  );
}

/** Gives a paying checkout's holds back and opens it again with `message` for the payment step. */
export async function reopenCheckout(ctx: CheckoutContext, row: CheckoutRow, message: string): Promise<void> {
  // Only while the placement `row` saw is still the checkout's (its payment key): one the shopper started since keeps
  // its checkout, its holds and its promotion uses. Released after the update, so nothing is given back for nothing.
  const reopened = await updateCheckout(
    ctx.db,
    row.id,
    ['paying'],
    { status: 'open', attempt: row.attempt + 1, paymentRef: null, paymentError: message, updatedAt: ctx.now },
    { paymentKey: row.paymentKey },
  );
  if (reopened) await releaseCheckoutHolds(ctx, row);
}

async function completeCheckout(
  ctx: CheckoutContext,
  gateway: PaymentGateway,
  row: CheckoutRow,
  payment: ProviderPayment,
): Promise<Result<PaymentOutcome>> {
  const lines = parseLines(row.lines);
  if (payment.amount !== row.totalAmount || payment.currency !== row.currency || lines.length === 0) {
    await gateway.refund(payment.ref, { idempotencyKey: `mismatch:${payment.ref}` });
    return fail('CONFLICT', 'The payment did not match the order total and was refunded.');
  }
  // Holding the promotions' uses again keeps a lapsed one only while nobody took its place (limits stay exact).
  const promotions = parseHeldPromotions(row.promotions);
  const uses = await holdPromotionUses(ctx.db, shopperOf(row), promotions, {
    now: ctx.now,
    expiresAt: ctx.now + DEFAULT_HOLD_MS,
  });
  if (!uses.ok) {
    // Another completion of this payment (the shopper's return racing the webhook) may have made the order already.
    const order = await findOrderByCheckout(ctx.db, row.id);
    if (order) return ok({ kind: 'order', number: order.number, token: row.orderToken });
    await gateway.refund(payment.ref, { idempotencyKey: `promotion-used-up:${payment.ref}` });
    await reopenCheckout(ctx, row, `${uses.error.detail} Your payment was refunded.`);
    return uses;
  }
  const committed = await commitLines(ctx.env, { checkoutId: row.id, attempt: row.attempt }, lines);
  if (!committed.ok) {
    await gateway.refund(payment.ref, { idempotencyKey: `sold-out:${payment.ref}` });
    await reopenCheckout(ctx, row, 'An item sold out while you were paying; your payment was refunded.');
    return committed;
  }
  const orderId = newId('order', ctx.now);
  const outcome = await placeOrder(
    ctx.db,
    {
      id: orderId,
      checkoutId: row.id,
      cartId: row.cartId,
      customerId: row.customerId,
      email: row.email ?? '',
      status: 'pending',
      currency: row.currency,
      subtotalAmount: row.subtotalAmount ?? 0,
      discountAmount: row.discountAmount ?? 0,
      discountCode: promotions.flatMap((p) => (p.code ? [p.code] : [])).join(', ') || null,
      shippingAmount: row.shippingAmount ?? 0,
      taxAmount: row.taxAmount ?? 0,
      pricesIncludeTax: row.pricesIncludeTax,
      totalAmount: payment.amount,
      shippingAddress: row.shippingAddress ?? '{}',
      shippingMethod: row.shippingMethod ?? '',
      accessTokenHash: hashSecretToken(row.orderToken),
      placedAt: ctx.now,
      updatedAt: ctx.now,
    },
    lines.map((l, i) => ({
      id: `${orderId}:${i + 1}`,
      orderId,
      sku: l.sku,
      productName: l.productName,
      variantLabel: l.variantLabel,
      quantity: l.quantity,
      unitAmount: l.unitAmount,
      lineTotalAmount: l.lineTotalAmount,
      discountAmount: l.discountAmount,
      taxAmount: l.taxAmount,
      taxRatePpm: l.taxRatePpm,
    })),
    {
      id: newId('payment', ctx.now),
      orderId,
      provider: gateway.id,
      providerRef: payment.ref,
      amount: payment.amount,
      currency: payment.currency,
      status: 'captured',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
    [confirmPromotionUsesStatement(ctx.db, { checkoutId: row.id, orderId, now: ctx.now })],
  );
  if (outcome.created) {
    // Only the writer that created the order empties the cart and sends the email.
    await cartStub(ctx.env, row.cartId).clear({ cartId: row.cartId, requestId: `checkout:${row.id}` });
    ctx.waitUntil(sendOrderConfirmation(ctx, row.orderToken));
    return ok({ kind: 'order', number: outcome.number, token: row.orderToken });
  }
  const order = await findOrderByCheckout(ctx.db, row.id);
  if (!order) throw new Error(`order for checkout ${row.id} missing after placement`);
  return ok({ kind: 'order', number: order.number, token: row.orderToken });
}
