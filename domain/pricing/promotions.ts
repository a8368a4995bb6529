/** Discount codes: who may use them, when, and how much they take off a cart subtotal. */

import { fail, ok, type Result } from '@domain/core/result';
import { z } from 'zod';
import { type Money, MoneySchema, minMoney, money, percentOf, toDecimalString } from './money';

/** Zod schema for a code as typed by a shopper: trimmed, upper-cased, 3-32 of A-Z 0-9 _ -. */
export const DiscountCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{3,32}$/, 'Discount codes are 3-32 letters, digits, "-" or "_".');

/** Canonical form of a code for lookups ("  summer-10 " → "SUMMER-10"). */
export const normalizeDiscountCode = (code: string): string => code.trim().toUpperCase();

const nullableTime = z.number().int().nonnegative().nullish();
const common = {
  code: DiscountCodeSchema,
  /** Subtotal (before discount, shipping, tax) the cart must reach; its currency also limits the code. */
  minSubtotal: MoneySchema.nullish(),
  /** Valid from this UTC epoch ms, inclusive. */
  startsAt: nullableTime,
  /** Valid until this UTC epoch ms, exclusive. */
  endsAt: nullableTime,
  /** Total redemptions allowed across all customers; null = unlimited. */
  usageLimit: z.number().int().positive().nullish(),
};

/** Zod schema for a promotion (admin input and stored rows): percentage in basis points, or a fixed amount. */
export const PromotionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('percentage'), basisPoints: z.number().int().min(1).max(10_000), ...common }),
    z.object({
      kind: z.literal('fixed'),
      amount: MoneySchema.refine((m) => m.amount > 0, 'Must be > 0'),
      ...common,
    }),
  ])
  .refine((p) => p.startsAt == null || p.endsAt == null || p.startsAt < p.endsAt, {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  })
  .refine(
    (p) => p.kind !== 'fixed' || p.minSubtotal == null || p.minSubtotal.currency === p.amount.currency,
    {
      message: 'minSubtotal must be in the same currency as amount',
      path: ['minSubtotal'],
    },
  );

/** A discount code's rules. */
export type Promotion = z.infer<typeof PromotionSchema>;

/** Why a code did not apply, in `error.meta.reason`, so the UI can word it. */
export type PromotionRejection =
  | 'NOT_STARTED'
  | 'EXPIRED'
  | 'USAGE_LIMIT_REACHED'
  | 'WRONG_CURRENCY'
  | 'BELOW_MINIMUM';

function reject(reason: PromotionRejection, detail: string, meta: Record<string, unknown> = {}) {
  return fail<{ discount: Money }>('PROMOTION_NOT_APPLICABLE', detail, { reason, ...meta });
}

/**
 * Decides whether `promo` applies to a cart with this `subtotal` at `now` after `timesUsed`
 * redemptions, and how much it takes off. Percentages round half-even (see percentOf); the
 * discount never exceeds the subtotal, so a total never goes negative.
 */
export function applyDiscountCode(
  promo: Promotion,
  ctx: { subtotal: Money; now: number; timesUsed: number },
): Result<{ discount: Money }> {
  const { subtotal, now, timesUsed } = ctx;
  if (promo.startsAt != null && now < promo.startsAt) {
    return reject('NOT_STARTED', `Code ${promo.code} is not active yet.`, { startsAt: promo.startsAt });
  }
  if (promo.endsAt != null && now >= promo.endsAt) {
    return reject('EXPIRED', `Code ${promo.code} has expired.`, { endsAt: promo.endsAt });
  }
  if (promo.usageLimit != null && timesUsed >= promo.usageLimit) {
    return reject('USAGE_LIMIT_REACHED', `Code ${promo.code} has been used up.`);
  }
  const codeCurrency = promo.kind === 'fixed' ? promo.amount.currency : promo.minSubtotal?.currency;
  if (codeCurrency != null && codeCurrency !== subtotal.currency) {
    return reject('WRONG_CURRENCY', `Code ${promo.code} only applies to ${codeCurrency} orders.`, {
      currency: codeCurrency,
    });
  }
  if (promo.minSubtotal != null && subtotal.amount < promo.minSubtotal.amount) {
    const min = `${toDecimalString(promo.minSubtotal)} ${promo.minSubtotal.currency}`;
    return reject('BELOW_MINIMUM', `Code ${promo.code} needs a subtotal of at least ${min}.`, {
      minSubtotal: promo.minSubtotal,
      shortBy: money(promo.minSubtotal.amount - subtotal.amount, subtotal.currency),
    });
  }
  const raw = promo.kind === 'percentage' ? percentOf(subtotal, promo.basisPoints) : promo.amount;
  return ok({ discount: minMoney(raw, subtotal) });
}
