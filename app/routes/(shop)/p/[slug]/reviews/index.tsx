/** All published reviews of a product, a page at a time (the product page shows the newest few). Same for everyone. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { findReviewableProduct } from '@db/repositories/reviews';
import { NotFound } from '~/components/shop/not-found/NotFound';
import { ReviewItem } from '~/components/shop/review-item/ReviewItem';
import { ReviewSummary } from '~/components/shop/review-summary/ReviewSummary';
import { Breadcrumbs } from '~/components/ui/breadcrumbs/Breadcrumbs';
import { Pagination } from '~/components/ui/pagination/Pagination';
import { pluralise } from '~/lib/format';
import { pageParam, productReviewsPage } from '~/lib/reviews';

/** The product and one page of its reviews; 404 without an active product of that slug. */
export const useReviewsPage = routeLoader$(async ({ platform, params, url, status }) => {
  const db = createDb(platform.env);
  const product = await findReviewableProduct(db, params.slug ?? '');
  if (!product) {
    status(404);
    return null;
  }
  return { product, reviews: await productReviewsPage(db, product.id, pageParam(url)) };
});

export default component$(() => {
  const data = useReviewsPage().value;
  if (!data) return <NotFound what="product" />;
  const { product, reviews: r } = data;
  const path = `/p/${product.slug}/reviews`;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'Home', href: '/' },
          { label: product.name, href: `/p/${product.slug}` },
          { label: 'Reviews' },
        ]}
      />
      <div class="reviews-page-head">
        <h1>Reviews of {product.name}</h1>
        <a class="btn btn-secondary" href={`/account/reviews/${product.slug}`}>
          Write a review
        </a>
      </div>
      {r.total === 0 ? (
        <p class="muted">No reviews yet. Be the first to tell others what you think.</p>
      ) : (
        <div class="reviews-body">
          <ReviewSummary average={r.average} total={r.total} distribution={r.distribution} />
          <section aria-labelledby="reviews-list-title">
            <h2 id="reviews-list-title" class="visually-hidden">
              {pluralise(r.total, 'review')}, page {r.page} of {r.pageCount}
            </h2>
            {r.items.length === 0 ? (
              <p class="muted">
                There is no page {r.page}. <a href={path}>See the newest reviews</a>.
              </p>
            ) : (
              <ul class="review-list">
                {r.items.map((review) => (
                  <li key={review.id}>
                    <ReviewItem review={review} />
                  </li>
                ))}
              </ul>
            )}
            <Pagination page={r.page} pageCount={r.pageCount} path={path} params={{}} />
          </section>
        </div>
      )}
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const data = resolveValue(useReviewsPage);
  if (!data) return { title: 'Product not found' };
  const page = data.reviews.page;
  return {
    title: `Reviews of ${data.product.name}${page > 1 ? ` (page ${page})` : ''}`,
    meta: [{ name: 'description', content: `What customers say about ${data.product.name}.` }],
  };
};
