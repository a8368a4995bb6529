/** A five-star rating display with a text alternative. */
import { component$ } from '@builder.io/qwik';
import { describeRating, pluralise } from '~/lib/format';

interface Props {
  rating: number | null;
  reviewCount: number;
  /** Show "(12 reviews)" after the stars. */
  showCount?: boolean;
}

/** Stars filled to the rating; "No reviews yet" when there is none. */
export const StarRating = component$<Props>(({ rating, reviewCount, showCount = true }) => {
  if (rating === null || reviewCount === 0) {
    return <p class="rating">No reviews yet</p>;
  }
  const pct = Math.max(0, Math.min(100, (rating / 5) * 100));
  return (
    <p class="rating">
      <span class="stars" role="img" aria-label={describeRating(rating)}>
        <span class="stars-fill" style={{ width: `${pct}%` }} />
      </span>
      {showCount && <span>({pluralise(reviewCount, 'review')})</span>}
    </p>
  );
});
