/** The account's list of one's own reviews, each with its moderation state and a link to edit it. */
import { component$ } from '@builder.io/qwik';
import type { ReviewStatus } from '@domain/catalog/statuses';
import { ReviewStatusNote } from '~/components/shop/review-form/ReviewForm';
import { StarRating } from '~/components/ui/star-rating/StarRating';
import { formatDate } from '~/lib/format';

interface Props {
  reviews: {
    id: string;
    productSlug: string;
    productName: string;
    rating: number;
    title: string;
    body: string;
    status: ReviewStatus;
    moderationNote: string | null;
    writtenAt: number;
  }[];
}

export const OwnReviewList = component$<Props>(({ reviews }) => (
  <ul class="own-reviews">
    {reviews.map((r) => (
      <li key={r.id} class="panel own-review">
        <div class="own-review-head">
          <h2>
            <a href={`/p/${r.productSlug}`}>{r.productName}</a>
          </h2>
          <a class="btn btn-secondary btn-sm" href={`/account/reviews/${r.productSlug}`}>
            Edit<span class="visually-hidden"> your review of {r.productName}</span>
          </a>
        </div>
        <StarRating rating={r.rating} reviewCount={1} showCount={false} />
        {r.title && <p class="own-review-title">{r.title}</p>}
        <p class="own-review-body">{r.body}</p>
        <ReviewStatusNote status={r.status} note={r.moderationNote} />
        <p class="muted own-review-date">
          Written <time dateTime={new Date(r.writtenAt).toISOString()}>{formatDate(r.writtenAt)}</time>
        </p>
      </li>
    ))}
  </ul>
));
