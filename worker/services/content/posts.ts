/** Back-office blog posts: create, change and delete, each one atomic write with its tags, products and audit entry. */
import type { Db } from '@db/client';
import { appendAuditStatement } from '@db/repositories/audit';
import {
  deletePostStatement,
  findPost,
  findPostIdBySlug,
  insertPostStatements,
  type PostRow,
  type PostWithLinks,
  resolveProductRefs,
  updatePostStatements,
} from '@db/repositories/posts';
import { clearScheduleMarks, scheduleMarksFor } from '@db/repositories/schedule-marks';
import { normaliseTags, type PostInput, resolvePublishDate } from '@domain/content/post-input';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { auditEntry } from '@worker/services/audit/audit';
import type { StaffPrincipal } from '@worker/services/identity/sessions';

/** What every content use case receives. */
export interface ContentContext {
  db: Db;
  actor: Pick<StaffPrincipal, 'id' | 'email'>;
  now: number;
  requestId?: string;
}

/** A field error as problem+json's `errors[]` carries it. */
interface FieldIssue {
  path: string;
  message: string;
}

const fieldFailure = <T>(code: 'CONFLICT' | 'VALIDATION_FAILED', detail: string, errors: FieldIssue[]) =>
  fail<T>(code, detail, { errors });

const slugConflict = <T>() =>
  fieldFailure<T>('CONFLICT', 'Another post already uses this slug.', [
    { path: 'slug', message: 'Already in use.' },
  ]);

const audit = (ctx: ContentContext, action: string, id: string, before: unknown, after: unknown) =>
  appendAuditStatement(
    ctx.db,
    auditEntry({
      actor: ctx.actor,
      action,
      entityType: 'post',
      entityId: id,
      before,
      after,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );

/** The row, tags and product ids `input` stands for, or why it cannot be saved (bad date, unknown product). */
async function prepare(
  ctx: ContentContext,
  id: string,
  input: PostInput,
): Promise<Result<{ row: PostRow; tags: string[]; productIds: string[] }>> {
  const when = resolvePublishDate(input.status, input.publishedAt, ctx.now);
  if (!when.ok)
    return fail('INVALID_DATE', when.detail, { errors: [{ path: 'publishedAt', message: when.detail }] });
  const refs = await resolveProductRefs(ctx.db, input.relatedProducts);
  const missing = input.relatedProducts.flatMap((ref, i) =>
    refs.has(ref)
      ? []
      : [{ path: `relatedProducts.${i}`, message: `No product has the id, slug or SKU “${ref}”.` }],
  );
  if (missing.length)
    return fieldFailure('VALIDATION_FAILED', 'Some related products do not exist.', missing);
  const productIds = [...new Set(input.relatedProducts.map((ref) => refs.get(ref)!))];
  const row: PostRow = {
    id,
    slug: input.slug,
    title: input.title,
    excerpt: input.excerpt,
    authorName: input.authorName,
    bodyMarkdown: input.bodyMarkdown,
    coverUrl: input.cover?.url ?? null,
    coverAlt: input.cover?.alt ?? '',
    seoTitle: input.seoTitle,
    seoDescription: input.seoDescription,
    status: input.status,
    publishedAt: when.value,
    updatedAt: ctx.now,
  };
  return ok({ row, tags: normaliseTags(input.tags), productIds });
}

/**
 * When a scheduled post appears: a schedule mark at that moment changes the cached blog pages' key on time (the
 * posts triggers already bump the version on the write itself).
 */
const goesLiveAt = (row: PostRow): number[] =>
  row.status === 'published' && row.publishedAt !== null ? [row.publishedAt] : [];

/** Runs the write; a UNIQUE failure (another writer took the slug between our check and the write) is a 409. */
async function write(run: () => Promise<unknown>): Promise<Result<true>> {
  try {
    await run();
    return ok(true);
  } catch (e) {
    const text = `${(e as Error).message} ${String((e as { cause?: unknown }).cause ?? '')}`;
    if (/UNIQUE constraint failed: posts\.slug/.test(text)) return slugConflict();
    throw e;
  }
}

export async function createPost(ctx: ContentContext, input: PostInput): Promise<Result<PostWithLinks>> {
  if (await findPostIdBySlug(ctx.db, input.slug)) return slugConflict();
  const prepared = await prepare(ctx, newId('post', ctx.now), input);
  if (!prepared.ok) return prepared;
  const { row, tags, productIds } = prepared.value;
  const done = await write(() =>
    ctx.db.batch([
      audit(ctx, 'post.create', row.id, null, { ...row, tags, productIds }),
      ...insertPostStatements(ctx.db, row, tags, productIds),
      ...scheduleMarksFor(ctx.db, row.id, goesLiveAt(row), ctx.now),
    ]),
  );
  if (!done.ok) return done;
  return ok((await findPost(ctx.db, row.id))!);
}

export async function updatePost(
  ctx: ContentContext,
  id: string,
  input: PostInput,
): Promise<Result<PostWithLinks>> {
  const before = await findPost(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No post has this id.');
  const owner = await findPostIdBySlug(ctx.db, input.slug);
  if (owner && owner !== id) return slugConflict();
  const prepared = await prepare(ctx, id, input);
  if (!prepared.ok) return prepared;
  const { row, tags, productIds } = prepared.value;
  const done = await write(() =>
    ctx.db.batch([
      audit(ctx, 'post.update', id, before, { ...row, tags, productIds }),
      ...updatePostStatements(ctx.db, row, tags, productIds),
      ...scheduleMarksFor(ctx.db, id, goesLiveAt(row), ctx.now),
    ]),
  );
  if (!done.ok) return done;
  return ok((await findPost(ctx.db, id))!);
}

export async function deletePost(ctx: ContentContext, id: string): Promise<Result<true>> {
  const before = await findPost(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No post has this id.');
  await ctx.db.batch([
    deletePostStatement(ctx.db, id),
    audit(ctx, 'post.delete', id, before, null),
    ...clearScheduleMarks(ctx.db, id, ctx.now),
  ]);
  return ok(true);
}
