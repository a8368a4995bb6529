/**
 * The one evaluation of promotions, shared by the server and the browser's offline totals: which promotions apply to
 * a cart, what each takes off each line and shipping, and why each entered code that does not apply does not.
 *
 * Combination: stackable promotions apply together in priority order (higher first, then smaller id), each on what
 * the earlier ones left. A non-stackable promotion only ever applies alone. The shopper gets the best deal: the
 * option (all stackable ones together, or one non-stackable one) with the largest total discount, shipping included.
 * Ties: the stackable set wins over a single promotion (more of what the shopper entered stays applied), and among
 * singles the one first in priority order. Conditions are checked on the cart before any discount.
 */
import { fail, ok, type Result } from '@domain/core/result';
import { type Money, money } from '@domain/pricing/money';
import { type CartState, type Discount, discountFor } from './benefits';
import {
  type CompiledPromotion,
  type CompiledPromotions,
  comparePromotions,
  compilePromotions,
  matchLines,
} from './compile';
import { eligibility, type PromotionCustomer, type PromotionUsage } from './eligibility';
import { type PromotionRejection, rejectionMessage } from './reasons';
import { normalizeDiscountCode, type Promotion } from './schema';

/** A cart line as promotions see it: what it is (for targets), how many, and its catalogue price. */
export interface PromotionLine {
  sku: string;
  productId: string;
  categoryIds: readonly string[];
  collectionIds: readonly string[];
  quantity: number;
  unitPrice: Money;
}

/** A code the shopper entered, with the promotion the caller found for it (null: no such code). */
export interface EnteredCode {
  code: string;
  promotion: Promotion | null;
}

/** Everything evaluation needs; all Money in `currency`. */
export interface EvaluationInput {
  lines: readonly PromotionLine[];
  currency: string;
  /** The chosen shipping option's price, or null before one is chosen (free shipping then saves nothing yet). */
  shipping: Money | null;
  customer: PromotionCustomer;
  shippingCountry: string | null;
  now: number;
  /** The active automatic promotions, best compiled once per promotions version (compilePromotions). */
  automatic: CompiledPromotions | readonly Promotion[];
  codes: readonly EnteredCode[];
  /** Current uses per promotion id (held + confirmed); absent = none. */
  usage?: Readonly<Record<string, PromotionUsage>>;
}

/** A promotion that applies: what it takes off each line it touches (by SKU), off shipping, and in all. */
export interface AppliedPromotion {
  promotionId: string;
  name: string;
  code: string | null;
  lines: { sku: string; discount: Money }[];
  shipping: Money;
  total: Money;
}

/** An entered code that does not apply, why (for the UI to switch on) and the sentence to show. */
export interface CodeRejection {
  code: string;
  promotionId: string | null;
  rejection: PromotionRejection;
  message: string;
}

export interface PromotionEvaluation {
  currency: string;
  applied: AppliedPromotion[];
  /** Each line's discount from every applied promotion (aligned with the input lines); refunds use these shares. */
  lineDiscounts: Money[];
  /** Off the items (the sum of lineDiscounts). */
  itemsDiscount: Money;
  /** Off shipping; never more than the shipping price. */
  shippingDiscount: Money;
  /** itemsDiscount + shippingDiscount. */
  total: Money;
  /** Entered codes that apply, in entered order. */
  appliedCodes: string[];
  rejections: CodeRejection[];
}

interface Candidate {
  c: CompiledPromotion;
  code: string | null;
  matched: readonly (readonly number[] | undefined)[];
}
interface Outcome {
  cand: Candidate;
  discount: Discount;
}

const isCompiled = (a: EvaluationInput['automatic']): a is CompiledPromotions => !Array.isArray(a);

function mismatch(what: string, found: string, currency: string): Result<PromotionEvaluation> {
  return fail('CURRENCY_MISMATCH', `${what} is priced in ${found}, but the cart is in ${currency}.`, {
    expected: currency,
    found,
  });
}

