/**
 * Placing the order: re-price everything, hold the stock, start the payment with the shopper's idempotency key, and
 * settle it. A compensation undoes each step that cannot stand: holds go back when the payment cannot start or fails.
 */
import { findCheckout, updateCheckout } from '@db/repositories/checkouts';
import { releasePromotionUses } from '@db/repositories/promotion-uses';
import { sameLines } from '@domain/checkout/checkout';
import type { PaymentProvider } from '@domain/checkout/payment';
import { fail, type Result } from '@domain/core/result';
import { notifyLowStock } from '@worker/services/inventory/low-stock';
import {
  heldPromotionsOf,
  holdPromotionUses,
  shopperOf,
} from '@worker/services/promotions/checkout-promotions';
import { loadCheckout, priceCheckout } from './checkout';
import { type PaymentOutcome, reopenCheckout, settlePayment, syncPayment } from './complete';
import type { CheckoutContext } from './context';
import { deliverWebhook } from './deliver';
import { gatewayFor } from './gateways';
import { holdLines, parseLines, releaseCheckoutHolds, releaseLines } from './holds';

export interface PlaceOrderInput {
  provider: PaymentProvider;
  /** What the payment step produced (a test card, a Stripe confirmation token). */
  paymentToken?: string | undefined;
  /** The shopper's Idempotency-Key: it travels on to the provider, so a retry never pays twice. */
  idempotencyKey: string;
}

export async function placeCheckoutOrder(
  ctx: CheckoutContext,
  id: string,
  input: PlaceOrderInput,
): Promise<Result<PaymentOutcome>> {
  const loaded = await loadCheckout(ctx, id);
  if (!loaded.ok) return loaded;
  const row = loaded.value;
  const gateway = gatewayFor(ctx.env, ctx.db, input.provider, deliverWebhook(ctx));
  if (!gateway.ok) return gateway;
  if (row.status === 'completed' && row.paymentRef && row.paymentProvider === input.provider) {
    return syncPayment(ctx, gateway.value, row.paymentRef);
  }
  if (row.status === 'completed' || row.status === 'abandoned') {
    return fail('CONFLICT', 'This checkout is already finished.', { status: row.status });
  }
  if (!row.email || !row.shippingAddress || !row.shippingMethod) {
    return fail('CHECKOUT_INCOMPLETE', 'Finish the contact, address and shipping steps first.', {
      step: 'payment',
    });
  }
  const priced = await priceCheckout(ctx, row);
  if (priced.lines.length === 0) return fail('CHECKOUT_INCOMPLETE', 'Your cart is empty.', { step: 'cart' });
  if (priced.cart.unavailableSkus.length > 0) {
    return fail('UNKNOWN_SKU', 'Some items in your cart are no longer sold: remove them first.', {
      skus: priced.cart.unavailableSkus,
    });
  }
  if (!priced.shipping)
    return fail('CHECKOUT_INCOMPLETE', 'Choose a shipping method first.', { step: 'shipping' });
  // A code that stopped applying (used up by another order, expired) is never dropped silently: the shopper saw a
  // total with it, so they decide, and the checkout now shows why and the total without it.
  const refused = priced.discounts.rejected[0];
  if (refused) {
    const limit = refused.reason === 'USAGE_LIMIT_REACHED' || refused.reason === 'CUSTOMER_LIMIT_REACHED';
    return fail(
      limit ? 'PROMOTION_LIMIT_REACHED' : 'PROMOTION_NOT_APPLICABLE',
      `The code ${refused.code} cannot be used: ${refused.message} Remove it to place your order.`,
      { code: refused.code, reason: refused.reason },
    );
  }

  // Placing again with the same lines and total reuses this attempt's holds; anything else holds afresh.
  let attempt = row.attempt;
  const held = parseLines(row.lines);
  const unchanged = sameLines(held, priced.lines) && row.totalAmount === priced.totals.total.amount;
  if (row.status === 'paying' && !unchanged) {
    await releaseCheckoutHolds(ctx, row);
    attempt += 1;
  }
  let holds = await holdLines(ctx.env, { checkoutId: id, attempt }, priced.lines);
  if (!holds.ok && holds.error.code === 'INVALID_TRANSITION') {
    // This attempt's holds lapsed while the shopper was away (or were given back): hold again under a new attempt.
    attempt += 1;
    holds = await holdLines(ctx.env, { checkoutId: id, attempt }, priced.lines);
  }
  if (!holds.ok) return holds;
  // The promotions' uses are held as long as the stock: the payment either confirms both or neither.
  const promotions = heldPromotionsOf(priced.applied);
  const uses = await holdPromotionUses(ctx.db, shopperOf(row), promotions, {
    now: ctx.now,
    expiresAt: holds.value.expiresAt,
  });
  if (!uses.ok) {
    await releaseLines(ctx.env, { checkoutId: id, attempt }, priced.lines);
    return uses;
  }
  for (const { sku, available } of holds.value.lowStock) {
    ctx.waitUntil(notifyLowStock(ctx.env, ctx.db, ctx.origin, sku, available));
  }

  const paying = await updateCheckout(
    ctx.db,
    id,
    ['open', 'paying'],
    {
      status: 'paying',
      attempt,
      lines: JSON.stringify(priced.lines),
      promotions: promotions.length > 0 ? JSON.stringify(promotions) : null,
      subtotalAmount: priced.totals.subtotal.amount,
      discountAmount: priced.totals.discount.amount,
      shippingAmount: priced.totals.shipping.amount,
      taxAmount: priced.totals.tax.amount,
      pricesIncludeTax: priced.totals.taxIncluded,
      totalAmount: priced.totals.total.amount,
      holdExpiresAt: holds.value.expiresAt,
      paymentProvider: input.provider,
      paymentKey: input.idempotencyKey,
      // An earlier payment's reference goes: until this placement stores its own, the checkout reads as a placement
      // under way, so the new payment's webhook, if it comes first, is retried rather than refunded (complete.ts).
      paymentRef: null,
      paymentError: null,
      updatedAt: ctx.now,
    },
    { paymentKey: row.paymentKey },
  );
  if (!paying) {
    // Another placement (another key) or the completion got there first. Its holds are ours too when it runs the
    // same attempt (same request ids): give them back only when they are this request's alone.
    const now = await findCheckout(ctx.db, id);
    if (!now || now.attempt !== attempt) {
      await releaseLines(ctx.env, { checkoutId: id, attempt }, priced.lines);
      if (now?.status !== 'paying') await releasePromotionUses(ctx.db, id);
    }
    if (now?.status === 'completed') return fail('CONFLICT', 'This checkout was completed meanwhile.');
    return fail(
      'CONFLICT',
      'Another payment for this checkout started at the same moment: wait for it, then check your order.',
    );
  }
  const payment = await gateway.value.createPayment({
    amount: priced.totals.total.amount,
    currency: priced.totals.total.currency,
    reference: id,
    idempotencyKey: `${id}:${attempt}:${input.idempotencyKey}`,
    email: row.email,
    paymentToken: input.paymentToken,
    returnUrl: `${ctx.origin}/checkout/complete?checkout=${encodeURIComponent(id)}`,
  });
  if (!payment.ok) {
    await reopenCheckout(ctx, paying, 'The payment could not be started.');
    return payment;
  }
  const withRef = await updateCheckout(ctx.db, id, ['paying'], {
    paymentRef: payment.value.ref,
    updatedAt: ctx.now,
  });
  if (!withRef) return syncPayment(ctx, gateway.value, payment.value.ref);
  return settlePayment(ctx, gateway.value, withRef, payment.value);
}
