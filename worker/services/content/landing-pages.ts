/**
 * Back-office landing pages: create, save the draft (each save is a revision), restore a revision, publish now or on
 * a schedule, unpublish, delete, and private preview links. Every change is one batch with its audit entry, guarded
 * by the page's version: an editor working from an older copy gets a 409 and nothing is written.
 */
import {
  deleteExpiredPreviewsStatement,
  deletePageStatement,
  deleteRedirectsToStatement,
  findLandingPage,
  findLandingPageIdBySlug,
  findRevision,
  guardedAuditStatement,
  guardedRevisionStatement,
  insertPageStatements,
  insertPreviewStatement,
  type LandingPageRow,
  latestRevisionId,
  moveStatements,
  pruneRevisionsStatement,
  updatePageStatement,
} from '@db/repositories/landing-pages';
import { clearScheduleMarks, scheduleMarksFor } from '@db/repositories/schedule-marks';
import { slugify } from '@domain/catalog/slug';
import {
  emptyContent,
  type LandingPageContent,
  landingPagePath,
  liveRevisionId,
  PREVIEW_HOURS,
  type PublishSchedule,
  publicationMoments,
} from '@domain/content/landing-page';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { hashSecretToken, newSecretToken } from '@domain/identity/secret-token';
import { auditEntry } from '@worker/services/audit/audit';
import type { ContentContext } from './context';

const HOUR = 3_600_000;

const slugTaken = <T>() =>
  fail<T>('CONFLICT', 'Another page already uses this address.', {
    errors: [{ path: 'slug', message: 'Already in use: choose another.' }],
  });
const noSuchPage = <T>() => fail<T>('NOT_FOUND', 'No landing page has this id.');
const changedMeanwhile = <T>() =>
  fail<T>('CONFLICT', 'Someone else changed this page meanwhile; reload it to see their version.', {
    reason: 'stale_version',
  });

