/** The signed-in shopper's reviews: write or edit one per product (back to moderation each time), list, delete. */
import { listOwnReviews } from '@db/repositories/reviews';
import { createRoute, z } from '@hono/zod-openapi';
import { failure } from '@worker/api/account/context';
import { OwnReviewOut, ownReview, ProductSlugParam, ReviewInputBody } from '@worker/api/store/review-schemas';
import type { AppEnv } from '@worker/http/app-env';
import { faultResponses, jsonBody, newApi, writeResponses } from '@worker/http/openapi';
import { problemResponses } from '@worker/http/problem';
import { clientKey } from '@worker/middleware/rate-limit';
import { requireCustomer } from '@worker/middleware/session';
import { createLimiter, enforceLimits } from '@worker/services/limits';
import { type ReviewContext, removeReview, writeReview } from '@worker/services/reviews/reviews';
import type { Context } from 'hono';

const reviewContext = (c: Context<AppEnv>): ReviewContext => ({ db: c.var.db, now: Date.now() });

export const accountReviews = newApi();

accountReviews
  .openapi(
    createRoute({
      method: 'get',
      path: '/account/reviews',
      tags: ['Account'],
      summary: 'Your reviews, newest first, with their moderation status and any rejection reason',
      responses: {
        200: {
          description: 'Your reviews',
          content: { 'application/json': { schema: z.object({ items: z.array(OwnReviewOut) }) } },
        },
        ...problemResponses(401),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { principal } = await requireCustomer(c);
      const rows = await listOwnReviews(c.var.db, principal.id);
      c.header('Cache-Control', 'private, no-store');
      return c.json(
        { items: rows.map((r) => ownReview(r, { slug: r.productSlug, name: r.productName })) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/account/reviews/{productSlug}',
      tags: ['Account'],
      summary:
        'Write your review of a product, or replace it (one per product); it is shown once a moderator approves it',
      description:
        'Marked as a verified purchase when one of your paid orders (not cancelled or refunded) holds the product. ' +
        'Limited to 5 writes a minute per account and per address.',
      request: { params: ProductSlugParam, body: jsonBody(ReviewInputBody) },
      responses: {
        200: { description: 'Your edited review', content: { 'application/json': { schema: OwnReviewOut } } },
        201: { description: 'Your new review', content: { 'application/json': { schema: OwnReviewOut } } },
        ...problemResponses(401, 404),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const { principal } = await requireCustomer(c);
      await enforceLimits(createLimiter(c.env), [
        ['review', `account:${principal.id}`],
        ['review', `address:${clientKey(c.req.raw)}`],
      ]);
      const result = await writeReview(
        reviewContext(c),
        principal,
        c.req.valid('param').productSlug,
        c.req.valid('json'),
      );
      if (!result.ok) throw failure(result.error);
      const { review, product, created } = result.value;
      c.header('Cache-Control', 'private, no-store');
      return created ? c.json(ownReview(review, product), 201) : c.json(ownReview(review, product), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/account/reviews/{productSlug}',
      tags: ['Account'],
      summary: 'Delete your review of a product',
      request: { params: ProductSlugParam },
      responses: {
        204: { description: 'Deleted' },
        ...problemResponses(401, 404),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const { principal } = await requireCustomer(c);
      const result = await removeReview(reviewContext(c), principal.id, c.req.valid('param').productSlug);
      if (!result.ok) throw failure(result.error);
      return c.body(null, 204);
    },
  );
