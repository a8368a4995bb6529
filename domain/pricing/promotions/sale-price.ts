/** Scheduled catalog sales: a percentage off a set of products over a window, shown as "was / now" in listings. */
import { idSchema } from '@domain/core/id-schema';
import { type Money, money, percentOf } from '@domain/pricing/money';
import { z } from 'zod';

/** The fields of a sale, each with the sentence an administrator sees when it is wrong. */
const saleFields = {
  name: z.string().trim().min(1, 'Give the sale a name.').max(120),
  basisPoints: z
    .number()
    .int('Use a whole number of basis points.')
    .min(1, 'A sale must take more than 0% off.')
    .max(10_000, 'A sale cannot take more than 100% off.'),
  productIds: z.array(idSchema('product')).max(500),
  categoryIds: z.array(idSchema('category')).max(500),
  /** From startsAt (inclusive) to endsAt (exclusive), UTC epoch ms; a sale always has a window. */
  startsAt: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  endsAt: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  active: z.boolean(),
};

/** A sale as an administrator sets it up: products and/or whole categories, basis points off, a date window. */
export const SaleInput = z
  .object({
    ...saleFields,
    productIds: saleFields.productIds.default([]),
    categoryIds: saleFields.categoryIds.default([]),
    active: saleFields.active.default(true),
  })
  .strict()
  .refine((s) => s.productIds.length + s.categoryIds.length > 0, {
    message: 'Choose at least one product or category.',
    path: ['productIds'],
  })
  .refine((s) => s.startsAt < s.endsAt, { message: 'The end must be after the start.', path: ['endsAt'] });
export type SaleInput = z.infer<typeof SaleInput>;

/**
 * A change to some fields of a sale (PATCH): the fields given replace the stored ones, and the result must pass
 * SaleInput as a whole (so a new end before the stored start is refused).
 */
export const SalePatch = z.object(saleFields).partial().strict();
export type SalePatch = z.infer<typeof SalePatch>;

/** A sale as stored: the parsed input plus its id. */
export type Sale = SaleInput & { id: string };

/** A catalogue price after sales: `price` to charge, `compareAt` the original when a sale lowered it. */
export interface SalePrice {
  price: Money;
  compareAt: Money | null;
  saleId: string | null;
}

/**
 * The price of a product now. Of the active sales covering it (by product or any of its categories) whose window
 * holds `now`, the deepest wins (ties: the smaller id, so every page agrees); the cut rounds half-even and never
 * takes the price below 0.
 */
export function salePriceOf(
  price: Money,
  productId: string,
  categoryIds: readonly string[],
  sales: readonly Sale[],
  now: number,
): SalePrice {
  let best: Sale | null = null;
  for (const s of sales) {
    if (!s.active || now < s.startsAt || now >= s.endsAt) continue;
    if (!s.productIds.includes(productId) && !categoryIds.some((c) => s.categoryIds.includes(c))) continue;
    if (!best || s.basisPoints > best.basisPoints || (s.basisPoints === best.basisPoints && s.id < best.id)) {
      best = s;
    }
  }
  if (!best) return { price, compareAt: null, saleId: null };
  const cut = Math.min(percentOf(price, best.basisPoints).amount, price.amount);
  if (cut === 0) return { price, compareAt: null, saleId: null };
  return { price: money(price.amount - cut, price.currency), compareAt: price, saleId: best.id };
}

/**
 * The first other active sale that would cover some of the same products or categories at some of the same time
 * (windows are half-open, so one ending when another starts does not overlap), or null. Pricing copes with overlaps
 * (the deepest wins); this lets the admin refuse them so a product never sits under two sales by mistake.
 */
export function overlappingSale(
  sale: Pick<Sale, 'productIds' | 'categoryIds' | 'startsAt' | 'endsAt'> & { id?: string },
  others: readonly Sale[],
): Sale | null {
  for (const o of others) {
    if (o.id === sale.id || !o.active) continue;
    if (o.startsAt >= sale.endsAt || sale.startsAt >= o.endsAt) continue;
    const sharesProduct = o.productIds.some((p) => sale.productIds.includes(p));
    const sharesCategory = o.categoryIds.some((c) => sale.categoryIds.includes(c));
    if (sharesProduct || sharesCategory) return o;
  }
  return null;
}

/** Where a sale stands at `now`: switched off, not started, on, or over (the back office's list shows it). */
export type SaleState = 'off' | 'scheduled' | 'live' | 'ended';

export function saleState(s: Pick<Sale, 'active' | 'startsAt' | 'endsAt'>, now: number): SaleState {
  if (!s.active) return 'off';
  if (now < s.startsAt) return 'scheduled';
  return now < s.endsAt ? 'live' : 'ended';
}
