/**
 * The media library page's actions (upload, alt text, delete), calling the same service as /api/admin/media. Each
 * checks content:write, and answers a failure with its message, the field errors and the values as posted, so the
 * page (posted as a document, with or without JavaScript) renders them in place. Success redirects (303) with a notice.
 */
import type { RequestEventAction } from '@builder.io/qwik-city';
import { z } from '@builder.io/qwik-city';
import type { MediaUse } from '@db/repositories/media';
import { statusOfError } from '@domain/core/errors';
import { isId } from '@domain/core/ids';
import { deleteMedia, setMediaAlt, uploadMedia } from '@worker/services/content/media';
import { CONTENT_NOT_ALLOWED, contentPageContext } from '~/lib/admin-content';
import { staffWith } from '~/lib/admin-session';

type Event = RequestEventAction<QwikCityPlatform>;
type Issue = { path: string; message: string };

/** The upload form as posted (qwik-city's zod$): the file is checked by the domain rules, by its bytes. */
export const MediaUploadFields = { file: z.any(), alt: z.string().max(2000).optional() };
export const MediaAltFields = { mediaId: z.string().max(40), alt: z.string().max(2000).optional() };
export const MediaDeleteFields = { mediaId: z.string().max(40) };

/** What a failed media action answers. */
export interface MediaActionFailure {
  failed: true;
  message?: string;
  mediaId?: string;
  fieldErrors?: { file?: string; alt?: string };
  values?: { alt: string };
  uses?: MediaUse[];
}

const LIBRARY = '/admin/content/media';

function fieldErrorsOf(meta: Record<string, unknown> | undefined): { file?: string; alt?: string } {
  const out: { file?: string; alt?: string } = {};
  for (const issue of (meta?.errors as Issue[] | undefined) ?? []) {
    if ((issue.path === 'file' || issue.path === 'alt') && !out[issue.path]) out[issue.path] = issue.message;
  }
  return out;
}

async function writer(event: Event) {
  const actor = await staffWith(event, 'content:write');
  return actor && { ...contentPageContext(event, actor), media: event.platform.env.MEDIA };
}

export async function uploadMediaAction(data: { file?: unknown; alt?: string }, event: Event) {
  const ctx = await writer(event);
  if (!ctx) return event.fail(403, { message: CONTENT_NOT_ALLOWED });
  const alt = data.alt ?? '';
  const file = data.file instanceof Blob ? data.file : null;
  const bytes = file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  const filename = file instanceof File ? file.name : '';
  const result = await uploadMedia(ctx, { bytes, filename, alt });
  if (!result.ok) {
    return event.fail(statusOfError(result.error.code), {
      message: 'The image was not uploaded. Check the fields below.',
      fieldErrors: fieldErrorsOf(result.error.meta),
      values: { alt },
    });
  }
  throw event.redirect(303, `${LIBRARY}?uploaded=${result.value.id}`);
}

export async function setMediaAltAction(data: { mediaId: string; alt?: string }, event: Event) {
  const ctx = await writer(event);
  if (!ctx) return event.fail(403, { message: CONTENT_NOT_ALLOWED });
  const alt = data.alt ?? '';
  const result = await setMediaAlt(ctx, data.mediaId, alt);
  if (!result.ok) {
    return event.fail(statusOfError(result.error.code), {
      message: result.error.detail,
      mediaId: data.mediaId,
      fieldErrors: fieldErrorsOf(result.error.meta),
      values: { alt },
    });
  }
  throw event.redirect(303, `${LIBRARY}?saved=${data.mediaId}`);
}

export async function deleteMediaAction(data: { mediaId: string }, event: Event) {
  const ctx = await writer(event);
  if (!ctx) return event.fail(403, { message: CONTENT_NOT_ALLOWED });
  if (!isId('media', data.mediaId))
    return event.fail(404, { message: 'No image in the library has this id.' });
  const result = await deleteMedia(ctx, data.mediaId);
  if (!result.ok) {
    return event.fail(statusOfError(result.error.code), {
      message: result.error.detail,
      mediaId: data.mediaId,
      uses: (result.error.meta?.uses as MediaUse[] | undefined) ?? [],
    });
  }
  throw event.redirect(303, `${LIBRARY}?deleted=1`);
}