const audit = (ctx: ContentContext, action: string, id: string, version: number, after: unknown) =>
  guardedAuditStatement(
    ctx.db,
    auditEntry({
      actor: ctx.actor,
      action,
      entityType: 'landing_page',
      entityId: id,
      before: { version },
      after,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
    id,
    version,
  );

/** A UNIQUE failure on the slug (another writer took it between our check and the write) is a 409. */
async function unlessSlugTaken<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (e) {
    const text = `${(e as Error).message} ${String((e as { cause?: unknown }).cause ?? '')}`;
    if (/UNIQUE constraint failed: landing_pages\.slug/.test(text)) return slugTaken();
    throw e;
  }
}

/** Loads the page and checks the caller's version, so the common stale case is answered before any write. */
async function current(ctx: ContentContext, id: string, version: number): Promise<Result<LandingPageRow>> {
  const page = await findLandingPage(ctx.db, id);
  if (!page) return noSuchPage();
  if (page.version !== version) return changedMeanwhile();
  return ok(page);
}

export async function createLandingPage(
  ctx: ContentContext,
  input: { title: string; slug: string },
): Promise<Result<{ id: string }>> {
  const slug = input.slug || slugify(input.title);
  if (!slug)
    return fail('VALIDATION_FAILED', 'The page needs an address.', {
      errors: [{ path: 'slug', message: 'Use letters or digits in the title or the address.' }],
    });
  if (await findLandingPageIdBySlug(ctx.db, slug)) return slugTaken();
  const id = newId('page', ctx.now);
  const content = JSON.stringify(emptyContent(input.title));
  const page: LandingPageRow = {
    id,
    slug,
    draft: content,
    publishedRevisionId: null,
    replacedRevisionId: null,
    publishAt: null,
    unpublishAt: null,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const revision = {
    id: newId('pageRevision', ctx.now),
    pageId: id,
    number: 1,
    content,
    savedBy: ctx.actor.email,
    createdAt: ctx.now,
  };
  const done = await unlessSlugTaken(() =>
    ctx.db.batch([
      ...insertPageStatements(ctx.db, page, revision),
      guardedAuditStatement(
        ctx.db,
        auditEntry({
          actor: ctx.actor,
          action: 'landing_page.create',
          entityType: 'landing_page',
          entityId: id,
          before: null,
          after: { slug, title: input.title },
          requestId: ctx.requestId,
          now: ctx.now,
        }),
        id,
        1,
      ),
    ]),
  );
  return done.ok ? ok({ id }) : done;
}

/**
 * Saves the draft as a new revision. A new slug on a page that has been published leaves a 301 from the old address,
 * so links and search results keep working.
 */
export async function saveLandingPageDraft(
  ctx: ContentContext,
  id: string,
  input: { version: number; slug: string; content: LandingPageContent; restoredFrom?: number },
): Promise<Result<{ version: number }>> {
  const found = await current(ctx, id, input.version);
  if (!found.ok) return found;
  const page = found.value;
  const moved = input.slug !== page.slug;
  if (moved && (await findLandingPageIdBySlug(ctx.db, input.slug))) return slugTaken();
  const content = JSON.stringify(input.content);
  const v = input.version;
  const done = await unlessSlugTaken(() =>
    ctx.db.batch([
      guardedRevisionStatement(
        ctx.db,
        {
          id: newId('pageRevision', ctx.now),
          pageId: id,
          content,
          savedBy: ctx.actor.email,
          createdAt: ctx.now,
        },
        v,
      ),
      ...(moved && page.publishedRevisionId !== null
        ? moveStatements(ctx.db, id, v, landingPagePath(page.slug), landingPagePath(input.slug), ctx.now)
        : []),
      audit(ctx, input.restoredFrom ? 'landing_page.restore' : 'landing_page.save', id, v, {
        slug: input.slug,
        ...(input.restoredFrom ? { restoredFrom: input.restoredFrom } : {}),
      }),
      pruneRevisionsStatement(ctx.db, page),
      updatePageStatement(ctx.db, id, v, { draft: content, slug: input.slug, updatedAt: ctx.now }),
    ]),
  );
  if (!done.ok) return done;
  const updated = done.value.at(-1) as { version: number }[];
  return updated.length === 1 ? ok({ version: updated[0]!.version }) : changedMeanwhile();
}

/** Copies revision `number` into the draft, as a new revision (the history keeps what was there). */
export async function restoreLandingPageRevision(
  ctx: ContentContext,
  id: string,
  input: { version: number; number: number },
): Promise<Result<{ version: number }>> {
  const page = await findLandingPage(ctx.db, id);
  if (!page) return noSuchPage();
  const revision = await findRevision(ctx.db, id, input.number);
  if (!revision) return fail('NOT_FOUND', `This page has no revision ${input.number}.`);
  return saveLandingPageDraft(ctx, id, {
    version: input.version,
    slug: page.slug,
    content: JSON.parse(revision.content) as LandingPageContent,
    restoredFrom: input.number,
  });
}

/**
 * Publishes the saved draft (its newest revision) from `publishAt` (null: now) until `unpublishAt` (null: for good).
 * When the page is live and the change is scheduled, shoppers keep the live revision until then.
 */
export async function publishLandingPage(
  ctx: ContentContext,
  id: string,
  input: { version: number } & PublishSchedule,
): Promise<Result<{ version: number }>> {
  const found = await current(ctx, id, input.version);
  if (!found.ok) return found;
  const page = found.value;
  const publishAt = input.publishAt ?? ctx.now;
  if (input.unpublishAt !== null && input.unpublishAt <= ctx.now)
    return fail('INVALID_DATE', 'The take-down time has already passed.', {
      errors: [{ path: 'unpublishAt', message: 'Choose a time in the future, or leave it empty.' }],
    });
  if (input.unpublishAt !== null && input.unpublishAt <= publishAt)
    return fail('INVALID_DATE', 'The page must come down after it goes up.', {
      errors: [{ path: 'unpublishAt', message: 'Choose a time after the publishing time.' }],
    });
  const revisionId = await latestRevisionId(ctx.db, id);
  if (!revisionId) return noSuchPage();
  const publication = {
    publishedRevisionId: revisionId,
    replacedRevisionId: publishAt > ctx.now ? liveRevisionId(page, ctx.now) : null,
    publishAt,
    unpublishAt: input.unpublishAt,
  };
  const v = input.version;
  const [, updated] = await ctx.db.batch([
    audit(ctx, 'landing_page.publish', id, v, publication),
    updatePageStatement(ctx.db, id, v, { ...publication, updatedAt: ctx.now }),
    ...scheduleMarksFor(ctx.db, id, publicationMoments(publication), ctx.now),
  ]);
  return updated.length === 1 ? ok({ version: updated[0]!.version }) : changedMeanwhile();
}

/** Takes the page out of the shop now (the draft and revisions stay; publishing again brings it back). */
export async function unpublishLandingPage(
  ctx: ContentContext,
  id: string,
  input: { version: number },
): Promise<Result<{ version: number }>> {
  const found = await current(ctx, id, input.version);
  if (!found.ok) return found;
  const v = input.version;
  const [, updated] = await ctx.db.batch([
    audit(ctx, 'landing_page.unpublish', id, v, null),
    updatePageStatement(ctx.db, id, v, {
      publishedRevisionId: null,
      replacedRevisionId: null,
      publishAt: null,
      unpublishAt: null,
      updatedAt: ctx.now,
    }),
    ...clearScheduleMarks(ctx.db, id, ctx.now),
  ]);
  return updated.length === 1 ? ok({ version: updated[0]!.version }) : changedMeanwhile();
}

export async function deleteLandingPage(
  ctx: ContentContext,
  id: string,
  input: { version: number },
): Promise<Result<true>> {
  const found = await current(ctx, id, input.version);
  if (!found.ok) return found;
  const v = input.version;
  const [, deleted] = await ctx.db.batch([
    audit(ctx, 'landing_page.delete', id, v, { slug: found.value.slug }),
    deletePageStatement(ctx.db, id, v),
    deleteRedirectsToStatement(ctx.db, landingPagePath(found.value.slug)),
    ...clearScheduleMarks(ctx.db, id, ctx.now),
  ]);
  return deleted.length === 1 ? ok(true) : changedMeanwhile();
}

/**
 * A private link showing the page's saved draft until it expires. The token is handed out once and only its hash is
 * kept, so the database cannot give a preview away; a guessed or expired one is a plain 404.
 */
export async function createPreviewLink(
  ctx: ContentContext,
  id: string,
  hours: number,
): Promise<Result<{ path: string; expiresAt: number }>> {
  if (!(PREVIEW_HOURS as readonly number[]).includes(hours))
    return fail('VALIDATION_FAILED', `A preview link lasts ${PREVIEW_HOURS.join(', ')} hours.`);
  if (!(await findLandingPage(ctx.db, id))) return noSuchPage();
  const token = newSecretToken();
  const expiresAt = ctx.now + hours * HOUR;
  await ctx.db.batch([
    deleteExpiredPreviewsStatement(ctx.db, ctx.now),
    insertPreviewStatement(ctx.db, {
      tokenHash: hashSecretToken(token),
      pageId: id,
      expiresAt,
      createdBy: ctx.actor.email,
      createdAt: ctx.now,
    }),
  ]);
  return ok({ path: `/preview/pages/${token}`, expiresAt });
}
