/** How much one promotion takes off a cart, given what earlier promotions left: per line and off shipping. */
import { allocateAmounts, money, percentOf } from '@domain/pricing/money';
import type { CompiledPromotion } from './compile';
import type { PromotionRejection } from './reasons';

/** The cart in minor units of one currency. `remaining` is what each line still costs after earlier discounts. */
export interface CartState {
  currency: string;
  unitPrices: readonly number[];
  quantities: readonly number[];
  remaining: readonly number[];
  /** Every line's index, for order-wide promotions. */
  all: readonly number[];
  /** Shipping still charged, or null while no shipping option is chosen. */
  shipping: number | null;
}

/**
 * A discount in minor units: `amounts[k]` off line `at[k]` (only lines it touches, so a thousand promotions over a
 * long cart stay cheap) and off shipping.
 */
export interface Discount {
  at: number[];
  amounts: number[];
  shipping: number;
  total: number;
}

export type BenefitOutcome = { ok: true; discount: Discount } | { ok: false; rejection: PromotionRejection };

const sumAt = (xs: readonly number[], at: readonly number[]) => at.reduce((s, i) => s + xs[i]!, 0);

/**
 * `amount` (at most the lines' remaining total) spread over the lines `at` in proportion to what remains of each,
 * so the shares sum exactly to it and none exceeds its line (money.ts allocate: largest remainder).
 */
function spread(state: CartState, at: readonly number[], amount: number, split: boolean): Discount {
  if (amount === 0 || !split) return { at: [], amounts: [], shipping: 0, total: amount };
  if (at.length === 1) return { at: [at[0]!], amounts: [amount], shipping: 0, total: amount };
  const amounts = allocateAmounts(
    amount,
    at.map((i) => state.remaining[i]!),
  );
  return { at: [...at], amounts, shipping: 0, total: amount };
}

const pct = (state: CartState, amount: number, bps: number) =>
  percentOf(money(amount, state.currency), bps).amount;

/** Buy X get Y: the cheapest units that can be "got" while enough other units are "bought", `k` times. */
function buyXGetY(
  c: CompiledPromotion,
  state: CartState,
  buyLines: readonly number[],
  getLines: readonly number[],
): BenefitOutcome {
  const b = c.promotion.benefit;
  if (b.kind !== 'buy_x_get_y') throw new TypeError('not a buy X get Y promotion');
  if (buyLines.length === 0 && getLines.length === 0)
    return { ok: false, rejection: { reason: 'NO_QUALIFYING_ITEMS' } };
  const inGet = new Set(getLines);
  const inBuy = new Set(buyLines);
  let buyOnly = 0;
  let getOnly = 0;
  let both = 0;
  for (const i of inBuy) if (!inGet.has(i)) buyOnly += state.quantities[i]!;
  for (const i of inGet) {
    if (inBuy.has(i)) both += state.quantities[i]!;
    else getOnly += state.quantities[i]!;
  }
  const x = b.buy.quantity;
  const y = b.get.quantity;
  const k = Math.min(
    Math.floor((buyOnly + both) / x),
    Math.floor((getOnly + both) / y),
    Math.floor((buyOnly + getOnly + both) / (x + y)),
    b.maxApplications ?? Number.POSITIVE_INFINITY,
  );
  if (k === 0)
    return { ok: false, rejection: { reason: 'NOT_ENOUGH_ITEMS', buyQuantity: x, getQuantity: y } };
  // Units in both sets may be got only while enough are left to be bought alongside the buy-only units.
  let bothForGet = both - Math.max(0, k * x - buyOnly);
  let need = k * y;
  const cheapestFirst = [...getLines].sort((i, j) => state.unitPrices[i]! - state.unitPrices[j]! || i - j);
  const discount: Discount = { at: [], amounts: [], shipping: 0, total: 0 };
  for (const i of cheapestFirst) {
    if (need === 0) break;
    const available = inBuy.has(i) ? Math.min(state.quantities[i]!, bothForGet) : state.quantities[i]!;
    const take = Math.min(available, need);
    if (take === 0) continue;
    if (inBuy.has(i)) bothForGet -= take;
    need -= take;
    const off = Math.min(pct(state, state.unitPrices[i]! * take, b.get.basisPoints), state.remaining[i]!);
    discount.at.push(i);
    discount.amounts.push(off);
    discount.total += off;
  }
  return { ok: true, discount };
}

/**
 * What promotion `c` takes off `state`. `matched[slot]` are the lines each target set matches. Percentages round
 * half-even on the discounted amount, then split over lines exactly; no line or shipping goes below 0. With `split`
 * false an order or items discount comes back as its total only (enough to compare deals; the winner is split).
 */
export function discountFor(
  c: CompiledPromotion,
  state: CartState,
  matched: readonly (readonly number[] | undefined)[],
  split = true,
): BenefitOutcome {
  const b = c.promotion.benefit;
  const targeted = c.getSlot >= 0 ? (matched[c.getSlot] ?? []) : state.all;
  switch (b.kind) {
    case 'order_percentage':
    case 'items_percentage': {
      if (targeted.length === 0) return { ok: false, rejection: { reason: 'NO_QUALIFYING_ITEMS' } };
      const base = sumAt(state.remaining, targeted);
      return { ok: true, discount: spread(state, targeted, pct(state, base, b.basisPoints), split) };
    }
    case 'order_fixed':
    case 'items_fixed': {
      if (targeted.length === 0) return { ok: false, rejection: { reason: 'NO_QUALIFYING_ITEMS' } };
      const base = sumAt(state.remaining, targeted);
      return { ok: true, discount: spread(state, targeted, Math.min(b.amount.amount, base), split) };
    }
    case 'buy_x_get_y':
      return buyXGetY(c, state, matched[c.buySlot] ?? [], targeted);
    case 'free_shipping': {
      const shipping = Math.min(state.shipping ?? 0, b.maxShipping?.amount ?? Number.POSITIVE_INFINITY);
      return { ok: true, discount: { at: [], amounts: [], shipping, total: shipping } };
    }
  }
}
