/** Reviews for the shop's pages: one page of a product's published reviews with the rating summary. */
import type { Db } from '@db/client';
import { listPublishedReviews, type PublishedReviewsPage } from '@db/repositories/reviews';
import { type RatingDistribution, REVIEWS_PAGE_SIZE, summariseRatings } from '@domain/catalog/review-input';

/** The page number asked for in `?page=`, within 1..max (anything else reads as page 1). */
export function pageParam(url: URL, max = 10_000): number {
  const asked = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
  return Number.isFinite(asked) ? Math.min(Math.max(asked, 1), max) : 1;
}

/** What the product page's reviews section and the product's reviews pages show. */
export async function productReviewsPage(
  db: Db,
  productId: string,
  page: number,
): Promise<ProductReviewsPage> {
  const found = await listPublishedReviews(db, productId, {
    limit: REVIEWS_PAGE_SIZE,
    offset: (page - 1) * REVIEWS_PAGE_SIZE,
  });
  return withPaging(found.items, found.distribution, page);
}

/** The first page, from the reviews the product detail read in its own batch (no second query). */
export function firstReviewsPage(product: {
  reviews: PublishedReviewsPage['items'];
  ratingDistribution: RatingDistribution;
}): ProductReviewsPage {
  return withPaging(product.reviews, product.ratingDistribution, 1);
}

/** A page of reviews with the totals its star counts give (count and average) and the number of pages. */
function withPaging(items: PublishedReviewsPage['items'], distribution: RatingDistribution, page: number) {
  const { count, average } = summariseRatings(distribution);
  return {
    items,
    total: count,
    distribution,
    page,
    pageCount: Math.max(1, Math.ceil(count / REVIEWS_PAGE_SIZE)),
    average,
  };
}

/** A page of reviews as a loader returns it. */
export type ProductReviewsPage = ReturnType<typeof withPaging>;
