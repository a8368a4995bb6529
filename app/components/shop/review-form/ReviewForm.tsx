/** The review form: stars as a radio group, title, text; where the review stands in moderation; deleting it. */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { MAX_REVIEW_BODY, MAX_REVIEW_TITLE } from '@domain/catalog/review-input';
import type { ReviewStatus } from '@domain/catalog/statuses';
import { FormField } from '~/components/ui/form-field/FormField';
import { FormStatus } from '~/components/ui/form-status/FormStatus';
import type { useDeleteReview, useSaveReview } from '~/routes/(shop)/account/(signed-in)/reviews/actions';

interface Props {
  save: ReturnType<typeof useSaveReview>;
  remove: ReturnType<typeof useDeleteReview>;
  review: {
    rating: number;
    title: string;
    body: string;
    status: ReviewStatus;
    moderationNote: string | null;
    verifiedPurchase: boolean;
  } | null;
  productName: string;
}

const STAR_WORDS = ['Poor', 'Fair', 'Good', 'Very good', 'Excellent'] as const;

/** The review's moderation state in a sentence the author can act on. */
export const ReviewStatusNote = component$<{ status: ReviewStatus; note: string | null }>(
  ({ status, note }) => (
    <p class={['review-status', `review-status-${status}`]}>
      <span class="badge">{status === 'pending' ? 'Awaiting moderation' : status}</span>{' '}
      {status === 'pending' && 'A moderator will check it soon; it is not shown to other shoppers yet.'}
      {status === 'published' && 'Other shoppers can read it on the product page.'}
      {status === 'rejected' && (
        <>Not published. Reason: {note ?? 'none given'}. Edit it and send it again.</>
      )}
    </p>
  ),
);

export const ReviewForm = component$<Props>(({ save, remove, review, productName }) => {
  const v = save.value;
  const failure = v?.failed ? v : undefined;
  const errors = failure?.fieldErrors ?? {};
  // After a refused post the form shows what was typed; otherwise the saved review (or nothing).
  const posted = failure ? save.formData : undefined;
  const rating = Number(posted?.get('rating') ?? review?.rating ?? 0);
  const title = String(posted?.get('title') ?? review?.title ?? '');
  const body = String(posted?.get('body') ?? review?.body ?? '');
  const removed = remove.value;
  return (
    <div class="account-stack">
      {review && (
        <section class="panel" aria-labelledby="review-state-title">
          <h2 id="review-state-title">Your review’s status</h2>
          <ReviewStatusNote status={review.status} note={review.moderationNote} />
          {review.verifiedPurchase && (
            <p class="muted">
              It carries the <span class="badge badge-verified">Verified purchase</span> mark: you ordered
              this product.
            </p>
          )}
        </section>
      )}
      <section class="panel" aria-labelledby="review-form-title">
        <h2 id="review-form-title">{review ? 'Change your review' : `Your review of ${productName}`}</h2>
        <FormStatus
          status={v && !v.failed ? v.message : removed && !removed.failed ? removed.message : undefined}
          error={failure?.message ?? (removed?.failed ? removed.message : undefined)}
          fieldErrors={errors}
        />
        <Form action={save} class="form-stack" noValidate>
          <fieldset
            class={['star-input', errors.rating && 'field-invalid']}
            aria-describedby={errors.rating ? 'review-rating-error' : undefined}
          >
            <legend>
              Rating
              <span class="field-required" aria-hidden="true">
                {' '}
                *
              </span>
            </legend>
            <div class="star-input-options">
              {[5, 4, 3, 2, 1].map((n) => (
                <label key={n} class="star-input-option">
                  <input type="radio" name="rating" value={String(n)} checked={rating === n} required />
                  <span class="star-input-stars" aria-hidden="true">
                    {'★'.repeat(n)}
                    <span class="star-input-empty">{'★'.repeat(5 - n)}</span>
                  </span>
                  <span>
                    {n} {n === 1 ? 'star' : 'stars'} <span class="muted">· {STAR_WORDS[n - 1]}</span>
                  </span>
                </label>
              ))}
            </div>
            {errors.rating && (
              <p class="field-error" id="review-rating-error">
                {errors.rating}
              </p>
            )}
          </fieldset>
          <FormField
            id="review-title"
            name="title"
            label="Title"
            hint="Optional: your review in a few words."
            maxLength={MAX_REVIEW_TITLE}
            value={title}
            error={errors.title}
          />
          <div class={['field', errors.body && 'field-invalid']}>
            <label for="review-body">
              Your review
              <span class="field-required" aria-hidden="true">
                {' '}
                *
              </span>
            </label>
            <textarea
              id="review-body"
              name="body"
              class="input review-textarea"
              rows={7}
              required
              maxLength={MAX_REVIEW_BODY}
              aria-invalid={errors.body ? 'true' : undefined}
              aria-describedby={`review-body-hint${errors.body ? ' review-body-error' : ''}`}
              value={body}
            />
            <p class="field-hint" id="review-body-hint">
              What did you like or dislike? How did you use it? Plain text, up to {MAX_REVIEW_BODY}{' '}
              characters.
            </p>
            {errors.body && (
              <p class="field-error" id="review-body-error">
                {errors.body}
              </p>
            )}
          </div>
          <div>
            <button type="submit" class="btn btn-primary">
              {review ? 'Update review' : 'Submit review'}
            </button>
          </div>
        </Form>
      </section>
      {review && (
        <section class="panel" aria-labelledby="review-delete-title">
          <h2 id="review-delete-title">Delete your review</h2>
          <p class="muted">It disappears from the shop at once. You can write a new one later.</p>
          <Form action={remove}>
            <button type="submit" class="btn btn-secondary">
              Delete my review
            </button>
          </Form>
        </section>
      )}
    </div>
  );
});
