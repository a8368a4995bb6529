/** Public reviews of a product: published ones only, newest first, with the average and the count of each star. */
import { findReviewableProduct, listPublishedReviews } from '@db/repositories/reviews';
import { REVIEWS_PAGE_SIZE, summariseRatings } from '@domain/catalog/review-input';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, newApi, notModifiedResponse, requiredHeader } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { etag } from 'hono/etag';
import { DistributionOut, distributionOut, PublicReviewOut, publicReview } from './review-schemas';

/** As the rest of the catalog (worker/api/store/catalog.ts): the same for everyone, kept briefly, revalidated. */
const PUBLIC_REVIEWS_CACHE = 'public, max-age=60, stale-while-revalidate=300';

export const storeReviews = newApi();
storeReviews.use('/products/:slug/reviews', etag());

storeReviews.openapi(
  createRoute({
    method: 'get',
    path: '/products/{slug}/reviews',
    tags: ['Catalog'],
    summary:
      'Published reviews of a product, newest first, with the average rating and the count of each star',
    request: {
      params: z.object({ slug: z.string().min(1).max(120) }),
      query: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }).strict(),
    },
    responses: {
      200: {
        description: 'One page of reviews and the rating summary over all of them',
        headers: {
          ETag: requiredHeader('Send it back as If-None-Match to get a 304 while the content is unchanged'),
          'Cache-Control': requiredHeader(`\`${PUBLIC_REVIEWS_CACHE}\``),
        },
        content: {
          'application/json': {
            schema: z.object({
              items: z.array(PublicReviewOut),
              total: z.number().int(),
              page: z.number().int(),
              pageSize: z.number().int(),
              average: z.number().nullable().openapi({ description: 'Mean stars; null without reviews' }),
              distribution: DistributionOut,
            }),
          },
        },
      },
      ...notModifiedResponse,
      ...problemResponses(400, 404),
      ...faultResponses(),
    },
  }),
  async (c) => {
    const { slug } = c.req.valid('param');
    const { page } = c.req.valid('query');
    const product = await findReviewableProduct(c.var.db, slug);
    if (!product) throw new ProblemError('NOT_FOUND', `No product with slug ${slug}.`);
    const found = await listPublishedReviews(c.var.db, product.id, {
      limit: REVIEWS_PAGE_SIZE,
      offset: (page - 1) * REVIEWS_PAGE_SIZE,
    });
    return c.json(
      {
        items: found.items.map(publicReview),
        total: found.total,
        page,
        pageSize: REVIEWS_PAGE_SIZE,
        average: summariseRatings(found.distribution).average,
        distribution: distributionOut(found.distribution),
      },
      200,
      { 'Cache-Control': PUBLIC_REVIEWS_CACHE },
    );
  },
);
