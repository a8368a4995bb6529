/** Back office: the review moderation queue (reviews:read) and approving or rejecting with a reason (reviews:write). */
import { listReviewsByStatus } from '@db/repositories/reviews';
import { RejectReasonSchema } from '@domain/catalog/review-input';
import { REVIEW_STATUSES } from '@domain/catalog/statuses';
import { idSchema } from '@domain/core/id-schema';
import { createRoute, z } from '@hono/zod-openapi';
import { failure } from '@worker/api/account/context';
import { ModerationReviewOut, moderationReview } from '@worker/api/store/review-schemas';
import type { AppEnv } from '@worker/http/app-env';
import { faultResponses, jsonBody, newApi, writeResponses } from '@worker/http/openapi';
import { problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import { type ModerationDecision, moderateReview } from '@worker/services/reviews/reviews';
import type { Context } from 'hono';

export const MODERATION_PAGE_SIZE = 25;

const Params = z.object({ reviewId: idSchema('review') });
const moderated = {
  200: {
    description: 'The review after the decision',
    content: {
      'application/json': {
        schema: ModerationReviewOut.omit({ productSlug: true, productName: true }).extend({
          productId: z.string(),
        }),
      },
    },
  },
  ...problemResponses(401, 403, 404),
  ...writeResponses(),
};

async function decide(c: Context<AppEnv>, reviewId: string, decision: ModerationDecision) {
  const result = await moderateReview(
    { db: c.var.db, now: Date.now(), requestId: c.var.requestId },
    c.var.staff!.principal,
    reviewId,
    decision,
  );
  if (!result.ok) throw failure(result.error);
  const r = result.value;
  return {
    id: r.id,
    productId: r.productId,
    authorName: r.authorName,
    rating: r.rating,
    title: r.title,
    body: r.body,
    verifiedPurchase: r.verifiedPurchase,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    status: r.status,
    moderationNote: r.moderationNote,
    moderatedBy: r.moderatedBy,
    moderatedAt: r.moderatedAt,
  };
}

export const adminReviews = newApi();

adminReviews
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/reviews',
      tags: ['Admin'],
      summary: 'Reviews with a status (pending by default), the longest waiting first',
      middleware: [requirePermission('reviews:read')],
      request: {
        query: z
          .object({
            status: z.enum(REVIEW_STATUSES).default('pending'),
            page: z.coerce.number().int().min(1).max(10_000).default(1),
          })
          .strict(),
      },
      responses: {
        200: {
          description: 'One page of reviews',
          content: {
            'application/json': {
              schema: z.object({
                items: z.array(ModerationReviewOut),
                total: z.number().int(),
                page: z.number().int(),
                pageSize: z.number().int(),
              }),
            },
          },
        },
        ...problemResponses(400, 401, 403),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { status, page } = c.req.valid('query');
      const { items, total } = await listReviewsByStatus(c.var.db, status, {
        limit: MODERATION_PAGE_SIZE,
        offset: (page - 1) * MODERATION_PAGE_SIZE,
      });
      c.header('Cache-Control', 'private, no-store');
      return c.json({ items: items.map(moderationReview), total, page, pageSize: MODERATION_PAGE_SIZE }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/reviews/{reviewId}/approve',
      tags: ['Admin'],
      summary: 'Publish a review (audit-logged as reviews.approve)',
      middleware: [requirePermission('reviews:write')],
      request: { params: Params },
      responses: moderated,
    }),
    async (c) => c.json(await decide(c, c.req.valid('param').reviewId, { action: 'approve' }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/reviews/{reviewId}/reject',
      tags: ['Admin'],
      summary: 'Reject a review with a reason its author sees (audit-logged as reviews.reject)',
      middleware: [requirePermission('reviews:write')],
      request: {
        params: Params,
        body: jsonBody(z.object({ reason: RejectReasonSchema }).strict().openapi('RejectReview')),
      },
      responses: moderated,
    }),
    async (c) => {
      const { reason } = c.req.valid('json');
      return c.json(await decide(c, c.req.valid('param').reviewId, { action: 'reject', reason }), 200);
    },
  );