/** Evaluates promotions for a cart; fails only with CURRENCY_MISMATCH (a line or shipping in another currency). */
export function evaluatePromotions(input: EvaluationInput): Result<PromotionEvaluation> {
  const { currency, lines } = input;
  for (const line of lines) {
    if (line.unitPrice.currency !== currency)
      return mismatch(`Item ${line.sku}`, line.unitPrice.currency, currency);
  }
  if (input.shipping && input.shipping.currency !== currency) {
    return mismatch('Shipping', input.shipping.currency, currency);
  }
  const rejections: CodeRejection[] = [];
  const reject = (code: string, promotionId: string | null, rejection: PromotionRejection) =>
    rejections.push({ code, promotionId, rejection, message: rejectionMessage(code, rejection) });

  // Codes first: each entered code unlocks its promotion once.
  const seenCodes = new Set<string>();
  const codeOf = new Map<string, string>();
  const unlockedPromotions: Promotion[] = [];
  for (const entered of input.codes) {
    const code = normalizeDiscountCode(entered.code);
    const p = entered.promotion;
    if (seenCodes.has(code)) reject(code, p?.id ?? null, { reason: 'DUPLICATE_CODE' });
    else if (p?.trigger.kind !== 'code') reject(code, null, { reason: 'UNKNOWN_CODE' });
    else if (codeOf.has(p.id)) reject(code, p.id, { reason: 'DUPLICATE_CODE' });
    else {
      codeOf.set(p.id, code);
      unlockedPromotions.push(p);
    }
    seenCodes.add(code);
  }
  const unlocked = compilePromotions(unlockedPromotions);
  const automatic = isCompiled(input.automatic) ? input.automatic : compilePromotions(input.automatic);

  const unitPrices = lines.map((l) => l.unitPrice.amount);
  const quantities = lines.map((l) => l.quantity);
  const lineTotals = lines.map((l) => l.unitPrice.amount * l.quantity);
  const ctx = {
    currency,
    subtotal: money(
      lineTotals.reduce((s, n) => s + n, 0),
      currency,
    ),
    itemCount: quantities.reduce((s, n) => s + n, 0),
    customer: input.customer,
    shippingCountry: input.shippingCountry,
    now: input.now,
    usage: input.usage ?? {},
  };

  // Eligibility, then line matching only for the target sets of promotions still in the running. Automatic
  // promotions are matched first instead: one whose discounted items are on no line can give nothing (and reports
  // no reason, having no code), so it is skipped before its rules are checked, and a thousand of them cost a
  // comparison each rather than an evaluation each.
  const eligible: Candidate[] = [];
  for (const set of [automatic, unlocked]) {
    const onLines = set === automatic ? matchLines(set, lines, new Uint8Array(set.slotCount).fill(1)) : null;
    const wanted = onLines ? null : new Uint8Array(set.slotCount);
    const passed: CompiledPromotion[] = [];
    for (const c of set.list) {
      const code = set === unlocked ? codeOf.get(c.promotion.id)! : null;
      if (code == null && c.promotion.trigger.kind !== 'automatic') continue;
      if (onLines && c.getSlot >= 0 && !onLines[c.getSlot]) continue;
      const why = eligibility(c, ctx);
      if (why) {
        if (code != null) reject(code, c.promotion.id, why);
        continue;
      }
      passed.push(c);
      if (wanted && c.getSlot >= 0) wanted[c.getSlot] = 1;
      if (wanted && c.buySlot >= 0) wanted[c.buySlot] = 1;
    }
    const matched = onLines ?? (wanted && passed.length > 0 ? matchLines(set, lines, wanted) : []);
    for (const c of passed)
      eligible.push({ c, code: set === unlocked ? codeOf.get(c.promotion.id)! : null, matched });
  }
  eligible.sort((a, b) => comparePromotions(a.c.promotion, b.c.promotion));

  const all = lines.map((_, i) => i);
  const fresh: CartState = {
    currency,
    unitPrices,
    quantities,
    remaining: lineTotals,
    all,
    shipping: input.shipping?.amount ?? null,
  };
  const stackRemaining = [...lineTotals];
  const stacked: CartState = { ...fresh, remaining: stackRemaining };
  const stack: Outcome[] = [];
  const singles: Outcome[] = [];
  for (const cand of eligible) {
    const stackable = cand.c.promotion.stackable;
    // A non-stackable promotion is only compared by its total; the winner is split over lines below.
    const result = discountFor(cand.c, stackable ? stacked : fresh, cand.matched, stackable);
    if (!result.ok) {
      if (cand.code != null) reject(cand.code, cand.c.promotion.id, result.rejection);
      continue;
    }
    if (!stackable) {
      singles.push({ cand, discount: result.discount });
      continue;
    }
    const d = result.discount;
    d.at.forEach((line, k) => {
      stackRemaining[line]! -= d.amounts[k]!;
    });
    if (stacked.shipping != null) stacked.shipping -= d.shipping;
    stack.push({ cand, discount: d });
  }

  const totalOf = (os: readonly Outcome[]) => os.reduce((s, o) => s + o.discount.total, 0);
  let best: Outcome | null = null;
  for (const o of singles) if (!best || o.discount.total > best.discount.total) best = o;
  const singleWins = best != null && (stack.length === 0 || best.discount.total > totalOf(stack));
  const winners = singleWins ? [split(best!, fresh)] : stack;
  const losers = singleWins ? [...stack, ...singles.filter((o) => o !== best)] : singles;
  if (losers.some((o) => o.cand.code != null)) {
    const top = winners.reduce((a, b) => (b.discount.total > a.discount.total ? b : a));
    const withLabel = top.cand.code ?? top.cand.c.promotion.name;
    for (const o of losers) {
      if (o.cand.code == null) continue;
      reject(o.cand.code, o.cand.c.promotion.id, {
        reason: 'NOT_COMBINABLE',
        withPromotionId: top.cand.c.promotion.id,
        withLabel,
      });
    }
  }
  return ok(summarise(input, winners, rejections));
}

