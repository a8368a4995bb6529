/**
 * Checkout steps for guests and customers: start from a cart, then contact email, shipping address and shipping
 * method, each validated and revisitable, in the order domain/checkout enforces. Every read re-prices the cart from
 * the catalog (prices, stock and totals are never taken from the browser).
 */
import {
  type CheckoutRow,
  findActiveCheckout,
  findCheckout,
  openCheckout,
  updateCheckout,
} from '@db/repositories/checkouts';
import { findOrderByCheckout } from '@db/repositories/orders';
import { loadPricingRules } from '@db/repositories/tax-shipping';
import { priceCart } from '@domain/cart/cart-totals';
import {
  type CheckoutLine,
  CheckoutLineSchema,
  type CheckoutProgress,
  type CheckoutStep,
  checkStepAllowed,
  nextStep,
} from '@domain/checkout/checkout';
import type { PaymentProvider } from '@domain/checkout/payment';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { type AddressInput, AddressInputSchema } from '@domain/customers/address';
import { EmailSchema } from '@domain/identity/account-input';
import { newSecretToken } from '@domain/identity/secret-token';
import { type Money, money } from '@domain/pricing/money';
import { type ShippingOption, selectShippingOption, shippingOptionsFor } from '@domain/pricing/shipping';
import { ratesAt } from '@domain/pricing/tax';
import { type PricedCart, readCart } from '@worker/services/cart/cart';
import { z } from 'zod';
import type { CheckoutContext } from './context';
import { availableProviders } from './gateways';
import { releaseLines } from './holds';

/** What the shopper pays. `taxIncluded`: the prices (and so the total) already contain `tax`. */
export interface CheckoutTotals {
  subtotal: Money;
  discount: Money;
  shipping: Money;
  tax: Money;
  total: Money;
  taxIncluded: boolean;
}

/** Everything a checkout page or API caller sees. */
export interface CheckoutView {
  id: string;
  status: CheckoutRow['status'];
  email: string | null;
  shippingAddress: AddressInput | null;
  shippingMethod: string | null;
  nextStep: CheckoutStep;
  cart: PricedCart;
  shippingOptions: ShippingOption[];
  totals: CheckoutTotals;
  /** The lines as they will be charged. */
  lines: CheckoutLine[];
  providers: PaymentProvider[];
  paymentError: string | null;
  holdExpiresAt: number | null;
  /** Once placed: the order's number and the secret of its guest link. */
  order: { number: string; token: string } | null;
}

const parseAddress = (json: string | null): AddressInput | null => {
  if (!json) return null;
  const parsed = AddressInputSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
};

/** The frozen lines stored on a placed checkout. */
export const parseLines = (json: string | null): CheckoutLine[] =>
  json ? z.array(CheckoutLineSchema).parse(JSON.parse(json)) : [];

const progressOf = (row: CheckoutRow): CheckoutProgress => ({
  email: row.email,
  shippingAddress: parseAddress(row.shippingAddress),
  shippingMethod: row.shippingMethod,
});

