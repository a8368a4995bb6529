/**
 * One demo order as checkout would have written it: lines at the variants' prices, an optional code's discount split
 * over the lines, shipping from the seeded methods, tax per line after its discount share (and on shipping, which the
 * seeded store taxes), and its captured test payment. Prices exclude tax, as the seeded store_settings say.
 */
import type { orderLines, orders, payments, promotionUses } from '@db/schema';
import { usageKeysOf } from '@domain/pricing/promotions';
import { taxOf } from '@domain/pricing/tax';
import { shippingPrice, taxRatePpm } from './order-history-data';
import type { Rng } from './random';
import type { Shopper } from './shoppers';

const MINUTE = 60_000;

/** A product orders can hold, with its variants. */
export interface CatalogProduct {
  name: string;
  taxCategory: string;
  variants: readonly { sku: string; label: string; priceAmount: number; weightGrams: number }[];
}

/** A seeded code promotion as far as the history uses it: an order percentage or amount off, when and for whom. */
export interface PromotionOffer {
  promotionId: string;
  code: string;
  benefit: { kind: 'percentage'; basisPoints: number } | { kind: 'fixed'; amount: number };
  /** From `from` (creation or start) up to `to` (exclusive; null: open-ended). */
  from: number;
  to: number | null;
  minSubtotal: number;
  firstOrderOnly: boolean;
  usageLimit: number | null;
  perCustomerLimit: number | null;
}

export interface OrderDraft {
  number: string;
  placedAt: number;
  shopper: Shopper;
  previousOrders: number;
  catalog: readonly CatalogProduct[];
  offers: readonly PromotionOffer[];
  /** Confirmed uses so far, by promotion id and by `promotionId|email` (limits). */
  usesSoFar: Map<string, number>;
  currency: string;
}

/** How many lines an order has: mostly one or two. */
const LINE_COUNTS = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 4] as const;

/** Units of a line: almost always one. */
function pickQuantity(rng: Rng): number {
  const roll = rng.next();
  return roll < 0.82 ? 1 : roll < 0.96 ? 2 : roll < 0.99 ? 3 : rng.int(4, 6);
}

/** n / d rounded half to even (n ≥ 0, d > 0), as promotions round percentages. */
function divideHalfEven(n: number, d: number): number {
  const q = Math.floor(n / d);
  const twice = 2 * (n - q * d);
  if (twice < d) return q;
  if (twice > d) return q + 1;
  return q % 2 === 0 ? q : q + 1;
}

