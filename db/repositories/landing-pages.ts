/**
 * Landing pages: the draft row, its revisions, publication, preview links and the redirects a slug change leaves.
 * Every change to a page is guarded by its `version` (compare-and-set): the guarded statements come first in the
 * batch and the version bump last, so a writer that lost the race writes nothing and sees no row come back.
 */
import type { Db } from '@db/client';
import type { AuditEntry } from '@db/repositories/audit';
import { auditLog, landingPagePreviews, landingPageRevisions, landingPages, redirects } from '@db/schema';
import { and, asc, desc, eq, gt, isNotNull, lte, notInArray, or, sql } from 'drizzle-orm';

/** How many revisions a page keeps besides those live or scheduled (older ones are pruned on save). */
export const KEPT_REVISIONS = 50;

export type LandingPageRow = typeof landingPages.$inferSelect;
export type RevisionRow = typeof landingPageRevisions.$inferSelect;

/** What decides what shoppers see of a page (domain/content/landing-page.ts `liveRevisionId`). */
const publication = {
  publishedRevisionId: landingPages.publishedRevisionId,
  replacedRevisionId: landingPages.replacedRevisionId,
  publishAt: landingPages.publishAt,
  unpublishAt: landingPages.unpublishAt,
};

/** The pages for the back-office list, most recently changed first (title read from the draft's JSON). */
export async function listLandingPages(db: Db, limit = 200) {
  return db
    .select({
      id: landingPages.id,
      slug: landingPages.slug,
      title: sql<string>`json_extract(${landingPages.draft}, '$.title')`,
      ...publication,
      updatedAt: landingPages.updatedAt,
    })
    .from(landingPages)
    .orderBy(desc(landingPages.updatedAt))
    .limit(limit);
}

export async function findLandingPage(db: Db, id: string): Promise<LandingPageRow | null> {
  const [row] = await db.select().from(landingPages).where(eq(landingPages.id, id)).limit(1);
  return row ?? null;
}

export async function findLandingPageIdBySlug(db: Db, slug: string): Promise<string | null> {
  const [row] = await db
    .select({ id: landingPages.id })
    .from(landingPages)
    .where(eq(landingPages.slug, slug))
    .limit(1);
  return row?.id ?? null;
}

/** The page's revisions, newest first, without their content (the history list). */
export async function listRevisions(db: Db, pageId: string) {
  return db
    .select({
      id: landingPageRevisions.id,
      number: landingPageRevisions.number,
      savedBy: landingPageRevisions.savedBy,
      createdAt: landingPageRevisions.createdAt,
    })
    .from(landingPageRevisions)
    .where(eq(landingPageRevisions.pageId, pageId))
    .orderBy(desc(landingPageRevisions.number));
}

export async function findRevision(db: Db, pageId: string, number: number): Promise<RevisionRow | null> {
  const [row] = await db
    .select()
    .from(landingPageRevisions)
    .where(and(eq(landingPageRevisions.pageId, pageId), eq(landingPageRevisions.number, number)))
    .limit(1);
  return row ?? null;
}

/**
 * The page at `slug` with the content of its published and replaced revisions (one query), for the shop to pick the
 * one live now (`liveRevisionId`).
 */
export async function findPublishedPage(db: Db, slug: string) {
  const published = sql.raw('published');
  const replaced = sql.raw('replaced');
  const [row] = await db
    .select({
      id: landingPages.id,
      slug: landingPages.slug,
      ...publication,
      updatedAt: landingPages.updatedAt,
      publishedContent: sql<string | null>`(select content from ${landingPageRevisions} ${published}
        where ${published}.id = ${landingPages.publishedRevisionId})`,
      replacedContent: sql<string | null>`(select content from ${landingPageRevisions} ${replaced}
        where ${replaced}.id = ${landingPages.replacedRevisionId})`,
    })
    .from(landingPages)
    .where(and(eq(landingPages.slug, slug), isNotNull(landingPages.publishedRevisionId)))
    .limit(1);
  return row ?? null;
}

/** Slugs of pages that have a published revision (the sitemap filters them by `liveRevisionId`). */
export async function listPublishedPages(db: Db, limit = 5000) {
  return db
    .select({
      slug: landingPages.slug,
      ...publication,
      updatedAt: landingPages.updatedAt,
    })
    .from(landingPages)
    .where(isNotNull(landingPages.publishedRevisionId))
    .orderBy(asc(landingPages.slug))
    .limit(limit);
}

/** Where a moved page now lives, if `path` was left behind by a slug change. */
export async function findRedirect(db: Db, path: string): Promise<string | null> {
  const [row] = await db
    .select({ to: redirects.toPath })
    .from(redirects)
    .where(eq(redirects.fromPath, path))
    .limit(1);
  return row?.to ?? null;
}

