/**
 * Review use cases shared by the API and the pages: a customer writes, edits or deletes their own review of an
 * active product (each write goes back to moderation, with the verified-purchase mark computed then), and staff
 * approve or reject reviews, each decision written in one batch with its audit entry.
 */
import type { Db } from '@db/client';
import { appendAuditStatement } from '@db/repositories/audit';
import {
  deleteOwnReview,
  findOwnReview,
  findReviewableProduct,
  findReviewById,
  hasPurchasedProduct,
  moderateReviewStatement,
  type ReviewRow,
  upsertOwnReview,
} from '@db/repositories/reviews';
import { publicAuthorName, type ReviewInput } from '@domain/catalog/review-input';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { auditEntry } from '@worker/services/audit/audit';
import type { CustomerPrincipal, StaffPrincipal } from '@worker/services/identity/sessions';

/** What the review use cases need: the database, the clock, and (for audit entries) the request id. */
export interface ReviewContext {
  db: Db;
  now: number;
  requestId?: string;
}

type Product = { id: string; slug: string; name: string };

const noProduct = (slug: string) => fail('NOT_FOUND', `No product with slug ${slug} can be reviewed.`);

/** The customer's review of the product with `slug` (null when they have none), or NOT_FOUND for the product. */
export async function ownReviewOf(
  ctx: ReviewContext,
  customerId: string,
  slug: string,
): Promise<Result<{ product: Product; review: ReviewRow | null }>> {
  const product = await findReviewableProduct(ctx.db, slug);
  if (!product) return noProduct(slug);
  return ok({ product, review: await findOwnReview(ctx.db, customerId, product.id) });
}

/** Creates or replaces the customer's review; it waits for moderation again. `created` says which. */
export async function writeReview(
  ctx: ReviewContext,
  customer: Pick<CustomerPrincipal, 'id' | 'name'>,
  slug: string,
  input: ReviewInput,
): Promise<Result<{ product: Product; review: ReviewRow; created: boolean }>> {
  const product = await findReviewableProduct(ctx.db, slug);
  if (!product) return noProduct(slug);
  const verifiedPurchase = await hasPurchasedProduct(ctx.db, customer.id, product.id);
  const review = await upsertOwnReview(ctx.db, {
    id: newId('review', ctx.now),
    productId: product.id,
    customerId: customer.id,
    authorName: publicAuthorName(customer.name),
    ...input,
    verifiedPurchase,
    now: ctx.now,
  });
  return ok({ product, review, created: review.updatedAt === null });
}

/** Deletes the customer's review of the product; NOT_FOUND when there is no such product or review. */
export async function removeReview(
  ctx: ReviewContext,
  customerId: string,
  slug: string,
): Promise<Result<null>> {
  const product = await findReviewableProduct(ctx.db, slug);
  if (!product) return noProduct(slug);
  if (!(await deleteOwnReview(ctx.db, customerId, product.id))) {
    return fail('NOT_FOUND', 'You have not reviewed this product.');
  }
  return ok(null);
}

/** A moderator's decision: publish, or reject with a reason the author sees. */
export type ModerationDecision = { action: 'approve' } | { action: 'reject'; reason: string };

/** Applies `decision` to review `id` with its audit entry (`reviews.approve` / `reviews.reject`) in one batch. */
export async function moderateReview(
  ctx: ReviewContext,
  actor: Pick<StaffPrincipal, 'id' | 'email'>,
  id: string,
  decision: ModerationDecision,
): Promise<Result<ReviewRow>> {
  const before = await findReviewById(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No review has that id.');
  const status = decision.action === 'approve' ? ('published' as const) : ('rejected' as const);
  const note = decision.action === 'reject' ? decision.reason : null;
  const [updated] = await ctx.db.batch([
    moderateReviewStatement(ctx.db, { id, status, note, staffId: actor.id, now: ctx.now }),
    appendAuditStatement(
      ctx.db,
      auditEntry({
        actor,
        action: `reviews.${decision.action}`,
        entityType: 'review',
        entityId: id,
        before: { status: before.status, moderationNote: before.moderationNote },
        after: { status, moderationNote: note },
        requestId: ctx.requestId,
        now: ctx.now,
      }),
    ),
  ]);
  // The row can only be gone if its author deleted it in between: then there is nothing left to moderate.
  return updated[0] ? ok(updated[0]) : fail('NOT_FOUND', 'The review was deleted meanwhile.');
}