/** The checkout priced now: cart from its CartDO and the catalog, shipping for the address, tax for the destination. */
export async function priceCheckout(ctx: CheckoutContext, row: CheckoutRow) {
  const address = parseAddress(row.shippingAddress);
  const [cart, rules] = await Promise.all([
    readCart(ctx.env, ctx.db, row.cartId),
    address ? loadPricingRules(ctx.db, address.country) : null,
  ]);
  const weightGrams = cart.lines.reduce((grams, l) => grams + l.weightGrams * l.quantity, 0);
  // Promotions (issue 10) will pass the subtotal after discounts here, so a code cannot unlock free shipping.
  const options =
    address && rules
      ? shippingOptionsFor(rules.zones, { country: address.country, subtotal: cart.subtotal, weightGrams })
      : [];
  const shipping = options.find((o) => o.id === row.shippingMethod) ?? null;
  const priced = priceCart({
    currency: cart.currency,
    lines: cart.lines.map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxCategory: l.taxCategory,
    })),
    shipping: shipping?.price ?? null,
    tax: address && rules ? { ...rules.settings, ratesPpm: ratesAt(rules.rates, address) } : null,
  });
  if (!priced.ok) throw new Error(`cannot price checkout ${row.id}: ${priced.error.detail}`);
  const t = priced.value;
  const byS = new Map(cart.lines.map((l) => [l.sku, l]));
  const lines: CheckoutLine[] = t.lines.map((l) => ({
    sku: l.sku,
    quantity: l.quantity,
    productName: byS.get(l.sku)?.productName ?? l.sku,
    variantLabel: byS.get(l.sku)?.variantLabel ?? '',
    unitAmount: l.unitPrice.amount,
    lineTotalAmount: l.lineTotal.amount,
    discountAmount: l.discount.amount,
    taxAmount: l.tax.amount,
    taxRatePpm: l.taxRatePpm,
  }));
  const totals: CheckoutTotals = {
    subtotal: t.subtotal,
    discount: t.discountTotal,
    shipping: t.shippingTotal,
    tax: t.taxTotal,
    total: t.total,
    taxIncluded: t.pricesIncludeTax,
  };
  return { cart, options, shipping, lines, totals };
}

/** The checkout, when the caller may see it: a customer's checkout is invisible to anyone else (NOT_FOUND). */
export async function loadCheckout(ctx: CheckoutContext, id: string): Promise<Result<CheckoutRow>> {
  const row = await findCheckout(ctx.db, id);
  if (!row || (row.customerId !== null && row.customerId !== ctx.customerId)) {
    return fail('NOT_FOUND', 'No such checkout.');
  }
  return ok(row);
}

/** The full view of a checkout row. */
export async function viewCheckout(ctx: CheckoutContext, row: CheckoutRow): Promise<CheckoutView> {
  const priced = await priceCheckout(ctx, row);
  const placed = row.status === 'completed' || row.status === 'paying';
  const lines = placed ? parseLines(row.lines) : priced.lines;
  const totals =
    row.status === 'completed' && row.totalAmount !== null
      ? {
          subtotal: money(row.subtotalAmount ?? 0, row.currency),
          discount: money(row.discountAmount ?? 0, row.currency),
          shipping: money(row.shippingAmount ?? 0, row.currency),
          tax: money(row.taxAmount ?? 0, row.currency),
          total: money(row.totalAmount, row.currency),
          taxIncluded: row.pricesIncludeTax,
        }
      : priced.totals;
  const order = row.orderId ? await orderRefOf(ctx, row) : null;
  return {
    id: row.id,
    status: row.status,
    email: row.email,
    shippingAddress: parseAddress(row.shippingAddress),
    shippingMethod: row.shippingMethod,
    nextStep: nextStep(progressOf(row)),
    cart: priced.cart,
    shippingOptions: priced.options,
    totals,
    lines,
    providers: availableProviders(ctx.env),
    paymentError: row.paymentError,
    holdExpiresAt: row.status === 'paying' ? row.holdExpiresAt : null,
    order,
  };
}

async function orderRefOf(ctx: CheckoutContext, row: CheckoutRow) {
  const order = await findOrderByCheckout(ctx.db, row.id);
  return order ? { number: order.number, token: row.orderToken } : null;
}

/**
 * Starts checkout for a cart, or returns the checkout already in progress for it (a shopper coming back finds their
 * own, holds included). CHECKOUT_INCOMPLETE when the cart is empty.
 */
