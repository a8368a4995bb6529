/** The storefront's blog: one page of posts (all or one tag), a post with its body rendered safely, and the feed. */
import type { Db } from '@db/client';
import {
  getLivePost,
  listFeedPosts,
  listLivePosts,
  type PostCard,
  type PostPage,
} from '@db/repositories/posts-public';
import { renderPostBody } from '@domain/content/markdown';

/** Posts per blog page. */
export const BLOG_PAGE_SIZE = 10;
/** Posts in the feed. */
export const FEED_SIZE = 20;

export interface BlogPage {
  items: PostCard[];
  total: number;
  page: number;
  pageCount: number;
}

/** `?page=N` as a page number: anything that is not a positive whole number is page 1. */
export function pageParam(raw: string | null): number {
  return raw && /^[1-9]\d{0,4}$/.test(raw) ? Number(raw) : 1;
}

/** Page `page` of the live posts (tagged `tag` when given), newest first; null past the last page (a 404). */
export async function loadBlogPage(
  db: Db,
  now: number,
  { page, tag }: { page: number; tag?: string },
): Promise<BlogPage | null> {
  const { items, total } = await listLivePosts(db, now, {
    tag,
    limit: BLOG_PAGE_SIZE,
    offset: (page - 1) * BLOG_PAGE_SIZE,
  });
  const pageCount = Math.max(1, Math.ceil(total / BLOG_PAGE_SIZE));
  if (page > pageCount) return null;
  return { items, total, page, pageCount };
}

/** A live post with its body as sanitised HTML (the only markup a post produces), or null. */
export async function loadPost(
  db: Db,
  slug: string,
  now: number,
): Promise<(Omit<PostPage, 'bodyMarkdown'> & { bodyHtml: string }) | null> {
  const post = await getLivePost(db, slug, now);
  if (!post) return null;
  const { bodyMarkdown, ...rest } = post;
  return { ...rest, bodyHtml: renderPostBody(bodyMarkdown) };
}

/** The newest live posts, bodies rendered, for the Atom feed. */
export async function loadFeedPosts(db: Db, now: number) {
  const rows = await listFeedPosts(db, now, FEED_SIZE);
  return rows.map(({ bodyMarkdown, ...card }) => ({ ...card, bodyHtml: renderPostBody(bodyMarkdown) }));
}