/** The page a preview token opens, while it has not expired. */
export async function findPreviewPage(db: Db, tokenHash: string, now: number) {
  const [row] = await db
    .select({ page: landingPages, expiresAt: landingPagePreviews.expiresAt })
    .from(landingPagePreviews)
    .innerJoin(landingPages, eq(landingPages.id, landingPagePreviews.pageId))
    .where(and(eq(landingPagePreviews.tokenHash, tokenHash), gt(landingPagePreviews.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** True while the page is at `version`: the guard every statement of one change is written under. */
const atVersion = (id: string, version: number) =>
  sql`exists (select 1 from ${landingPages} where ${landingPages.id} = ${id} and ${landingPages.version} = ${version})`;

/** A new page and its first revision. */
export function insertPageStatements(db: Db, page: LandingPageRow, revision: RevisionRow) {
  return [db.insert(landingPages).values(page), db.insert(landingPageRevisions).values(revision)] as const;
}

/** The audit entry, written only while the page is at `version` (so a lost race leaves no entry either). */
export function guardedAuditStatement(db: Db, entry: AuditEntry, pageId: string, version: number) {
  return db.insert(auditLog).select(sql`
    SELECT ${entry.id}, ${entry.staffId}, ${entry.staffEmail}, ${entry.action}, ${entry.entityType}, ${entry.entityId},
      ${entry.before}, ${entry.after}, ${entry.requestId}, ${entry.at}
    FROM ${landingPages} WHERE ${landingPages.id} = ${pageId} AND ${landingPages.version} = ${version}`);
}

/** A new revision numbered after the page's last, while the page is at `version`. */
export function guardedRevisionStatement(db: Db, revision: Omit<RevisionRow, 'number'>, version: number) {
  const { id, pageId, content, savedBy, createdAt } = revision;
  return db.insert(landingPageRevisions).select(sql`
    SELECT ${id}, ${pageId},
      (SELECT coalesce(max(${landingPageRevisions.number}), 0) + 1 FROM ${landingPageRevisions}
        WHERE ${landingPageRevisions.pageId} = ${pageId}),
      ${content}, ${savedBy}, ${createdAt}
    FROM ${landingPages} WHERE ${landingPages.id} = ${pageId} AND ${landingPages.version} = ${version}`);
}

/** Drops revisions beyond the newest KEPT_REVISIONS, except those live or scheduled. */
export function pruneRevisionsStatement(
  db: Db,
  page: Pick<LandingPageRow, 'id' | 'publishedRevisionId' | 'replacedRevisionId'>,
) {
  const keep = [page.publishedRevisionId, page.replacedRevisionId].filter((id): id is string => id !== null);
  return db.delete(landingPageRevisions).where(
    and(
      eq(landingPageRevisions.pageId, page.id),
      lte(
        landingPageRevisions.number,
        sql`(select max(${landingPageRevisions.number}) from ${landingPageRevisions}
            where ${landingPageRevisions.pageId} = ${page.id}) - ${KEPT_REVISIONS}`,
      ),
      keep.length ? notInArray(landingPageRevisions.id, keep) : undefined,
    ),
  );
}

/**
 * The redirects a slug change from `from` to `to` leaves: `from` → `to`, earlier redirects to `from` re-pointed at
 * `to` (no chains), and any redirect away from `to` dropped (the path is a page again). Written only at `version`.
 */
export function moveStatements(
  db: Db,
  pageId: string,
  version: number,
  from: string,
  to: string,
  now: number,
) {
  return [
    db.delete(redirects).where(and(eq(redirects.fromPath, to), atVersion(pageId, version))),
    db
      .update(redirects)
      .set({ toPath: to })
      .where(and(eq(redirects.toPath, from), atVersion(pageId, version))),
    db.insert(redirects).select(sql`
      SELECT ${from}, ${to}, ${now} FROM ${landingPages}
      WHERE ${landingPages.id} = ${pageId} AND ${landingPages.version} = ${version}
      ON CONFLICT (${sql.raw('from_path')}) DO UPDATE SET to_path = excluded.to_path`),
  ] as const;
}

/** Redirects pointing at a page that is being deleted (they would lead to a 404 anyway). */
export const deleteRedirectsToStatement = (db: Db, path: string) =>
  db.delete(redirects).where(or(eq(redirects.toPath, path), eq(redirects.fromPath, path)));

/** The compare-and-set that ends every change: the row comes back only when this writer won. */
export function updatePageStatement(
  db: Db,
  id: string,
  version: number,
  set: Partial<Omit<LandingPageRow, 'id' | 'version' | 'createdAt'>>,
) {
  return db
    .update(landingPages)
    .set({ ...set, version: sql`${landingPages.version} + 1` })
    .where(and(eq(landingPages.id, id), eq(landingPages.version, version)))
    .returning({ id: landingPages.id, version: landingPages.version });
}

/** The newest revision's id (the one the draft equals, since every save writes one). */
export async function latestRevisionId(db: Db, pageId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: landingPageRevisions.id })
    .from(landingPageRevisions)
    .where(eq(landingPageRevisions.pageId, pageId))
    .orderBy(desc(landingPageRevisions.number))
    .limit(1);
  return row?.id ?? null;
}

export const insertPreviewStatement = (db: Db, row: typeof landingPagePreviews.$inferInsert) =>
  db.insert(landingPagePreviews).values(row);

/** Preview links that have expired (swept whenever a new one is made, so the table stays small). */
export const deleteExpiredPreviewsStatement = (db: Db, now: number) =>
  db.delete(landingPagePreviews).where(lte(landingPagePreviews.expiresAt, now));

export const deletePageStatement = (db: Db, id: string, version: number) =>
  db
    .delete(landingPages)
    .where(and(eq(landingPages.id, id), eq(landingPages.version, version)))
    .returning({ id: landingPages.id });
