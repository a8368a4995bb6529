/**
 * The media library's use cases: upload (bytes checked by the domain rules, R2 first, then the row with its audit
 * entry; the object is removed again if the row fails), alt text, delete (refused while the image is used anywhere,
 * listing where; the row goes first, then the object) and the list. The API and the admin page both call these.
 */

import type { Db } from '@db/client';
import {
  deleteMediaStatement,
  findMedia,
  insertMediaStatement,
  listMedia,
  type MediaRow,
  type MediaUse,
  mediaUsesOf,
  setMediaAltStatement,
} from '@db/repositories/media';
import { MAX_IMAGE_SIDE } from '@domain/catalog/image-type';
import {
  checkMediaFile,
  cleanFilename,
  MediaAlt,
  type MediaFile,
  mediaKeyOf,
  mediaUrlOf,
} from '@domain/content/media';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { dimensionsOf, IMMUTABLE } from '@worker/services/catalog/images';
import { type ContentContext, contentAudit } from './context';

type MediaCtx = ContentContext & { media: R2Bucket };
type FieldIssue = { path: string; message: string };

/** A library image as callers see it: the row plus its public URL. */
export type MediaItem = MediaRow & { url: string };

const withUrl = (row: MediaRow): MediaItem => ({ ...row, url: mediaUrlOf(row.key) });
const withErrors = (errors: FieldIssue[]) => ({ errors: errors as unknown as Record<string, string>[] });

/** The alt text as stored, or its field error. */
function altOf(raw: string): Result<string> {
  const parsed = MediaAlt.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const message = parsed.error.issues[0]?.message ?? 'Describe the image.';
  return fail('VALIDATION_FAILED', message, withErrors([{ path: 'alt', message }]));
}

const invalidImage = (message: string) =>
  fail('INVALID_IMAGE', message, withErrors([{ path: 'file', message }]));

/** The file's type (from its bytes) and pixel size (from its header), or why it is not a library image. */
function imageOf(bytes: Uint8Array): Result<{ type: MediaFile; size: { width: number; height: number } }> {
  const type = checkMediaFile(bytes);
  if (!type.ok) return type;
  const size = dimensionsOf(bytes);
  if (!size) return invalidImage('The image could not be read.');
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE) {
    return invalidImage(`Images may be at most ${MAX_IMAGE_SIDE} pixels on a side.`);
  }
  return ok({ type: type.value, size });
}

/**
 * Checks an upload without writing anything: every field's error at once (so a form shows them all), with the file's
 * code (422 INVALID_IMAGE) when the file is wrong, else 400 for the alt text.
 */
export function checkMediaUpload(file: { bytes: Uint8Array; alt: string }) {
  const alt = altOf(file.alt);
  const image = imageOf(file.bytes);
  if (alt.ok && image.ok) return ok({ alt: alt.value, ...image.value });
  const errors = [image, alt].flatMap((r) => (r.ok ? [] : ((r.error.meta?.errors as FieldIssue[]) ?? [])));
  const first = !image.ok ? image.error : !alt.ok ? alt.error : null;
  return fail<never>(first!.code, first!.detail, withErrors(errors));
}

export async function uploadMedia(
  ctx: MediaCtx,
  file: { bytes: Uint8Array; filename: string; alt: string },
): Promise<Result<MediaItem>> {
  const checked = checkMediaUpload(file);
  if (!checked.ok) return checked;
  const { alt, type, size } = checked.value;
  const id = newId('media', ctx.now);
  const key = mediaKeyOf(id, type.ext);
  const row: MediaRow = {
    id,
    key,
    filename: cleanFilename(file.filename, type.ext),
    contentType: type.contentType,
    bytes: type.bytes,
    width: size.width,
    height: size.height,
    alt,
    uploadedBy: ctx.actor.email,
    createdAt: ctx.now,
  };
  await ctx.media.put(key, file.bytes, {
    httpMetadata: { contentType: type.contentType, cacheControl: IMMUTABLE },
  });
  try {
    await ctx.db.batch([
      insertMediaStatement(ctx.db, row),
      contentAudit(ctx, 'media.upload', 'media', id, null, row),
    ]);
  } catch (e) {
    // No row points at the object: remove it, so a failed upload leaves nothing behind.
    await ctx.media.delete(key);
    throw e;
  }
  return ok(withUrl(row));
}

export async function setMediaAlt(
  ctx: ContentContext,
  id: string,
  rawAlt: string,
): Promise<Result<MediaItem>> {
  const alt = altOf(rawAlt);
  if (!alt.ok) return alt;
  const before = await findMedia(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No image in the library has this id.');
  await ctx.db.batch([
    setMediaAltStatement(ctx.db, id, alt.value),
    contentAudit(ctx, 'media.alt', 'media', id, { alt: before.alt }, { alt: alt.value }),
  ]);
  return ok(withUrl({ ...before, alt: alt.value }));
}

/** Deletes an image nothing uses; else 409 CONFLICT with `meta.uses` (kind, id, title, editHref of each place). */
export async function deleteMedia(ctx: MediaCtx, id: string): Promise<Result<true>> {
  const row = await findMedia(ctx.db, id);
  if (!row) return fail('NOT_FOUND', 'No image in the library has this id.');
  const uses: MediaUse[] = await mediaUsesOf(ctx.db, mediaUrlOf(row.key));
  if (uses.length > 0) {
    const detail =
      uses.length === 1
        ? 'This image is used in one place. Change that first, then delete the image.'
        : `This image is used in ${uses.length} places. Change those first, then delete the image.`;
    return fail('CONFLICT', detail, { uses });
  }
  await ctx.db.batch([
    deleteMediaStatement(ctx.db, id),
    contentAudit(ctx, 'media.delete', 'media', id, row, null),
  ]);
  try {
    await ctx.media.delete(row.key);
  } catch (error) {
    // The row is gone, so nothing links to the object any more: an orphan costs storage, not correctness.
    console.error(
      JSON.stringify({
        level: 'error',
        event: 'media-object-delete-failed',
        key: row.key,
        error: String(error),
      }),
    );
  }
  return ok(true);
}

/** Images per page of the library. */
export const MEDIA_PAGE_SIZE = 24;

export async function listMediaPage(
  db: Db,
  opts: { q?: string; page: number; pageSize?: number },
): Promise<{ items: MediaItem[]; total: number; page: number; pageSize: number }> {
  const pageSize = opts.pageSize ?? MEDIA_PAGE_SIZE;
  const page = Math.max(1, opts.page);
  const { items, total } = await listMedia(db, { q: opts.q, limit: pageSize, offset: (page - 1) * pageSize });
  return { items: items.map(withUrl), total, page, pageSize };
}

/** How many library images an editor's image field suggests (the newest). */
const MAX_CHOICES = 200;

/** The newest library images as URL + alt, for MediaPicker's suggestions. */
export async function listMediaChoices(db: Db): Promise<{ url: string; alt: string }[]> {
  const { items } = await listMedia(db, { limit: MAX_CHOICES, offset: 0 });
  return items.map((m) => ({ url: mediaUrlOf(m.key), alt: m.alt }));
}
