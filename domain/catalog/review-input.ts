/**
 * Reviews' rules: what a customer may post (rating 1–5 in whole stars, a short title, a body), how ratings are
 * summarised (distribution, average), and which orders count as a purchase for the "verified purchase" badge.
 */
import type { OrderStatus } from '@domain/orders/order-status';
import { z } from 'zod';

export const MAX_REVIEW_TITLE = 120;
export const MAX_REVIEW_BODY = 5000;
export const MAX_REJECT_REASON = 500;
/** Reviews per page, on the API and the product's review pages. */
export const REVIEWS_PAGE_SIZE = 10;

/** Whole stars only: `2.5`, `"5"`, `0` and `6` are refused rather than rounded or coerced. */
export const RatingSchema = z
  .number({ message: 'Choose a rating from 1 to 5 stars' })
  .int('Choose a whole number of stars from 1 to 5')
  .min(1, 'Choose a rating from 1 to 5 stars')
  .max(5, 'Choose a rating from 1 to 5 stars');

/** A review as its author writes it; text is trimmed before its length is checked. */
export const ReviewInputSchema = z
  .object({
    rating: RatingSchema,
    title: z
      .string()
      .trim()
      .max(MAX_REVIEW_TITLE, `Keep the title to ${MAX_REVIEW_TITLE} characters`)
      .default(''),
    body: z
      .string()
      .trim()
      .min(1, 'Tell other shoppers what you think')
      .max(MAX_REVIEW_BODY, `Keep the review to ${MAX_REVIEW_BODY} characters`),
  })
  .strict();
export type ReviewInput = z.infer<typeof ReviewInputSchema>;

/** A moderator's reason for rejecting a review (shown to its author). */
export const RejectReasonSchema = z
  .string()
  .trim()
  .min(1, 'Say why, so the author can fix it')
  .max(MAX_REJECT_REASON, `Keep the reason to ${MAX_REJECT_REASON} characters`);

/** How many reviews gave each number of stars, 1 to 5. */
export type RatingDistribution = Record<1 | 2 | 3 | 4 | 5, number>;

/** Counts per star from `(rating, count)` rows; ratings outside 1–5 are ignored, missing stars count 0. */
export function ratingDistribution(
  rows: ReadonlyArray<{ rating: number; count: number }>,
): RatingDistribution {
  const out: RatingDistribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const { rating, count } of rows) {
    if (Number.isInteger(rating) && rating >= 1 && rating <= 5) out[rating as 1 | 2 | 3 | 4 | 5] += count;
  }
  return out;
}

/** Total reviews and their average (null when there are none) from a distribution. */
export function summariseRatings(d: RatingDistribution): { count: number; average: number | null } {
  let count = 0;
  let sum = 0;
  for (const star of [1, 2, 3, 4, 5] as const) {
    count += d[star];
    sum += star * d[star];
  }
  return { count, average: count === 0 ? null : sum / count };
}

/** The share of reviews with `star` stars, as a whole percentage (0 when there are none). */
export function sharePercent(d: RatingDistribution, star: 1 | 2 | 3 | 4 | 5): number {
  const { count } = summariseRatings(d);
  return count === 0 ? 0 : Math.round((d[star] / count) * 100);
}

/**
 * Orders that make a review a verified purchase: paid and not undone. Left out: `pending` (not paid yet),
 * `cancelled`, and `refunded` (all the money went back; the status alone cannot tell a refunded cancellation from
 * a refunded delivery, so neither counts). A return in progress or done still counts: the customer had the goods.
 */
export const PURCHASE_STATUSES = [
  'processing',
  'shipped',
  'delivered',
  'return_requested',
  'returned',
  'partially_refunded',
] as const satisfies readonly OrderStatus[];

/** How a review is signed in public: the first name and the initial of the last ("Jane Doe" → "Jane D."). */
export function publicAuthorName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return 'A customer';
  const first = parts[0]!.slice(0, 40);
  const last = parts.length > 1 ? parts[parts.length - 1]! : '';
  return last ? `${first} ${[...last][0]!.toUpperCase()}.` : first;
}
