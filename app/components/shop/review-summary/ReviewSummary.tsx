/** A product's rating summary: the average in large type, the stars, the count, and one bar per star. */
import { component$ } from '@builder.io/qwik';
import { StarRating } from '~/components/ui/star-rating/StarRating';
import { pluralise } from '~/lib/format';

interface Props {
  average: number | null;
  total: number;
  /** Counts per star, 1 to 5. */
  distribution: Record<1 | 2 | 3 | 4 | 5, number>;
}

/** Each bar's meaning is in its text ("5 stars: 12 reviews, 60%"); the bar itself is decoration. */
export const ReviewSummary = component$<Props>(({ average, total, distribution }) => (
  <div class="review-summary">
    <div class="review-score">
      <p class="review-average">
        {average === null ? '–' : average.toFixed(1)}
        <span class="visually-hidden"> out of 5</span>
      </p>
      <StarRating rating={average} reviewCount={total} showCount={false} />
      <p class="muted">Based on {pluralise(total, 'review')}</p>
    </div>
    <ul class="review-bars" aria-label="Reviews by star rating">
      {([5, 4, 3, 2, 1] as const).map((star) => {
        const count = distribution[star];
        const pct = total === 0 ? 0 : Math.round((count / total) * 100);
        return (
          <li key={star} class="review-bar-row">
            <span class="review-bar-label">{pluralise(star, 'star')}</span>
            <span class="review-bar" aria-hidden="true">
              <span class="review-bar-fill" style={{ width: `${pct}%` }} />
            </span>
            <span class="review-bar-count">
              {pct}%<span class="visually-hidden">, {pluralise(count, 'review')}</span>
            </span>
          </li>
        );
      })}
    </ul>
  </div>
));
