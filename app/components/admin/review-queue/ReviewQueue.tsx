/** The moderation queue: status tabs, one card per review with Approve and Reject (with a reason), and paging. */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { MAX_REJECT_REASON } from '@domain/catalog/review-input';
import { REVIEW_STATUSES, type ReviewStatus } from '@domain/catalog/statuses';
import { FormStatus, type Outcome } from '~/components/admin/form-status/FormStatus';
import { StarRating } from '~/components/ui/star-rating/StarRating';
import { formatDate } from '~/lib/format';
import type { ModerateStore } from '~/routes/admin/(console)/reviews';

interface Props {
  queue: {
    status: ReviewStatus;
    page: number;
    pageCount: number;
    total: number;
    counts: Record<ReviewStatus, number>;
    items: {
      id: string;
      productSlug: string;
      productName: string;
      authorName: string;
      rating: number;
      title: string;
      body: string;
      verifiedPurchase: boolean;
      status: ReviewStatus;
      moderationNote: string | null;
      writtenAt: number;
      edited: boolean;
    }[];
  };
  action: ModerateStore;
  outcome: Outcome;
}

const TAB_LABELS: Record<ReviewStatus, string> = {
  pending: 'Waiting',
  published: 'Published',
  rejected: 'Rejected',
};

function href(status: ReviewStatus, page = 1): string {
  return `/admin/reviews?status=${status}${page > 1 ? `&page=${page}` : ''}`;
}

export const ReviewQueue = component$<Props>(({ queue: q, action, outcome }) => {
  const actedOn = (action.value as { reviewId?: string } | undefined)?.reviewId;
  return (
    <>
      <nav class="adm-tabs" aria-label="Review status">
        <ul>
          {REVIEW_STATUSES.map((s) => (
            <li key={s}>
              <a href={href(s)} aria-current={s === q.status ? 'page' : undefined}>
                {TAB_LABELS[s]} <span class="adm-tab-count">{q.counts[s]}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <FormStatus ok={outcome.ok} error={actedOn ? undefined : outcome.error} />
      {q.items.length === 0 ? (
        <section class="adm-card adm-empty-card">
          <h2>
            {q.status === 'pending' ? 'Nothing waiting' : `No ${TAB_LABELS[q.status].toLowerCase()} reviews`}
          </h2>
          <p>{q.status === 'pending' ? 'Every review has been moderated. New ones appear here.' : ''}</p>
        </section>
      ) : (
        <ul class="adm-reviews" aria-label={`${TAB_LABELS[q.status]} reviews`}>
          {q.items.map((r) => {
            const error = actedOn === r.id ? outcome.error : undefined;
            const reasonError = actedOn === r.id ? outcome.fieldErrors?.reason : undefined;
            return (
              <li key={r.id}>
                <article class="adm-card adm-review" aria-labelledby={`review-${r.id}-title`}>
                  <header class="adm-review-head">
                    <h2 id={`review-${r.id}-title`} class="adm-review-product">
                      <a class="adm-link" href={`/p/${r.productSlug}`}>
                        {r.productName}
                      </a>
                    </h2>
                    <StarRating rating={r.rating} reviewCount={1} showCount={false} />
                  </header>
                  {r.title && <p class="adm-review-title">{r.title}</p>}
                  <p class="adm-review-body">{r.body}</p>
                  <p class="adm-muted adm-review-meta">
                    {r.authorName} · {r.edited ? 'edited' : 'written'} {formatDate(r.writtenAt)}
                    {r.verifiedPurchase && <span class="adm-badge adm-badge-ok">Verified purchase</span>}
                  </p>
                  {r.moderationNote && (
                    <p class="adm-review-note">
                      <strong>Rejected:</strong> {r.moderationNote}
                    </p>
                  )}
                  {error && (
                    <p class="adm-alert adm-alert-error" role="alert">
                      {error}
                    </p>
                  )}
                  <div class="adm-review-actions">
                    {r.status !== 'published' && (
                      <Form action={action}>
                        <input type="hidden" name="reviewId" value={r.id} />
                        <input type="hidden" name="decision" value="approve" />
                        <button type="submit" class="adm-btn adm-btn-primary adm-btn-sm">
                          Approve<span class="visually-hidden"> the review by {r.authorName}</span>
                        </button>
                      </Form>
                    )}
                    {r.status !== 'rejected' && (
                      <details class="adm-review-reject" open={!!reasonError}>
                        <summary class="adm-btn adm-btn-danger-ghost adm-btn-sm">
                          Reject<span class="visually-hidden"> the review by {r.authorName}</span>…
                        </summary>
                        <Form action={action} class="adm-form">
                          <input type="hidden" name="reviewId" value={r.id} />
                          <input type="hidden" name="decision" value="reject" />
                          <div class="adm-field">
                            <label for={`reason-${r.id}`}>Reason (the author sees it)</label>
                            <textarea
                              id={`reason-${r.id}`}
                              name="reason"
                              class="adm-input"
                              rows={2}
                              maxLength={MAX_REJECT_REASON}
                              required
                              aria-invalid={reasonError ? 'true' : undefined}
                              aria-describedby={reasonError ? `reason-${r.id}-error` : undefined}
                            />
                            {reasonError && (
                              <p class="adm-field-error" id={`reason-${r.id}-error`}>
                                {reasonError}
                              </p>
                            )}
                          </div>
                          <div>
                            <button type="submit" class="adm-btn adm-btn-danger adm-btn-sm">
                              Reject review
                            </button>
                          </div>
                        </Form>
                      </details>
                    )}
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      )}
      {q.pageCount > 1 && (
        <nav class="adm-pager" aria-label="Pages">
          {q.page > 1 && (
            <a class="adm-btn adm-btn-secondary adm-btn-sm" href={href(q.status, q.page - 1)}>
              Previous page
            </a>
          )}
          <span class="adm-muted">
            Page {q.page} of {q.pageCount}
          </span>
          {q.page < q.pageCount && (
            <a class="adm-btn adm-btn-secondary adm-btn-sm" href={href(q.status, q.page + 1)}>
              Next page
            </a>
          )}
        </nav>
      )}
    </>
  );
});
