/** The product page's reviews: a summary and the latest published reviews. */
import { component$ } from '@builder.io/qwik';
import type { ReviewView } from '@db/repositories/catalog';
import { StarRating } from '~/components/ui/star-rating/StarRating';
import { formatDate, pluralise } from '~/lib/format';

interface Props {
  reviews: ReviewView[];
  rating: number | null;
  reviewCount: number;
}

/** Reviews section; says so plainly when there are none. */
export const ReviewList = component$<Props>(({ reviews, rating, reviewCount }) => (
  <section class="product-section" aria-labelledby="reviews-title">
    <h2 id="reviews-title">Customer reviews</h2>
    {reviewCount === 0 || rating === null ? (
      <p>No reviews yet. Be the first to tell others what you think.</p>
    ) : (
      <>
        <div class="review-summary">
          <strong>{rating.toFixed(1)} out of 5</strong>
          <StarRating rating={rating} reviewCount={reviewCount} showCount={false} />
          <span>Based on {pluralise(reviewCount, 'review')}</span>
        </div>
        <ul class="review-list">
          {reviews.map((r) => (
            <li key={r.id}>
              <article class="review">
                <StarRating rating={r.rating} reviewCount={1} showCount={false} />
                <h3>{r.title}</h3>
                <p>{r.body}</p>
                <footer>
                  {r.authorName} ·{' '}
                  <time dateTime={new Date(r.createdAt).toISOString()}>{formatDate(r.createdAt)}</time>
                </footer>
              </article>
            </li>
          ))}
        </ul>
      </>
    )}
  </section>
));
