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
import { type Money, money, subtractMoney } from '@domain/pricing/money';
import { DiscountCodeSchema, normalizeDiscountCode } from '@domain/pricing/promotions';
import { type ShippingOption, selectShippingOption, shippingOptionsFor } from '@domain/pricing/shipping';
import { ratesAt } from '@domain/pricing/tax';
import { type PricedCart, readCart } from '@worker/services/cart/cart';
import { promotionContextFor, shopperOf } from '@worker/services/promotions/checkout-promotions';
import { z } from 'zod';
import type { CheckoutContext } from './context';
import { availableProviders } from './gateways';
import { parseLines, releaseCheckoutHolds } from './holds';

/** What the shopper pays. `taxIncluded`: the prices (and so the total) already contain `tax`. */
export interface CheckoutTotals {
  subtotal: Money;
  /** What promotions take off the items; what they take off shipping is already out of `shipping`. */
  discount: Money;
  shipping: Money;
  tax: Money;
  total: Money;
  taxIncluded: boolean;
}

/** The codes entered, the promotions that apply (automatic ones too), and why each refused code does not. */
export interface CheckoutDiscounts {
  codes: string[];
  applied: { name: string; code: string | null; amount: Money }[];
  rejected: { code: string; reason: string; message: string }[];
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
  discounts: CheckoutDiscounts;
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

const progressOf = (row: CheckoutRow): CheckoutProgress => ({
  email: row.email,
  shippingAddress: parseAddress(row.shippingAddress),
  shippingMethod: row.shippingMethod,
});

/** The discount codes a checkout holds (normalised, in entered order). */
export const codesOf = (row: Pick<CheckoutRow, 'discountCodes'>): string[] =>
  row.discountCodes ? z.array(z.string()).parse(JSON.parse(row.discountCodes)) : [];

/**
 * The checkout priced now: cart from its CartDO and the catalog, promotions for the shopper and their codes, shipping
 * for the address, tax for the destination. `codes` overrides the stored codes (to try one before saving it).
 */
export async function priceCheckout(ctx: CheckoutContext, row: CheckoutRow, codes = codesOf(row)) {
  const address = parseAddress(row.shippingAddress);
  const [cart, rules, promotions] = await Promise.all([
    readCart(ctx.env, ctx.db, row.cartId, { withPromotions: false, fresh: true, now: ctx.now }),
    address ? loadPricingRules(ctx.db, address.country) : null,
    promotionContextFor(ctx.env, ctx.db, shopperOf(row), codes, ctx.now),
  ]);
  const cartLines = cart.lines.map((l) => ({
    sku: l.sku,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    taxCategory: l.taxCategory,
    productId: l.productId,
    categoryIds: l.categoryIds,
    collectionIds: l.collectionIds,
  }));
  const price = (shipping: Money | null, withTax: boolean) => {
    const priced = priceCart({
      currency: cart.currency,
      lines: cartLines,
      promotions,
      shipping,
      tax:
        withTax && address && rules ? { ...rules.settings, ratesPpm: ratesAt(rules.rates, address) } : null,
    });
    if (!priced.ok) throw new Error(`cannot price checkout ${row.id}: ${priced.error.detail}`);
    return priced.value;
  };
  const weightGrams = cart.lines.reduce((grams, l) => grams + l.weightGrams * l.quantity, 0);
  // "Free over a threshold" looks at what the items cost after discounts, so a code cannot unlock free shipping.
  const itemsDue = subtractMoney(cart.subtotal, price(null, false).discountTotal);
  const options =
    address && rules
      ? shippingOptionsFor(rules.zones, { country: address.country, subtotal: itemsDue, weightGrams })
      : [];
  const shipping = options.find((o) => o.id === row.shippingMethod) ?? null;
  const t = price(shipping?.price ?? null, true);
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
  const evaluation = t.promotions;
  const discounts: CheckoutDiscounts = {
    codes,
    applied: (evaluation?.applied ?? []).map((a) => ({ name: a.name, code: a.code, amount: a.total })),
    rejected: (evaluation?.rejections ?? []).map((r) => ({
      code: r.code,
      reason: r.rejection.reason,
      message: r.message,
    })),
  };
  return { cart, options, shipping, lines, totals, discounts, applied: evaluation?.applied ?? [] };
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
    discounts: priced.discounts,
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
    discountCodes: null,
    promotions: null,
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
  /** The step saved, whose order is checked; null for what may change at any step (discount codes). */
  step: Exclude<CheckoutStep, 'payment'> | null,
  patch: Partial<CheckoutRow>,
  /** What the step's value must satisfy given the checkout as it is (after the order of steps is checked). */
  check?: (row: CheckoutRow) => Promise<Result<true>>,
  /** More of the patch, from the checkout as it is. */
  patchFrom?: (row: CheckoutRow) => Partial<CheckoutRow>,
): Promise<Result<CheckoutView>> {
  const loaded = await loadCheckout(ctx, id);
  if (!loaded.ok) return loaded;
  const row = loaded.value;
  if (row.status === 'completed' || row.status === 'abandoned') {
    return fail('CONFLICT', 'This checkout is already finished.', { status: row.status });
  }
  if (step) {
    const allowed = checkStepAllowed(progressOf(row), step);
    if (!allowed.ok) return allowed;
  }
  const valid = await check?.(row);
  if (valid && !valid.ok) return valid;
  if (row.status === 'paying') await releaseCheckoutHolds(ctx, row);
  const updated = await updateCheckout(ctx.db, id, ['open', 'paying'], {
    ...patch,
    ...patchFrom?.(row),
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

/** Most discount codes one checkout takes. */
export const MAX_DISCOUNT_CODES = 5;

/**
 * Applies a discount code. It is saved only when it applies to the checkout as it is; otherwise nothing changes and
 * PROMOTION_NOT_APPLICABLE says why, in the shopper's words ("Add $12.50 more to use SAVE15 …").
 */
export async function applyDiscountCode(
  ctx: CheckoutContext,
  id: string,
  input: unknown,
): Promise<Result<CheckoutView>> {
  const parsed = DiscountCodeSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Enter a discount code.';
    return fail('VALIDATION_FAILED', message, { errors: [{ path: 'code', message }] });
  }
  const code = parsed.data;
  return saveStep(
    ctx,
    id,
    null,
    {},
    async (row) => {
      const codes = codesOf(row);
      if (codes.includes(code)) {
        return fail('PROMOTION_NOT_APPLICABLE', `The code ${code} is already applied.`, {
          code,
          reason: 'DUPLICATE_CODE',
        });
      }
      if (codes.length >= MAX_DISCOUNT_CODES) {
        return fail(
          'PROMOTION_NOT_APPLICABLE',
          `At most ${MAX_DISCOUNT_CODES} codes can be used on one order.`,
          {
            code,
            reason: 'TOO_MANY_CODES',
          },
        );
      }
      const tried = await priceCheckout(ctx, row, [...codes, code]);
      const refused = tried.discounts.rejected.find((r) => r.code === code);
      if (refused) {
        return fail('PROMOTION_NOT_APPLICABLE', refused.message, { code, reason: refused.reason });
      }
      return ok(true);
    },
    (row) => ({ discountCodes: JSON.stringify([...codesOf(row), code]) }),
  );
}

/** Removes a discount code from the checkout (removing one it does not hold changes nothing). */
export async function removeDiscountCode(
  ctx: CheckoutContext,
  id: string,
  input: string,
): Promise<Result<CheckoutView>> {
  const code = normalizeDiscountCode(input);
  return saveStep(ctx, id, null, {}, undefined, (row) => {
    const left = codesOf(row).filter((c) => c !== code);
    return { discountCodes: left.length > 0 ? JSON.stringify(left) : null };
  });
}
