/**
 * The media library's rules: which uploads are library images (the product image rules: type from the magic bytes,
 * at most 5 MB), the required alt text, a clean file name to show, and where an image is stored and served.
 */
import { IMAGE_TYPES, type ImageType, MAX_IMAGE_BYTES, sniffImageType } from '@domain/catalog/image-type';
import { fail, ok, type Result } from '@domain/core/result';
import { z } from 'zod';
import { PlainText } from './links';

/** Same cap as product images: the bucket and the upload route's body limit are sized for it. */
export const MAX_MEDIA_BYTES = MAX_IMAGE_BYTES;
export const MAX_MEDIA_ALT = 300;
const MAX_FILENAME = 120;

/** Alt text: required (an image in the library is reused in many places, each needs it), plain text. */
export const MediaAlt = PlainText(MAX_MEDIA_ALT).pipe(
  z.string().min(1, 'Describe the image (alt text): what it shows, for people who cannot see it.'),
);

/**
 * The file name to show: the last path segment (some browsers send `C:\fakepath\…`), control characters and anything
 * but letters, digits, dot, dash and underscore turned into dashes, at most 120 characters. Only ever displayed:
 * the stored key is the id, so nothing here reaches a path.
 */
export function cleanFilename(raw: string, ext: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_FILENAME);
  return cleaned || `image.${ext}`;
}

/** What an accepted upload is: its type, extension and content type as read from the bytes. */
export interface MediaFile {
  type: ImageType;
  ext: string;
  contentType: string;
  bytes: number;
}

/** Checks an upload's bytes: 422 INVALID_IMAGE (with the field) for a non-image or an oversize file. */
export function checkMediaFile(bytes: Uint8Array): Result<MediaFile> {
  if (bytes.byteLength === 0) {
    return fail('VALIDATION_FAILED', 'Choose an image file to upload.', {
      errors: [{ path: 'file', message: 'Choose an image file.' }],
    });
  }
  if (bytes.byteLength > MAX_MEDIA_BYTES) {
    return fail('INVALID_IMAGE', `Images are limited to ${MAX_MEDIA_BYTES / 1024 / 1024} MB.`, {
      errors: [{ path: 'file', message: `The file is larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB.` }],
    });
  }
  const type = sniffImageType(bytes);
  if (!type) {
    return fail('INVALID_IMAGE', 'The file is not a JPEG, PNG, WebP, AVIF or GIF image.', {
      errors: [{ path: 'file', message: 'Not a JPEG, PNG, WebP, AVIF or GIF image.' }],
    });
  }
  return ok({ type, ...IMAGE_TYPES[type], bytes: bytes.byteLength });
}

/** The R2 key of a library image: the id alone names it, so a key never carries a client's file name. */
export const mediaKeyOf = (id: string, ext: string) => `library/${id}.${ext}`;

/** The public URL of a library image (served by worker/media). */
export const mediaUrlOf = (key: string) => `/media/${key}`;

/** `/media/library/<med_id>.<ext>` exactly: what the media route serves and what counts as a library URL. */
export const MEDIA_URL = /^\/media\/library\/med_[0-9A-HJKMNP-TV-Z]{26}\.(jpg|png|webp|avif|gif)$/;

/** Whether `url` names a library image (an editor's image field may hold any own-origin path). */
export const isMediaUrl = (url: string) => MEDIA_URL.test(url);
