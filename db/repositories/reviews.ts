/**
 * Customer reviews: a customer's own review (one per product), the published reviews of a product with their rating
 * distribution, and the moderation queue. Products' rating_avg/review_count follow by trigger (0005_catalog).
 */
import type { Db } from '@db/client';
import { orderLines, orders, products, productVariants, reviews } from '@db/schema';
import {
  PURCHASE_STATUSES,
  type RatingDistribution,
  ratingDistribution,
  summariseRatings,
} from '@domain/catalog/review-input';
import type { ReviewStatus } from '@domain/catalog/statuses';
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';

export type ReviewRow = typeof reviews.$inferSelect;

/** The product a review is about, as the account and moderation pages show it. */
export interface ReviewedProduct {
  productId: string;
  productSlug: string;
  productName: string;
}

/** The active product with this slug (only active products can be reviewed or show reviews), or null. */
export async function findReviewableProduct(
  db: Db,
  slug: string,
): Promise<{ id: string; slug: string; name: string } | null> {
  const [row] = await db
    .select({ id: products.id, slug: products.slug, name: products.name })
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.status, 'active')))
    .limit(1);
  return row ?? null;
}

/**
 * True when one of the customer's orders that counts as a purchase (PURCHASE_STATUSES) has a line for a variant of
 * the product. Order lines keep the SKU, so the match is on the product's current SKUs.
 */
