/** Review shapes the public, account and admin review routes share (the OpenAPI document is generated from them). */
import type { PublicReview, QueuedReview, ReviewRow } from '@db/repositories/reviews';
import type { RatingDistribution } from '@domain/catalog/review-input';
import { ReviewInputSchema } from '@domain/catalog/review-input';
import { REVIEW_STATUSES } from '@domain/catalog/statuses';
import { z } from '@hono/zod-openapi';

/** The body of PUT /account/reviews/{productSlug}: the domain's own schema (plain text, never rendered as HTML). */
export const ReviewInputBody = ReviewInputSchema.openapi('ReviewInput');

export const ProductSlugParam = z.object({ productSlug: z.string().min(1).max(120) });

/** A published review as anyone may read it. */
export const PublicReviewOut = z
  .object({
    id: z.string(),
    authorName: z.string(),
    rating: z.number().int(),
    title: z.string(),
    body: z.string(),
    verifiedPurchase: z.boolean(),
    createdAt: z.number().int(),
  })
  .openapi('Review');

/** A customer's own review, with where it stands in moderation. */
export const OwnReviewOut = PublicReviewOut.extend({
  productSlug: z.string(),
  productName: z.string(),
  status: z.enum(REVIEW_STATUSES),
  moderationNote: z.string().nullable().openapi({ description: 'Why it was rejected' }),
  updatedAt: z.number().int().nullable(),
}).openapi('OwnReview');

/** A review as moderators see it. */
export const ModerationReviewOut = OwnReviewOut.extend({
  moderatedBy: z.string().nullable(),
  moderatedAt: z.number().int().nullable(),
}).openapi('ModerationReview');

/** Counts per star, 5 stars first. */
export const DistributionOut = z
  .array(z.object({ stars: z.number().int().min(1).max(5), count: z.number().int() }))
  .openapi('RatingDistribution');

export const publicReview = (r: PublicReview) => ({
  id: r.id,
  authorName: r.authorName,
  rating: r.rating,
  title: r.title,
  body: r.body,
  verifiedPurchase: r.verifiedPurchase,
  createdAt: r.createdAt,
});

export const ownReview = (r: ReviewRow, product: { slug: string; name: string }) => ({
  ...publicReview(r),
  productSlug: product.slug,
  productName: product.name,
  status: r.status,
  moderationNote: r.moderationNote,
  updatedAt: r.updatedAt,
});

export const moderationReview = (r: QueuedReview) => ({
  ...ownReview(r, { slug: r.productSlug, name: r.productName }),
  moderatedBy: r.moderatedBy,
  moderatedAt: r.moderatedAt,
});

export const distributionOut = (d: RatingDistribution) =>
  ([5, 4, 3, 2, 1] as const).map((stars) => ({ stars, count: d[stars] }));
