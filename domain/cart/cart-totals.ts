/** Prices a cart: line totals, discount, shipping, tax and grand total. Pure, so the browser computes identical offline totals. */

import { type DomainError, fail, ok, type Result } from '@domain/core/result';
import {
  addMoney,
  allocate,
  type Money,
  multiplyMoney,
  percentOf,
  subtractMoney,
  sumMoney,
  zeroMoney,
} from '@domain/pricing/money';
import { applyDiscountCode, type Promotion } from '@domain/pricing/promotions';
import { checkCartLineCount, checkLineQuantity } from './quantity';

/** One cart line as stored: unit prices come from the catalogue, never from the client. */
export interface CartLineInput {
  sku: string;
  quantity: number;
  unitPrice: Money;
}

/** What priceCart needs. All Money must be in `currency`. */
export interface PriceCartInput {
  lines: readonly CartLineInput[];
  currency: string;
  /** A discount code to try against the subtotal; if it does not apply, totals come back without it. */
  discount?: { promotion: Promotion; now: number; timesUsed: number } | null;
  /** Price of the chosen shipping option (see shipping.ts); none chosen yet = zero. */
  shipping?: Money | null;
  /** Tax rate for the destination in basis points (see tax.ts); unknown yet = 0. */
  taxRateBps?: number;
}

/** A priced line. `discount` is this line's share of the order discount (for refunds of single lines). */
export interface PricedLine {
  sku: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  discount: Money;
}

/** Everything a cart page, checkout or order needs to show and charge. */
export interface CartTotals {
  lines: PricedLine[];
  subtotal: Money;
  discountTotal: Money;
  shippingTotal: Money;
  taxTotal: Money;
  total: Money;
  itemCount: number;
  /** The code that was applied, or null. */
  discountCode: string | null;
  /** Why the requested code did not apply (PROMOTION_NOT_APPLICABLE), or null; checkout may refuse on it. */
  discountRejection: DomainError | null;
}

function mismatch(what: string, found: string, currency: string): Result<CartTotals> {
  return fail('CURRENCY_MISMATCH', `${what} is priced in ${found}, but the cart is in ${currency}.`, {
    expected: currency,
    found,
  });
}

/**
 * Prices a cart, tax-exclusive US-style: prices exclude tax, and tax is charged once on
 * (subtotal - discount + shipping) with half-even rounding. Taxing the order total rather
 * than each line avoids per-line rounding drift and matches how the tax table is expressed;
 * shipping is treated as taxable (true in most US states and all VAT countries in tax.ts).
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

  let discountTotal = zero;
  let discountCode: string | null = null;
  let discountRejection: DomainError | null = null;
  if (input.discount && lines.length > 0) {
    const applied = applyDiscountCode(input.discount.promotion, { ...input.discount, subtotal });
    if (applied.ok) {
      discountTotal = applied.value.discount;
      discountCode = input.discount.promotion.code;
    } else {
      discountRejection = applied.error;
    }
  }

  const shipping = input.shipping ?? zero;
  if (shipping.currency !== currency) return mismatch('Shipping', shipping.currency, currency);
  const shippingTotal = lines.length > 0 ? shipping : zero;

  const taxable = addMoney(subtractMoney(subtotal, discountTotal), shippingTotal);
  const taxTotal = percentOf(taxable, input.taxRateBps ?? 0);
  const shares =
    lines.length > 0
      ? allocate(
          discountTotal,
          lineTotals.map((m) => m.amount),
        )
      : [];

  return ok({
    lines: lines.map((line, i) => ({
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      lineTotal: lineTotals[i]!,
      discount: shares[i]!,
    })),
    subtotal,
    discountTotal,
    shippingTotal,
    taxTotal,
    total: addMoney(taxable, taxTotal),
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    discountCode,
    discountRejection,
  });
}