/** `amount` split over `weights` in proportion, by largest remainder (shares sum exactly to `amount`). */
export function splitByLargestRemainder(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map(() => 0);
  const shares = weights.map((w) => Math.floor((amount * w) / total));
  const order = weights
    .map((w, i) => ({ i, rest: (amount * w) % total }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  let left = amount - shares.reduce((a, b) => a + b, 0);
  for (const { i } of order) {
    if (left-- <= 0) break;
    shares[i] = (shares[i] as number) + 1;
  }
  return shares;
}

/**
 * The code this shopper types, if any applies (two times in five when one does: the site advertises them). Accounts
 * never do, so the demo logins can still try every code.
 */
function chooseOffer(rng: Rng, d: OrderDraft, subtotal: number): PromotionOffer | null {
  if (d.shopper.customerId) return null;
  const open = d.offers.filter(
    (o) =>
      d.placedAt >= o.from &&
      (o.to === null || d.placedAt < o.to) &&
      subtotal >= o.minSubtotal &&
      (!o.firstOrderOnly || d.previousOrders === 0) &&
      (o.usageLimit === null || (d.usesSoFar.get(o.promotionId) ?? 0) < o.usageLimit) &&
      (o.perCustomerLimit === null ||
        (d.usesSoFar.get(`${o.promotionId}|${d.shopper.email}`) ?? 0) < o.perCustomerLimit),
  );
  if (open.length === 0 || !rng.chance(0.42)) return null;
  return rng.pick(open);
}

export function buildOrder(rng: Rng, d: OrderDraft) {
  const id = rng.id('order', d.placedAt);
  const { address } = d.shopper;
  const country = address.country as string;
  const region = address.region ?? '';

  // Distinct products, the popular ones (first in the list) far more often.
  const picked = new Set<number>();
  const want = Math.min(rng.pick(LINE_COUNTS), d.catalog.length);
  while (picked.size < want) picked.add(Math.floor(d.catalog.length * rng.next() ** 2.2));
  const items = [...picked].map((p) => {
    const product = d.catalog[p] as CatalogProduct;
    const variant = rng.pick(product.variants);
    return { product, variant, quantity: pickQuantity(rng) };
  });
  const lineTotals = items.map((it) => it.variant.priceAmount * it.quantity);
  const subtotal = lineTotals.reduce((a, b) => a + b, 0);

  const offer = chooseOffer(rng, d, subtotal);
  const discount = !offer
    ? 0
    : offer.benefit.kind === 'percentage'
      ? divideHalfEven(subtotal * offer.benefit.basisPoints, 10_000)
      : Math.min(offer.benefit.amount, subtotal);
  const shares = splitByLargestRemainder(discount, lineTotals);

  const weight = items.reduce((a, it) => a + it.variant.weightGrams * it.quantity, 0);
  const method = rng.chance(0.12) ? 'express' : 'standard';
  const shipping = shippingPrice(country, method, subtotal - discount, weight);
  const tax = (amount: number, ppm: number) => taxOf({ amount, currency: d.currency }, ppm, false).amount;

  const lines: (typeof orderLines.$inferSelect)[] = items.map((it, n) => {
    const ppm = taxRatePpm(country, region, it.product.taxCategory);
    const lineTotal = lineTotals[n] as number;
    const share = shares[n] as number;
    return {
      id: `${id}:${n + 1}`,
      orderId: id,
      sku: it.variant.sku,
      productName: it.product.name,
      variantLabel: it.variant.label,
      quantity: it.quantity,
      unitAmount: it.variant.priceAmount,
      lineTotalAmount: lineTotal,
      discountAmount: share,
      taxAmount: tax(lineTotal - share, ppm),
      taxRatePpm: ppm,
      picked: 0,
    };
  });
  const taxAmount =
    lines.reduce((a, l) => a + l.taxAmount, 0) + tax(shipping, taxRatePpm(country, region, 'standard'));
  const total = subtotal - discount + shipping + taxAmount;

  const order: typeof orders.$inferSelect = {
    id,
    number: d.number,
    customerId: d.shopper.customerId,
    email: d.shopper.email,
    status: 'pending',
    currency: d.currency,
    subtotalAmount: subtotal,
    discountAmount: discount,
    shippingAmount: shipping,
    taxAmount,
    pricesIncludeTax: false,
    totalAmount: total,
    shippingAddress: JSON.stringify(address),
    billingAddress: null,
    shippingMethod: method,
    discountCode: offer?.code ?? null,
    cartId: null,
    // No checkout row exists for history (nor a guest link): the order pages read the order itself.
    checkoutId: null,
    accessTokenHash: null,
    placedAt: d.placedAt,
    updatedAt: d.placedAt,
    version: 1,
    packedAt: null,
    packedBy: null,
  };
  const payment: typeof payments.$inferSelect = {
    id: rng.id('payment', d.placedAt),
    orderId: id,
    provider: 'test',
    providerRef: rng.id('testPayment', d.placedAt - MINUTE),
    amount: total,
    currency: d.currency,
    status: 'captured',
    createdAt: d.placedAt,
    updatedAt: d.placedAt,
  };
  let use: typeof promotionUses.$inferSelect | null = null;
  if (offer) {
    const heldAt = d.placedAt - 2 * MINUTE;
    const keys = usageKeysOf({ signedIn: d.shopper.customerId !== null, ...d.shopper });
    use = {
      id: rng.id('promotionUse', heldAt),
      promotionId: offer.promotionId,
      code: offer.code,
      // As checkout records them (checkout-promotions.ts useKeysOf): the account's key, and the email's.
      usageKey: keys.find((k) => k.startsWith('customer:')) ?? null,
      usageEmail: keys.find((k) => k.startsWith('email:')) ?? null,
      // The checkout that held it (checkouts are not part of the history; the column has no foreign key).
      checkoutId: rng.id('checkout', heldAt - 10 * MINUTE),
      orderId: id,
      discountAmount: discount,
      state: 'confirmed',
      expiresAt: heldAt + 15 * MINUTE,
      createdAt: heldAt,
      confirmedAt: d.placedAt,
    };
    const key = `${offer.promotionId}|${d.shopper.email}`;
    d.usesSoFar.set(key, (d.usesSoFar.get(key) ?? 0) + 1);
  }
  return { order, lines, payment, use };
}
