/** The media library: its rows, and where an image URL is used (posts, banners, landing pages) before deleting it. */
import type { Db } from '@db/client';
import { banners, landingPageRevisions, landingPages, mediaAssets, posts } from '@db/schema';
import { type AnyColumn, and, count, desc, eq, inArray, or, sql } from 'drizzle-orm';

export type MediaRow = typeof mediaAssets.$inferSelect;

/** One place that shows an image, with the back-office page that edits it. */
export interface MediaUse {
  kind: 'post' | 'banner' | 'page';
  id: string;
  title: string;
  editHref: string;
}

/**
 * Whether `column` holds `text` anywhere, literally. instr(), not LIKE: D1 caps LIKE patterns at 50 bytes
 * (SQLITE_LIMIT_LIKE_PATTERN_LENGTH), shorter than `%/media/library/med_….webp%`, and instr has no wildcards to escape
 * (`%` and `_` in a search are plain characters).
 */
const contains = (column: AnyColumn, text: string) => sql`instr(${column}, ${text}) > 0`;
/** The same, ignoring ASCII case (as LIKE would), for searches typed by people. */
const containsAnyCase = (column: AnyColumn, text: string) => sql`instr(lower(${column}), lower(${text})) > 0`;

export const insertMediaStatement = (db: Db, row: MediaRow) => db.insert(mediaAssets).values(row);

export const setMediaAltStatement = (db: Db, id: string, alt: string) =>
  db.update(mediaAssets).set({ alt }).where(eq(mediaAssets.id, id));

export const deleteMediaStatement = (db: Db, id: string) =>
  db.delete(mediaAssets).where(eq(mediaAssets.id, id));

export async function findMedia(db: Db, id: string): Promise<MediaRow | null> {
  const [row] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, id)).limit(1);
  return row ?? null;
}

/** A page of the library, newest first; `q` matches file name or alt text (ignoring ASCII case). */
export async function listMedia(
  db: Db,
  opts: { q?: string; limit: number; offset: number },
): Promise<{ items: MediaRow[]; total: number }> {
  const q = opts.q?.trim();
  const where = q
    ? or(containsAnyCase(mediaAssets.filename, q), containsAnyCase(mediaAssets.alt, q))
    : undefined;
  const [items, [total]] = await db.batch([
    db
      .select()
      .from(mediaAssets)
      .where(where)
      .orderBy(desc(mediaAssets.createdAt), desc(mediaAssets.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(mediaAssets).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

const pageTitle = sql<string>`coalesce(json_extract(${landingPages.draft}, '$.title'), ${landingPages.slug})`;

/**
 * Every place `url` is used (anywhere in the field, so `…png?v=2` or a Markdown image counts too): a post's cover or body, a banner's image, a landing page's draft or the revisions
 * shoppers see now or on schedule (the published one and the one it replaces until then). Older revisions are
 * history: restoring one that shows a deleted image is the editor's choice, so they do not hold an image hostage.
 */
export async function mediaUsesOf(db: Db, url: string): Promise<MediaUse[]> {
  const liveRevisions = db
    .select({ pageId: landingPageRevisions.pageId })
    .from(landingPageRevisions)
    .innerJoin(
      landingPages,
      and(
        eq(landingPages.id, landingPageRevisions.pageId),
        or(
          eq(landingPages.publishedRevisionId, landingPageRevisions.id),
          eq(landingPages.replacedRevisionId, landingPageRevisions.id),
        ),
      ),
    )
    .where(contains(landingPageRevisions.content, url));
  const [postRows, bannerRows, pageRows] = await db.batch([
    db
      .select({ id: posts.id, title: posts.title })
      .from(posts)
      .where(or(contains(posts.coverUrl, url), contains(posts.bodyMarkdown, url)))
      .orderBy(posts.title, posts.id)
      .limit(100),
    db
      .select({ id: banners.id, title: banners.title })
      .from(banners)
      .where(contains(banners.imageUrl, url))
      .orderBy(banners.title, banners.id)
      .limit(100),
    db
      .select({ id: landingPages.id, title: pageTitle })
      .from(landingPages)
      .where(or(contains(landingPages.draft, url), inArray(landingPages.id, liveRevisions)))
      .orderBy(pageTitle, landingPages.id)
      .limit(100),
  ]);
  return [
    ...postRows.map((p) => ({ kind: 'post' as const, ...p, editHref: `/admin/content/posts/${p.id}` })),
    ...bannerRows.map((b) => ({ kind: 'banner' as const, ...b, editHref: `/admin/content/banners/${b.id}` })),
    ...pageRows.map((p) => ({ kind: 'page' as const, ...p, editHref: `/admin/content/pages/${p.id}` })),
  ];
}