export async function hasPurchasedProduct(db: Db, customerId: string, productId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(orders)
    .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
    .where(
      and(
        eq(orders.customerId, customerId),
        inArray(orders.status, [...PURCHASE_STATUSES]),
        inArray(
          orderLines.sku,
          db
            .select({ sku: productVariants.sku })
            .from(productVariants)
            .where(eq(productVariants.productId, productId)),
        ),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export interface OwnReviewWrite {
  id: string;
  productId: string;
  customerId: string;
  authorName: string;
  rating: number;
  title: string;
  body: string;
  verifiedPurchase: boolean;
  now: number;
}

/**
 * Creates the customer's review of the product, or replaces their existing one (the unique index on
 * (product_id, customer_id) makes it one statement, so two tabs cannot create two). Any write sends the review back
 * to moderation: a published review that is edited disappears until it is approved again.
 */
export async function upsertOwnReview(db: Db, r: OwnReviewWrite): Promise<ReviewRow> {
  const [row] = await db
    .insert(reviews)
    .values({
      id: r.id,
      productId: r.productId,
      customerId: r.customerId,
      authorName: r.authorName,
      rating: r.rating,
      title: r.title,
      body: r.body,
      status: 'pending',
      verifiedPurchase: r.verifiedPurchase,
      createdAt: r.now,
    })
    .onConflictDoUpdate({
      target: [reviews.productId, reviews.customerId],
      set: {
        authorName: r.authorName,
        rating: r.rating,
        title: r.title,
        body: r.body,
        status: 'pending',
        verifiedPurchase: r.verifiedPurchase,
        moderationNote: null,
        moderatedBy: null,
        moderatedAt: null,
        updatedAt: r.now,
      },
    })
    .returning();
  return row!;
}

/** The customer's review of the product, or null. */
export async function findOwnReview(
  db: Db,
  customerId: string,
  productId: string,
): Promise<ReviewRow | null> {
  const [row] = await db
    .select()
    .from(reviews)
    .where(and(eq(reviews.productId, productId), eq(reviews.customerId, customerId)))
    .limit(1);
  return row ?? null;
}

/** Deletes the customer's review of the product; false when they had none. */
export async function deleteOwnReview(db: Db, customerId: string, productId: string): Promise<boolean> {
  const gone = await db
    .delete(reviews)
    .where(and(eq(reviews.productId, productId), eq(reviews.customerId, customerId)))
    .returning({ id: reviews.id });
  return gone.length > 0;
}

/** Every review the customer wrote, newest first, with its product (at most `limit`). */
export async function listOwnReviews(
  db: Db,
  customerId: string,
  limit = 200,
): Promise<(ReviewRow & ReviewedProduct)[]> {
  const rows = await db
    .select({ review: reviews, productSlug: products.slug, productName: products.name })
    .from(reviews)
    .innerJoin(products, eq(products.id, reviews.productId))
    .where(eq(reviews.customerId, customerId))
    .orderBy(desc(sql`coalesce(${reviews.updatedAt}, ${reviews.createdAt})`), desc(reviews.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.review, productSlug: r.productSlug, productName: r.productName }));
}

/** A published review as the shop shows it (no customer id, no moderation details). */
export interface PublicReview {
  id: string;
  authorName: string;
  rating: number;
  title: string;
  body: string;
  verifiedPurchase: boolean;
  createdAt: number;
}

export interface PublishedReviewsPage {
  items: PublicReview[];
  total: number;
  distribution: RatingDistribution;
}

/** A product's published reviews, for the queries below: `productId` may be a value or a subquery. */
const publishedOf = (productId: string | SQL) =>
  and(eq(reviews.productId, productId), eq(reviews.status, 'published'));

/**
 * Batchable: one page of a product's published reviews, newest first (the (product_id, status, created_at) index).
 * The product page reads it in its own batch, with the product found by slug.
 */
export function publishedReviewsQuery(
  db: Db,
  productId: string | SQL,
  page: { limit: number; offset: number },
) {
  return db
    .select({
      id: reviews.id,
      authorName: reviews.authorName,
      rating: reviews.rating,
      title: reviews.title,
      body: reviews.body,
      verifiedPurchase: reviews.verifiedPurchase,
      createdAt: reviews.createdAt,
    })
    .from(reviews)
    .where(publishedOf(productId))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** Batchable: how many published reviews give each star (ratingDistribution turns the rows into counts). */
export function ratingCountsQuery(db: Db, productId: string | SQL) {
  return db
    .select({ rating: reviews.rating, count: count() })
    .from(reviews)
    .where(publishedOf(productId))
    .groupBy(reviews.rating);
}

/** One page of a product's published reviews, newest first, with the count of each star over all of them. */
export async function listPublishedReviews(
  db: Db,
  productId: string,
  page: { limit: number; offset: number },
): Promise<PublishedReviewsPage> {
  const [items, counts] = await db.batch([
    publishedReviewsQuery(db, productId, page),
    ratingCountsQuery(db, productId),
  ]);
  const distribution = ratingDistribution(counts);
  return { items, total: summariseRatings(distribution).count, distribution };
}

/** A review in the moderation queue, with the product it is about. */
export type QueuedReview = ReviewRow & ReviewedProduct;

/** Reviews with `status`, oldest first (the longest waiting on top), one page at a time, with the total. */
export async function listReviewsByStatus(
  db: Db,
  status: ReviewStatus,
  page: { limit: number; offset: number },
): Promise<{ items: QueuedReview[]; total: number }> {
  const where = eq(reviews.status, status);
  const [rows, [total]] = await db.batch([
    db
      .select({ review: reviews, productSlug: products.slug, productName: products.name })
      .from(reviews)
      .innerJoin(products, eq(products.id, reviews.productId))
      .where(where)
      .orderBy(asc(reviews.createdAt), asc(reviews.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(reviews).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...r.review,
      productId: r.review.productId,
      productSlug: r.productSlug,
      productName: r.productName,
    })),
    total: total?.n ?? 0,
  };
}

/** One review by id, or null. */
export async function findReviewById(db: Db, id: string): Promise<ReviewRow | null> {
  const [row] = await db.select().from(reviews).where(eq(reviews.id, id)).limit(1);
  return row ?? null;
}

/** The statement recording a moderator's decision, to run in one batch with its audit entry. */
export function moderateReviewStatement(
  db: Db,
  m: { id: string; status: 'published' | 'rejected'; note: string | null; staffId: string; now: number },
) {
  return db
    .update(reviews)
    .set({ status: m.status, moderationNote: m.note, moderatedBy: m.staffId, moderatedAt: m.now })
    .where(eq(reviews.id, m.id))
    .returning();
}

/** How many reviews have each status (for the moderation page's tabs). */
export async function countReviewsByStatus(db: Db): Promise<Record<ReviewStatus, number>> {
  const rows = await db.select({ status: reviews.status, n: count() }).from(reviews).groupBy(reviews.status);
  const out: Record<ReviewStatus, number> = { pending: 0, published: 0, rejected: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}
