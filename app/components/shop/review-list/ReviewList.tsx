/**
 * The product page's reviews: the rating summary, the newest published reviews, a link to the rest, and a link to
 * write one. Nothing here depends on who is looking, so the page can be cached publicly: writing happens on the
 * account page the link opens (the login page first for anyone signed out).
 */
import { component$ } from '@builder.io/qwik';
import { ReviewItem } from '~/components/shop/review-item/ReviewItem';
import { ReviewSummary } from '~/components/shop/review-summary/ReviewSummary';
import { pluralise } from '~/lib/format';
import type { ProductReviewsPage } from '~/lib/reviews';

interface Props {
  productSlug: string;
  reviews: ProductReviewsPage;
}

export const ReviewList = component$<Props>(({ productSlug, reviews: r }) => (
  <section class="product-section reviews-section" aria-labelledby="reviews-title">
    <div class="reviews-head">
      <h2 id="reviews-title">Customer reviews</h2>
      <a class="btn btn-secondary" href={`/account/reviews/${productSlug}`}>
        Write a review
      </a>
    </div>
    {r.total === 0 ? (
      <p class="muted">No reviews yet. Be the first to tell others what you think.</p>
    ) : (
      <div class="reviews-body">
        <ReviewSummary average={r.average} total={r.total} distribution={r.distribution} />
        <div>
          <ul class="review-list">
            {r.items.map((review) => (
              <li key={review.id}>
                <ReviewItem review={review} />
              </li>
            ))}
          </ul>
          {r.pageCount > 1 && (
            <p class="reviews-more">
              <a href={`/p/${productSlug}/reviews?page=2`}>
                More reviews <span class="muted">({pluralise(r.total, 'review')} in all)</span>
              </a>
            </p>
          )}
        </div>
      </div>
    )}
  </section>
));
