/**
 * Write or edit one's review of a product: the form, prefilled with the review already written, where it stands in
 * moderation (and why it was rejected), and deleting it. The product page links here, so it can stay the same for
 * everyone.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { ownReviewOf } from '@worker/services/reviews/reviews';
import { NotFound } from '~/components/shop/not-found/NotFound';
import { ReviewForm } from '~/components/shop/review-form/ReviewForm';
import { Breadcrumbs } from '~/components/ui/breadcrumbs/Breadcrumbs';
import { useAccount } from '~/routes/(shop)/account/(signed-in)/layout';
import { useDeleteReview, useSaveReview } from '~/routes/(shop)/account/(signed-in)/reviews/actions';

export { useDeleteReview, useSaveReview } from '~/routes/(shop)/account/(signed-in)/reviews/actions';

/** The product and the shopper's review of it (null when none); 404 without an active product of that slug. */
export const useOwnReview = routeLoader$(async (event) => {
  const { id } = await event.resolveValue(useAccount);
  const found = await ownReviewOf(
    { db: createDb(event.platform.env), now: Date.now() },
    id,
    event.params.slug ?? '',
  );
  if (!found.ok) {
    event.status(404);
    return null;
  }
  const { product, review } = found.value;
  return {
    product: { slug: product.slug, name: product.name },
    review: review && {
      rating: review.rating,
      title: review.title,
      body: review.body,
      status: review.status,
      moderationNote: review.moderationNote,
      verifiedPurchase: review.verifiedPurchase,
    },
  };
});

export default component$(() => {
  const data = useOwnReview().value;
  const save = useSaveReview();
  const remove = useDeleteReview();
  if (!data) return <NotFound what="product" />;
  const deleted = remove.value && !remove.value.failed;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'Your account', href: '/account' },
          { label: 'Your reviews', href: '/account/reviews' },
          { label: data.product.name },
        ]}
      />
      <div class="account-head">
        <h1>{data.review && !deleted ? 'Edit your review' : 'Write a review'}</h1>
        <p>
          of <a href={`/p/${data.product.slug}`}>{data.product.name}</a>
        </p>
      </div>
      <ReviewForm
        save={save}
        remove={remove}
        review={deleted ? null : data.review}
        productName={data.product.name}
      />
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const data = resolveValue(useOwnReview);
  return {
    title: data ? `Review ${data.product.name}` : 'Product not found',
    meta: [{ name: 'robots', content: 'noindex' }],
  };
};
