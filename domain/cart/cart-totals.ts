/** Prices a cart: line totals, promotions, shipping, tax and grand total. Pure, so the browser computes identical offline totals. */

import { fail, ok, type Result } from '@domain/core/result';
import {
  addMoney,
  type Money,
  multiplyMoney,
  subtractMoney,
  sumMoney,
  zeroMoney,
} from '@domain/pricing/money';
import {
  type EvaluationInput,
  evaluatePromotions,
  type PromotionEvaluation,
} from '@domain/pricing/promotions';
import { type TaxCategory, type TaxSettings, taxOf } from '@domain/pricing/tax';
import { checkCartLineCount, checkLineQuantity } from './quantity';

/** One cart line as stored: unit prices come from the catalogue, never from the client. */
export interface CartLineInput {
  sku: string;
  quantity: number;
  unitPrice: Money;
  /** The product's tax category; `standard` when omitted. */
  taxCategory?: TaxCategory;
  /** What the line is, for promotions that target products, categories or collections (absent: matches none). */
  productId?: string;
  categoryIds?: readonly string[];
  collectionIds?: readonly string[];
}

/** Who buys, where it ships, when, and which promotions and codes to try (see evaluatePromotions). */
export type PromotionContext = Omit<EvaluationInput, 'lines' | 'currency' | 'shipping'>;

/** Tax for one destination: the store's settings and the destination's rate (ppm) per category (absent = 0). */
export interface TaxInput extends TaxSettings {
  ratesPpm: Partial<Record<TaxCategory, number>>;
}

/** What priceCart needs. All Money must be in `currency`. */
export interface PriceCartInput {
  lines: readonly CartLineInput[];
  currency: string;
  /** Promotions to evaluate; codes that do not apply leave the totals alone and come back with their reasons. */
  promotions?: PromotionContext | null;
  /** Price of the chosen shipping option (see shipping.ts); none chosen yet = zero. */
  shipping?: Money | null;
  /** Tax at the destination (see tax.ts); no address yet = no tax. */
  tax?: TaxInput | null;
}

/** A priced line. `discount` is what promotions take off this line (for tax and for refunds of single lines). */
export interface PricedLine {
  sku: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  discount: Money;
  /** The tax on (exclusive) or in (inclusive) this line after its discount share, rounded on its own. */
  tax: Money;
  taxRatePpm: number;
}

/** Everything a cart page, checkout or order needs to show and charge. */
export interface CartTotals {
  lines: PricedLine[];
  subtotal: Money;
  /** Off the items (the sum of the lines' discounts). */
  discountTotal: Money;
  /** Shipping charged, after free-shipping promotions. */
  shippingTotal: Money;
  /** Taken off the shipping price by promotions (shippingTotal is already net of it). */
  shippingDiscount: Money;
  /** Every line's tax plus shipping's: added to the total, or already inside it when prices include tax. */
  taxTotal: Money;
  /** The part of taxTotal charged on shipping. */
  shippingTax: Money;
  pricesIncludeTax: boolean;
  total: Money;
  itemCount: number;
  /** Which promotions applied and why entered codes did not; null when no promotions were asked for. */
  promotions: PromotionEvaluation | null;
}

function mismatch(what: string, found: string, currency: string): Result<CartTotals> {
  return fail('CURRENCY_MISMATCH', `${what} is priced in ${found}, but the cart is in ${currency}.`, {
    expected: currency,
    found,
  });
}

/**
 * Prices a cart. Each line's tax is computed on its total after its share of the discount and rounded on its own
 * (tax.ts has the rules); the order's tax is the sum of its lines' and shipping's. Tax-exclusive prices add the tax
 * to the total; tax-inclusive prices already contain it, so the total is what the price tags say.
 * An empty cart costs nothing: shipping is not charged without items.
 * Fails with CURRENCY_MISMATCH, QUANTITY_OUT_OF_RANGE or CART_LINE_LIMIT.
 */
export function priceCart(input: PriceCartInput): Result<CartTotals> {
  const { currency, lines } = input;
  const count = checkCartLineCount(lines.length);
  if (!count.ok) return count;

  const lineTotals: Money[] = [];
  for (const line of lines) {
    if (line.unitPrice.currency !== currency)
      return mismatch(`Item ${line.sku}`, line.unitPrice.currency, currency);
    const q = checkLineQuantity(line.quantity);
    if (!q.ok)
      return fail(q.error.code, `Item ${line.sku}: ${q.error.detail}`, { ...q.error.meta, sku: line.sku });
    lineTotals.push(multiplyMoney(line.unitPrice, line.quantity));
  }
  const subtotal = sumMoney(lineTotals, currency);
  const zero = zeroMoney(currency);

  const shipping = input.shipping ?? zero;
  if (shipping.currency !== currency) return mismatch('Shipping', shipping.currency, currency);
  const grossShipping = lines.length > 0 ? shipping : zero;

  let promotions: PromotionEvaluation | null = null;
  if (input.promotions) {
    const evaluated = evaluatePromotions({
      ...input.promotions,
      currency,
      shipping: input.shipping ? grossShipping : null,
      lines: lines.map((l) => ({
        sku: l.sku,
        productId: l.productId ?? '',
        categoryIds: l.categoryIds ?? [],
        collectionIds: l.collectionIds ?? [],
        quantity: l.quantity,
        unitPrice: l.unitPrice,
      })),
    });
    if (!evaluated.ok) return evaluated;
    promotions = evaluated.value;
  }
  const shares = promotions?.lineDiscounts ?? lines.map(() => zero);
  const discountTotal = promotions?.itemsDiscount ?? zero;
  const shippingDiscount = promotions?.shippingDiscount ?? zero;
  const shippingTotal = subtractMoney(grossShipping, shippingDiscount);

  const tax = input.tax ?? null;
  const inclusive = tax?.pricesIncludeTax ?? false;
  const rateOf = (category: TaxCategory) => tax?.ratesPpm[category] ?? 0;
  const priced: PricedLine[] = lines.map((line, i) => {
    const taxRatePpm = rateOf(line.taxCategory ?? 'standard');
    return {
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      lineTotal: lineTotals[i]!,
      discount: shares[i]!,
      tax: taxOf(subtractMoney(lineTotals[i]!, shares[i]!), taxRatePpm, inclusive),
      taxRatePpm,
    };
  });
  const shippingTax = tax?.shippingTaxable ? taxOf(shippingTotal, rateOf('standard'), inclusive) : zero;
  const taxTotal = addMoney(
    sumMoney(
      priced.map((l) => l.tax),
      currency,
    ),
    shippingTax,
  );
  const net = addMoney(subtractMoney(subtotal, discountTotal), shippingTotal);

  return ok({
    lines: priced,
    subtotal,
    discountTotal,
    shippingTotal,
    shippingDiscount,
    taxTotal,
    shippingTax,
    pricesIncludeTax: inclusive,
    total: inclusive ? net : addMoney(net, taxTotal),
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    promotions,
  });
}
