/** The account's review actions: write or edit one's review of a product, and delete it (re-exported by the pages). */
import { routeAction$ } from '@builder.io/qwik-city';
import { ReviewInputSchema } from '@domain/catalog/review-input';
import { statusOfError } from '@domain/core/errors';
import { clientKey } from '@worker/middleware/rate-limit';
import { createLimiter, refusedFor } from '@worker/services/limits';
import { removeReview, writeReview } from '@worker/services/reviews/reviews';
import { z } from 'zod';
import { pageAccountContext } from '~/lib/account-context';
import { formFailure, readForm, tooManyAttempts } from '~/lib/form-input';
import { signedInCustomer } from '~/lib/signed-in';

/** The product: the page's own (`/account/reviews/<slug>`), or the one a list's form posts. */
function slugOf(params: Record<string, string>, data: Record<string, unknown>): string {
  return String(params.slug ?? data.productSlug ?? '').slice(0, 120);
}

/** Saves the review (a form posts the rating as text, so it is read as a number first); it waits for moderation. */
export const useSaveReview = routeAction$(async (data, event) => {
  const { principal } = await signedInCustomer(event);
  const form = ReviewInputSchema.extend({
    rating: z.preprocess(
      (v) => (v === undefined || v === '' ? undefined : Number(v)),
      ReviewInputSchema.shape.rating,
    ),
  }).strip();
  const read = readForm(form, data, { rating: 'Rating', title: 'Title', body: 'Your review' });
  if (!read.ok) return event.fail(400, read.failure);
  const wait = await refusedFor(createLimiter(event.platform.env), [
    ['review', `account:${principal.id}`],
    ['review', `address:${clientKey(event.request)}`],
  ]);
  if (wait !== null) return event.fail(429, tooManyAttempts(wait));
  const ctx = pageAccountContext(event);
  const result = await writeReview(
    { db: ctx.db, now: ctx.now },
    principal,
    slugOf(event.params, data),
    read.value,
  );
  if (!result.ok) return event.fail(statusOfError(result.error.code), formFailure(result.error.detail));
  return {
    message: result.value.created
      ? 'Thank you! Your review will appear once a moderator has checked it.'
      : 'Your review is updated. It will appear again once a moderator has checked it.',
  };
});

/** Deletes the review of the product on this page, or of the `productSlug` posted from the list. */
export const useDeleteReview = routeAction$(async (data, event) => {
  const { principal } = await signedInCustomer(event);
  const ctx = pageAccountContext(event);
  const result = await removeReview({ db: ctx.db, now: ctx.now }, principal.id, slugOf(event.params, data));
  if (!result.ok) return event.fail(statusOfError(result.error.code), formFailure(result.error.detail));
  return { message: 'Your review is deleted.' };
});
