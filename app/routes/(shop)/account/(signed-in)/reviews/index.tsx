/** The shopper's reviews: each with its product, stars, where it stands in moderation, and links to edit it. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listOwnReviews } from '@db/repositories/reviews';
import { OwnReviewList } from '~/components/shop/own-review-list/OwnReviewList';
import { EmptyState } from '~/components/ui/empty-state/EmptyState';
import { pluralise } from '~/lib/format';
import { useAccount } from '~/routes/(shop)/account/(signed-in)/layout';

export const useOwnReviews = routeLoader$(async (event) => {
  const { id } = await event.resolveValue(useAccount);
  const rows = await listOwnReviews(createDb(event.platform.env), id);
  return rows.map((r) => ({
    id: r.id,
    productSlug: r.productSlug,
    productName: r.productName,
    rating: r.rating,
    title: r.title,
    body: r.body,
    status: r.status,
    moderationNote: r.moderationNote,
    verifiedPurchase: r.verifiedPurchase,
    writtenAt: r.updatedAt ?? r.createdAt,
  }));
});

export default component$(() => {
  const reviews = useOwnReviews().value;
  return (
    <>
      <div class="account-head">
        <h1>Your reviews</h1>
        {reviews.length > 0 && <p>{pluralise(reviews.length, 'review')}</p>}
      </div>
      {reviews.length === 0 ? (
        <EmptyState icon="compass" title="No reviews yet">
          <p>Bought something you like (or don’t)? Open its page and choose “Write a review”.</p>
          <a class="btn btn-primary" href="/">
            Browse the shop
          </a>
        </EmptyState>
      ) : (
        <OwnReviewList reviews={reviews} />
      )}
    </>
  );
});

export const head: DocumentHead = { title: 'Your reviews', meta: [{ name: 'robots', content: 'noindex' }] };
