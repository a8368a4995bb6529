/**
 * Promotions at checkout: what evaluation needs for one checkout (the automatic promotions, the entered codes'
 * promotions, live uses, who is buying), and the uses held with the stock when payment starts, confirmed with the
 * order (db/repositories/orders.ts placeOrder's batch) and given back when the payment fails.
 */
import type { Db } from '@db/client';
import { countOrdersOf } from '@db/repositories/orders';
import { holdPromotionUse, liveUsage, releasePromotionUses } from '@db/repositories/promotion-uses';
import { promotionOf, promotionsForCodes } from '@db/repositories/promotions';
import type { PromotionContext } from '@domain/cart/cart-totals';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import {
  type AppliedPromotion,
  type PromotionCustomer,
  type PromotionUsage,
  usageKeysOf,
} from '@domain/pricing/promotions';
import type { Env } from '@worker/env';
import { automaticPromotions } from './automatic';

/** Who pays, for promotions: the account if signed in, else the checkout's email (a guest). */
export interface Shopper {
  checkoutId: string;
  customerId: string | null;
  email: string | null;
  shippingCountry: string | null;
}

/** The shopper of a checkout row. */
export function shopperOf(row: {
  id: string;
  customerId: string | null;
  email: string | null;
  shippingAddress: string | null;
}): Shopper {
  const country = row.shippingAddress
    ? (JSON.parse(row.shippingAddress) as { country?: unknown }).country
    : null;
  return {
    checkoutId: row.id,
    customerId: row.customerId,
    email: row.email,
    shippingCountry: typeof country === 'string' ? country : null,
  };
}

const customerOf = (s: Shopper, previousOrders: number): PromotionCustomer => ({
  signedIn: s.customerId != null,
  customerId: s.customerId,
  email: s.email,
  previousOrders,
});

/**
 * The shopper's keys as promotion_uses records them (usageKeysOf's): the account when signed in, and the checkout's
 * email. Holding a use writes them; counting a shopper's uses matches either.
 */
function useKeysOf(shopper: Shopper): { usageKey: string | null; usageEmail: string | null } {
  const keys = usageKeysOf(customerOf(shopper, 0));
  return {
    usageKey: shopper.customerId ? (keys[0] ?? null) : null,
    usageEmail: keys.find((k) => k.startsWith('email:')) ?? null,
  };
}

/** Everything evaluatePromotions needs besides the lines, for a shopper and the codes they entered. */
export async function promotionContextFor(
  env: Env,
  db: Db,
  shopper: Shopper,
  codes: readonly string[],
  now: number,
): Promise<PromotionContext> {
  const [automatic, found] = await Promise.all([
    automaticPromotions(env, now),
    promotionsForCodes(db, codes),
  ]);
  const byCode = new Map(found.map((f) => [f.code, promotionOf(f.row, [f.code])]));
  const entered = codes.map((code) => ({ code, promotion: byCode.get(code) ?? null }));
  const unlocked = [...byCode.values()];
  const limited = [
    ...automatic.limitedIds,
    ...unlocked.filter((p) => p.usageLimit != null || p.perCustomerLimit != null).map((p) => p.id),
  ];
  const keys = useKeysOf(shopper);
  // Evaluation counts a shopper's uses under the first key usageKeysOf gives: the account, else the email.
  const shopperKey = keys.usageKey ?? keys.usageEmail;
  const needsHistory = automatic.firstOrderOnly || unlocked.some((p) => p.conditions.firstOrderOnly);
  const [live, previousOrders] = await Promise.all([
    liveUsage(db, limited, { ...keys, checkoutId: shopper.checkoutId }, now),
    needsHistory ? countOrdersOf(db, { customerId: shopper.customerId, email: shopper.email }) : 0,
  ]);
  const usage: Record<string, PromotionUsage> = {};
  for (const [id, u] of Object.entries(live)) {
    usage[id] = { total: u.total, byCustomer: shopperKey ? { [shopperKey]: u.mine } : {} };
  }
  return {
    customer: customerOf(shopper, previousOrders),
    shippingCountry: shopper.shippingCountry,
    now,
    automatic: automatic.compiled,
    codes: entered,
    usage,
  };
}

/** A promotion applied to a placed checkout, as stored on it (checkouts.promotions). */
export interface HeldPromotion {
  promotionId: string;
  code: string | null;
  amount: number;
}

export const heldPromotionsOf = (applied: readonly AppliedPromotion[]): HeldPromotion[] =>
  applied.map((a) => ({ promotionId: a.promotionId, code: a.code, amount: a.total.amount }));

export const parseHeldPromotions = (json: string | null): HeldPromotion[] =>
  json ? (JSON.parse(json) as HeldPromotion[]) : [];

const REFUSALS = {
  INACTIVE: 'is no longer available',
  TOTAL_LIMIT: 'has been used as many times as it may be',
  CUSTOMER_LIMIT: 'has already been used by you as many times as it may be',
  CODE_LIMIT: 'has already been used',
} as const;

/**
 * Holds one use of every applied promotion for this checkout until `expiresAt`, or none: when one is refused (another
 * order took the last use meanwhile) the ones already held are given back and the answer says which one ran out.
 */
export async function holdPromotionUses(
  db: Db,
  shopper: Shopper,
  held: readonly HeldPromotion[],
  times: { now: number; expiresAt: number },
): Promise<Result<true>> {
  const { usageKey, usageEmail } = useKeysOf(shopper);
  for (const p of held) {
    const outcome = await holdPromotionUse(db, {
      id: newId('promotionUse', times.now),
      promotionId: p.promotionId,
      checkoutId: shopper.checkoutId,
      code: p.code,
      usageKey,
      usageEmail,
      discountAmount: p.amount,
      now: times.now,
      expiresAt: times.expiresAt,
    });
    if (!outcome.ok) {
      await releasePromotionUses(db, shopper.checkoutId);
      const what = p.code ? `The code ${p.code}` : 'A promotion in your cart';
      return fail(
        'PROMOTION_LIMIT_REACHED',
        `${what} ${REFUSALS[outcome.refusal]}; your total has been updated.`,
        {
          promotionId: p.promotionId,
          code: p.code,
          refusal: outcome.refusal,
        },
      );
    }
  }
  return ok(true);
}
