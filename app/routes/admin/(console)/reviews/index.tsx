/**
 * Review moderation: reviews waiting (or published, or rejected), the longest waiting first, each with Approve and
 * Reject-with-a-reason. Viewing and deciding both need reviews:write (administrators and content managers); the
 * action checks it again. The service writes each decision with its audit entry.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { countReviewsByStatus, listReviewsByStatus } from '@db/repositories/reviews';
import { RejectReasonSchema } from '@domain/catalog/review-input';
import { REVIEW_STATUSES, type ReviewStatus } from '@domain/catalog/statuses';
import { statusOfError } from '@domain/core/errors';
import { moderateReview } from '@worker/services/reviews/reviews';
import { outcomeOf } from '~/components/admin/form-status/FormStatus';
import { ReviewQueue } from '~/components/admin/review-queue/ReviewQueue';
import { staffWith } from '~/lib/admin-session';
import { domainField } from '~/lib/domain-field';
import { pageParam } from '~/lib/reviews';

const PAGE_SIZE = 25;

export const useReviewQueue = routeLoader$(async ({ url, platform }) => {
  const asked = url.searchParams.get('status');
  const status: ReviewStatus = REVIEW_STATUSES.includes(asked as ReviewStatus)
    ? (asked as ReviewStatus)
    : 'pending';
  const page = pageParam(url);
  const db = createDb(platform.env);
  const [found, counts] = await Promise.all([
    listReviewsByStatus(db, status, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    countReviewsByStatus(db),
  ]);
  return {
    status,
    page,
    pageCount: Math.max(1, Math.ceil(found.total / PAGE_SIZE)),
    total: found.total,
    counts,
    items: found.items.map((r) => ({
      id: r.id,
      productSlug: r.productSlug,
      productName: r.productName,
      authorName: r.authorName,
      rating: r.rating,
      title: r.title,
      body: r.body,
      verifiedPurchase: r.verifiedPurchase,
      status: r.status,
      moderationNote: r.moderationNote,
      writtenAt: r.updatedAt ?? r.createdAt,
      edited: r.updatedAt !== null,
    })),
  };
});

/** Approve or reject one review; a rejection needs a reason (shown to the author). */
export const useModerate = routeAction$(
  async ({ reviewId, decision, reason }, event) => {
    const actor = await staffWith(event, 'reviews:write');
    if (!actor) return event.fail(403, { message: 'Your roles do not allow moderating reviews.' });
    if (decision === 'reject' && !reason) {
      return event.fail(400, {
        message: 'Give a reason for rejecting it; the author sees it.',
        fieldErrors: { reason: 'Say why, so the author can fix it.' },
        reviewId,
      });
    }
    const result = await moderateReview(
      {
        db: createDb(event.platform.env),
        now: Date.now(),
        requestId: event.request.headers.get('X-Request-Id') ?? undefined,
      },
      actor,
      reviewId,
      decision === 'approve' ? { action: 'approve' } : { action: 'reject', reason: reason ?? '' },
    );
    if (!result.ok)
      return event.fail(statusOfError(result.error.code), { message: result.error.detail, reviewId });
    return {
      message:
        decision === 'approve'
          ? `Published the review by ${result.value.authorName}.`
          : `Rejected the review by ${result.value.authorName}; they see your reason.`,
      reviewId,
    };
  },
  zod$({
    reviewId: z.string().min(1).max(64),
    decision: z.enum(['approve', 'reject']),
    reason: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      domainField(RejectReasonSchema).optional(),
    ),
  }),
);

/** The moderation action's store, for the queue. */
export type ModerateStore = ReturnType<typeof useModerate>;

export default component$(() => {
  const q = useReviewQueue().value;
  const moderate = useModerate();
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Reviews</h1>
          <p class="adm-lede">
            {q.counts.pending} waiting · {q.counts.published} published · {q.counts.rejected} rejected
          </p>
        </div>
      </div>
      <ReviewQueue queue={q} action={moderate} outcome={outcomeOf(moderate.value)} />
    </>
  );
});

export const head: DocumentHead = { title: 'Reviews' };
