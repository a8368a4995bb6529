/** Blog posts as shoppers see them: only published posts whose date has come, newest first. */
import type { Db } from '@db/client';
import { categories, postProducts, posts, postTags, products } from '@db/schema';
import { and, asc, count, desc, eq, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import type { ProductSummary } from './catalog';
import { summaryColumns, toSummary } from './product-summary';

/** A post on the blog index, a tag page or in the feed. */
export interface PostCard {
  slug: string;
  title: string;
  excerpt: string;
  authorName: string;
  publishedAt: number;
  updatedAt: number;
  coverUrl: string | null;
  coverAlt: string;
}

/** A post's page: the card, its body (Markdown, rendered by the caller), SEO fields, tags and related products. */
export interface PostPage extends PostCard {
  bodyMarkdown: string;
  seoTitle: string;
  seoDescription: string;
  tags: string[];
  products: ProductSummary[];
}

const cardColumns = {
  slug: posts.slug,
  title: posts.title,
  excerpt: posts.excerpt,
  authorName: posts.authorName,
  publishedAt: sql<number>`${posts.publishedAt}`,
  updatedAt: posts.updatedAt,
  coverUrl: posts.coverUrl,
  coverAlt: posts.coverAlt,
};

/** Published and due: the same rule as domain/content postState's `live`, in SQL (posts_status_published_idx). */
const live = (now: number): SQL =>
  and(eq(posts.status, 'published'), isNotNull(posts.publishedAt), lte(posts.publishedAt, now))!;

const tagged = (tag: string): SQL =>
  sql`exists (select 1 from ${postTags} where ${postTags.postId} = ${posts.id} and ${postTags.tag} = ${tag})`;

/** One page of live posts (optionally with `tag`), newest first, and how many there are in all. */
export async function listLivePosts(
  db: Db,
  now: number,
  { tag, limit, offset = 0 }: { tag?: string; limit: number; offset?: number },
): Promise<{ items: PostCard[]; total: number }> {
  const where = tag ? and(live(now), tagged(tag)) : live(now);
  const [items, [total]] = await db.batch([
    db
      .select(cardColumns)
      .from(posts)
      .where(where)
      .orderBy(desc(posts.publishedAt), desc(posts.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(posts).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** The newest live posts with their bodies, for the feed. */
export async function listFeedPosts(db: Db, now: number, limit = 20) {
  return db
    .select({ ...cardColumns, bodyMarkdown: posts.bodyMarkdown })
    .from(posts)
    .where(live(now))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit);
}

/** A live post by slug with its tags and its active related products in order, or null (unknown, draft, future). */
export async function getLivePost(db: Db, slug: string, now: number): Promise<PostPage | null> {
  const rows = await db
    .select({
      id: posts.id,
      ...cardColumns,
      bodyMarkdown: posts.bodyMarkdown,
      seoTitle: posts.seoTitle,
      seoDescription: posts.seoDescription,
    })
    .from(posts)
    .where(and(eq(posts.slug, slug), live(now)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const [tagRows, productRows] = await db.batch([
    db
      .select({ tag: postTags.tag })
      .from(postTags)
      .where(eq(postTags.postId, row.id))
      .orderBy(asc(postTags.tag)),
    db
      .select(summaryColumns)
      .from(postProducts)
      .innerJoin(products, eq(products.id, postProducts.productId))
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(and(eq(postProducts.postId, row.id), eq(products.status, 'active')))
      .orderBy(asc(postProducts.position)),
  ]);
  const { id: _id, ...page } = row;
  return { ...page, tags: tagRows.map((t) => t.tag), products: productRows.map(toSummary) };
}

/** Every live post's slug and last change, for the sitemap. */
export async function listSitemapPosts(db: Db, now: number, limit = 5000) {
  return db
    .select({ slug: posts.slug, updatedAt: posts.updatedAt })
    .from(posts)
    .where(live(now))
    .orderBy(desc(posts.publishedAt))
    .limit(limit);
}
