/** Checkout rules: the order of its steps, the lines it freezes when the order is placed, and its hold ids. */

import { fail, ok, type Result } from '@domain/core/result';
import type { AddressInput } from '@domain/customers/address';
import { z } from 'zod';

/** The steps in the order the shopper takes them; each needs the ones before it. */
export const CHECKOUT_STEPS = ['contact', 'address', 'shipping', 'payment'] as const;
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number];

/** What the steps have filled in so far. */
export interface CheckoutProgress {
  email: string | null;
  shippingAddress: AddressInput | null;
  shippingMethod: string | null;
}

const DONE: Record<Exclude<CheckoutStep, 'payment'>, (c: CheckoutProgress) => boolean> = {
  contact: (c) => c.email !== null,
  address: (c) => c.shippingAddress !== null,
  shipping: (c) => c.shippingMethod !== null,
};

const ASK: Record<Exclude<CheckoutStep, 'payment'>, string> = {
  contact: 'Enter your email address first.',
  address: 'Enter your shipping address first.',
  shipping: 'Choose a shipping method first.',
};

/** The first step not done yet ('payment' once the rest are). */
export function nextStep(c: CheckoutProgress): CheckoutStep {
  for (const step of ['contact', 'address', 'shipping'] as const) if (!DONE[step](c)) return step;
  return 'payment';
}

/**
 * The server's enforcement of the order: a step may be saved (or revisited) once every step before it is done.
 * CHECKOUT_INCOMPLETE (meta `{ step }`: the step to do first) otherwise.
 */
export function checkStepAllowed(c: CheckoutProgress, step: CheckoutStep): Result<true> {
  for (const before of CHECKOUT_STEPS.slice(0, CHECKOUT_STEPS.indexOf(step))) {
    if (before !== 'payment' && !DONE[before](c))
      return fail('CHECKOUT_INCOMPLETE', ASK[before], { step: before });
  }
  return ok(true);
}

/** A line as frozen when the order is placed: what is held, charged and copied into the order. */
export const CheckoutLineSchema = z.object({
  sku: z.string(),
  quantity: z.number().int().positive(),
  productName: z.string(),
  variantLabel: z.string(),
  unitAmount: z.number().int().nonnegative(),
  lineTotalAmount: z.number().int().nonnegative(),
  discountAmount: z.number().int().nonnegative(),
  /** Tax on (or, with tax-inclusive prices, in) the line after its discount share, at `taxRatePpm`. */
  taxAmount: z.number().int().nonnegative().default(0),
  taxRatePpm: z.number().int().nonnegative().default(0),
});
export type CheckoutLine = z.infer<typeof CheckoutLineSchema>;

/** True when two frozen line lists hold the same SKUs in the same quantities at the same prices. */
export function sameLines(a: readonly CheckoutLine[], b: readonly CheckoutLine[]): boolean {
  const key = (l: CheckoutLine) => `${l.sku}\u0000${l.quantity}\u0000${l.unitAmount}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

/**
 * The StockDO request id of a checkout line's hold. The attempt number changes whenever the held lines change or
 * the holds are given back, so a new hold never collides with a settled one, while placing the order again with the
 * same lines finds its own holds (a shopper is never blocked by their own stock).
 */
export const holdRequestId = (checkoutId: string, attempt: number | string, sku: string): string =>
  `${checkoutId}:${attempt}:${sku}`;
