/** One published review: stars, title, text, author and date, and "Verified purchase" when it is one. */
import { component$ } from '@builder.io/qwik';
import type { PublicReview } from '@db/repositories/reviews';
import { StarRating } from '~/components/ui/star-rating/StarRating';
import { formatDate } from '~/lib/format';

interface Props {
  review: PublicReview;
  /** The title's heading level, so the review fits the page outline. */
  headingLevel?: 3 | 4;
}

/** Text is rendered as text (Qwik escapes it): markup a reviewer typed shows as written, never as HTML. */
export const ReviewItem = component$<Props>(({ review: r, headingLevel = 3 }) => {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article class="review">
      <div class="review-head">
        <StarRating rating={r.rating} reviewCount={1} showCount={false} />
        {r.verifiedPurchase && <span class="badge badge-verified">Verified purchase</span>}
      </div>
      {r.title && <Heading class="review-title">{r.title}</Heading>}
      <p class="review-body">{r.body}</p>
      <footer>
        {r.authorName} · <time dateTime={new Date(r.createdAt).toISOString()}>{formatDate(r.createdAt)}</time>
      </footer>
    </article>
  );
});
