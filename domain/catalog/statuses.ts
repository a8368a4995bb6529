/** Lifecycle states of catalog records: what the storefront shows (active products, published reviews). */

/** A product is sold only while active; drafts are being prepared, archived ones are kept for old orders. */
export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** A review is shown only once published (after moderation). */
export const REVIEW_STATUSES = ['pending', 'published', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