export async function startCheckout(
  ctx: CheckoutContext,
  cartId: string,
  prefill: { email?: string | null } = {},
): Promise<Result<CheckoutView>> {
  const existing = await findActiveCheckout(ctx.db, cartId);
  if (existing) {
    if (existing.customerId !== null && existing.customerId !== ctx.customerId)
      return fail('NOT_FOUND', 'No such checkout.');
    return ok(await viewCheckout(ctx, existing));
  }
  const cart = await readCart(ctx.env, ctx.db, cartId);
  if (cart.lines.length === 0) return fail('CHECKOUT_INCOMPLETE', 'Your cart is empty.', { step: 'cart' });
  const row = await openCheckout(ctx.db, {
    id: newId('checkout', ctx.now),
    cartId,
    customerId: ctx.customerId,
    status: 'open',
    currency: cart.currency,
    email: prefill.email ?? null,
    shippingAddress: null,
    shippingMethod: null,
    paymentProvider: null,
    attempt: 0,
    lines: null,
    subtotalAmount: null,
    discountAmount: null,
    shippingAmount: null,
    taxAmount: null,
    pricesIncludeTax: false,
    totalAmount: null,
    holdExpiresAt: null,
    paymentRef: null,
    paymentKey: null,
    paymentError: null,
    orderId: null,
    orderToken: newSecretToken(),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return ok(await viewCheckout(ctx, row));
}

/**
 * Saves a step. A checkout whose payment had started goes back to open: its holds are given back and the next
 * placement holds afresh, since what the shopper pays for may have changed.
 */
async function saveStep(
  ctx: CheckoutContext,
  id: string,
  step: Exclude<CheckoutStep, 'payment'>,
  patch: Partial<CheckoutRow>,
  /** What the step's value must satisfy given the checkout as it is (after the order of steps is checked). */
  check?: (row: CheckoutRow) => Promise<Result<true>>,
): Promise<Result<CheckoutView>> {
  const loaded = await loadCheckout(ctx, id);
  if (!loaded.ok) return loaded;
  const row = loaded.value;
  if (row.status === 'completed' || row.status === 'abandoned') {
    return fail('CONFLICT', 'This checkout is already finished.', { status: row.status });
  }
  const allowed = checkStepAllowed(progressOf(row), step);
  if (!allowed.ok) return allowed;
  const valid = await check?.(row);
  if (valid && !valid.ok) return valid;
  if (row.status === 'paying')
    await releaseLines(ctx.env, { checkoutId: id, attempt: row.attempt }, parseLines(row.lines));
  const updated = await updateCheckout(ctx.db, id, ['open', 'paying'], {
    ...patch,
    ...(row.status === 'paying' ? { status: 'open', attempt: row.attempt + 1, paymentRef: null } : {}),
    updatedAt: ctx.now,
  });
  if (!updated) return fail('CONFLICT', 'This checkout was completed meanwhile.');
  return ok(await viewCheckout(ctx, updated));
}

/** Step 1: the email address the confirmation goes to. */
export async function setContact(
  ctx: CheckoutContext,
  id: string,
  email: string,
): Promise<Result<CheckoutView>> {
  const parsed = EmailSchema.safeParse(email);
  if (!parsed.success) return fail('VALIDATION_FAILED', 'Enter a valid email address.', { field: 'email' });
  return saveStep(ctx, id, 'contact', { email: parsed.data });
}

/** Step 2: the shipping address, checked against the destination country's rules. */
export async function setShippingAddress(
  ctx: CheckoutContext,
  id: string,
  address: unknown,
): Promise<Result<CheckoutView>> {
  const parsed = AddressInputSchema.safeParse(address);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message }));
    return fail('VALIDATION_FAILED', 'Check the shipping address.', { errors });
  }
  return saveStep(ctx, id, 'address', { shippingAddress: JSON.stringify(parsed.data) });
}

/** Step 3: a shipping method among those offered for the address. */
export async function setShippingMethod(
  ctx: CheckoutContext,
  id: string,
  methodId: string,
): Promise<Result<CheckoutView>> {
  return saveStep(ctx, id, 'shipping', { shippingMethod: methodId }, async (row) => {
    // Offered methods depend on the cart too (a parcel too heavy for a weight table is not offered).
    const { options } = await priceCheckout(ctx, row);
    const chosen = selectShippingOption(options, methodId);
    return chosen.ok ? ok(true) : chosen;
  });
}
