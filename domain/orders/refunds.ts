/** Cancelling and refunding an order: the inputs staff give, and how much a refund returns (pure rules). */

import { fail, ok, type Result } from '@domain/core/result';
import { z } from 'zod';
import type { OrderEvent } from './order-status';

const Amount = z.number().int().min(0).max(100_000_000);

/** Cancelling: a reason is required; restocking is the staff member's explicit choice, never implied. */
export const CancelOrderInput = z
  .object({
    reason: z.string().trim().min(1, 'Give a reason for the cancellation.').max(500),
    restock: z.boolean(),
  })
  .strict();
export type CancelOrderInput = z.infer<typeof CancelOrderInput>;

/** A refund by lines (line + quantity) or by amount, less an optional restocking fee and return-shipping deduction. */
export const RefundInput = z
  .object({
    lines: z
      .array(
        z
          .object({ lineId: z.string().min(1).max(80), quantity: z.number().int().min(1).max(10_000) })
          .strict(),
      )
      .min(1)
      .max(50)
      .optional(),
    amount: Amount.min(1).optional(),
    restockingFee: Amount.default(0),
    returnShippingDeduction: Amount.default(0),
    /** Put the refunded lines' units back in stock (only meaningful with `lines`). */
    restock: z.boolean(),
    reason: z.string().trim().max(500).default(''),
  })
  .strict()
  .refine((r) => (r.lines === undefined) !== (r.amount === undefined), {
    message: 'Refund either lines or an amount, not both.',
    path: ['lines'],
  })
  .refine((r) => !(r.restock && r.lines === undefined), {
    message: 'Restocking needs the lines being refunded.',
    path: ['restock'],
  });
export type RefundInput = z.infer<typeof RefundInput>;

/** What the refund calculation needs of an order line. */
export type RefundableLine = {
  id: string;
  sku: string;
  quantity: number;
  lineTotalAmount: number;
  discountAmount: number;
  taxAmount: number;
};

/** The money the shopper paid for a line: after its discount share, with its tax when prices excluded it. */
export function linePaidAmount(line: RefundableLine, pricesIncludeTax: boolean): number {
  return line.lineTotalAmount - line.discountAmount + (pricesIncludeTax ? 0 : line.taxAmount);
}

/** A refund worked out: the amount to return and the units it covers (sku and quantity, for restocking). */
export type RefundPlan = { amount: number; units: { lineId: string; sku: string; quantity: number }[] };

/**
 * The amount a refund returns: by lines, each line's paid amount pro rata to the quantity (rounded down, so never
 * more than was paid); by amount, the amount; then less the restocking fee and the return-shipping deduction. It must
 * leave something to refund and stay within `refundable` (captured minus what is already refunded or pending).
 */
export function planRefund(
  input: RefundInput,
  lines: readonly RefundableLine[],
  pricesIncludeTax: boolean,
  refundable: number,
  /** Units of each line already refunded (by refunds that did not fail). */
  refundedUnits: Readonly<Record<string, number>> = {},
): Result<RefundPlan> {
  const units: RefundPlan['units'] = [];
  let gross = input.amount ?? 0;
  if (input.lines) {
    const seen = new Set<string>();
    for (const asked of input.lines) {
      const line = lines.find((l) => l.id === asked.lineId);
      if (!line || seen.has(asked.lineId))
        return fail('VALIDATION_FAILED', 'Each refunded line must be a line of this order, once.', {
          field: 'lines',
        });
      seen.add(asked.lineId);
      const left = line.quantity - (refundedUnits[line.id] ?? 0);
      if (asked.quantity > left)
        return fail('CONFLICT', `Only ${left} of ${line.quantity} units of ${line.sku} are left to refund.`, {
          reason: 'over_refund_units',
          lineId: line.id,
          left,
        });
      gross += Math.floor((linePaidAmount(line, pricesIncludeTax) * asked.quantity) / line.quantity);
      units.push({ lineId: line.id, sku: line.sku, quantity: asked.quantity });
    }
  }
  const amount = gross - input.restockingFee - input.returnShippingDeduction;
  if (amount <= 0)
    return fail('VALIDATION_FAILED', 'After the fee and deduction there is nothing left to refund.', {
      field: 'amount',
    });
  if (amount > refundable)
    return fail('CONFLICT', `Only ${refundable} (minor units) is left to refund on this order.`, {
      reason: 'over_refund',
      refundable,
    });
  return ok({ amount, units });
}

/** Which machine event a refund is: the full one when it brings the refunded total up to what was captured. */
export function refundEvent(captured: number, refundedAfter: number): OrderEvent {
  return refundedAfter >= captured ? 'refund' : 'partial_refund';
}

/** "12.5" in `digits` decimal places → 1250 minor units; null for anything that is not a plain non-negative amount. */
export function parseMinorUnits(text: string, digits: number): number | null {
  const m = /^(\d{1,9})(?:[.,](\d+))?$/.exec(text.trim());
  if (!m || (m[2] ?? '').length > digits) return null;
  return Number(m[1]) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || '0');
}