/** The winning single promotion, now split over its lines (its total does not change). */
function split(o: Outcome, fresh: CartState): Outcome {
  const result = discountFor(o.cand.c, fresh, o.cand.matched, true);
  if (!result.ok) throw new Error('a promotion that applied no longer applies'); // same input: cannot happen
  return { cand: o.cand, discount: result.discount };
}

function summarise(
  input: EvaluationInput,
  winners: readonly Outcome[],
  rejections: CodeRejection[],
): PromotionEvaluation {
  const { currency } = input;
  const m = (amount: number) => money(amount, currency);
  const lineSums = input.lines.map(() => 0);
  let shipping = 0;
  const applied = winners.map(({ cand, discount }): AppliedPromotion => {
    discount.at.forEach((line, k) => {
      lineSums[line]! += discount.amounts[k]!;
    });
    shipping += discount.shipping;
    return {
      promotionId: cand.c.promotion.id,
      name: cand.c.promotion.name,
      code: cand.code,
      lines: discount.at.flatMap((line, k) =>
        discount.amounts[k]! > 0 ? [{ sku: input.lines[line]!.sku, discount: m(discount.amounts[k]!) }] : [],
      ),
      shipping: m(discount.shipping),
      total: m(discount.total),
    };
  });
  const items = lineSums.reduce((s, n) => s + n, 0);
  const order = input.codes.map((e) => normalizeDiscountCode(e.code));
  const appliedCodes = new Set(applied.flatMap((a) => (a.code ? [a.code] : [])));
  // Report in the order the shopper entered codes (a repeated code sorts by its first entry, which is stable).
  rejections.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
  return {
    currency,
    applied,
    lineDiscounts: lineSums.map(m),
    itemsDiscount: m(items),
    shippingDiscount: m(shipping),
    total: m(items + shipping),
    appliedCodes: order.filter((c, i) => appliedCodes.has(c) && order.indexOf(c) === i),
    rejections,
  };
}
