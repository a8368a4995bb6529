/** API request bodies: JSON only (415 otherwise) and at most MAX_BODY_BYTES (413), except on the upload routes. */

import { MAX_IMAGE_BYTES } from '@domain/catalog/image-type';
import { MAX_MEDIA_BYTES } from '@domain/content/media';
import { isWriteMethod } from '@worker/http/methods';
import { ProblemError } from '@worker/http/problem';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';

export const MAX_BODY_BYTES = 64 * 1024;

/** Room for a multipart envelope around an upload's file (boundaries and the form's other fields). */
const ENVELOPE_BYTES = 64 * 1024;

/** The routes that take an upload instead of JSON: which media types and how many bytes. */
const UPLOADS: { method: string; path: RegExp; types: RegExp; label: string; maxBytes: number }[] = [
  {
    // The CSV import takes a 20 MB file.
    method: 'POST',
    path: /^\/api\/admin\/products\/import$/,
    types: /^(text\/csv|multipart\/form-data)$/i,
    label: 'text/csv or multipart/form-data',
    maxBytes: 20 * 1024 * 1024 + ENVELOPE_BYTES,
  },
  {
    method: 'POST',
    path: /^\/api\/admin\/products\/[^/]+\/images$/,
    types: /^multipart\/form-data$/i,
    label: 'multipart/form-data',
    maxBytes: MAX_IMAGE_BYTES + ENVELOPE_BYTES,
  },
  {
    // The media library's upload: the same image cap (domain/content/media.ts MAX_MEDIA_BYTES).
    method: 'POST',
    path: /^\/api\/admin\/media$/,
    types: /^multipart\/form-data$/i,
    label: 'multipart/form-data',
    maxBytes: MAX_MEDIA_BYTES + ENVELOPE_BYTES,
  },
];

const uploadOf = (method: string, path: string) =>
  UPLOADS.find((u) => u.method === method && u.path.test(path));

/** Whether `method path` is an upload route (multipart or CSV, not JSON). */
export const isUploadRoute = (method: string, path: string) => uploadOf(method, path) !== undefined;

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

const hasBody = (req: Request) => req.body !== null && (req.headers.get('content-length') ?? '') !== '0';

/** The Content-Type's media type, without parameters; '' when there is none. */
const mediaTypeOf = (req: Request) => (req.headers.get('Content-Type') ?? '').split(';')[0]!.trim();

/** Whether the request declares a JSON body (application/json or application/*+json). */
export const isJsonRequest = (req: Request) => JSON_MEDIA_TYPE.test(mediaTypeOf(req));

/** Rejects bodies of another type than the route takes: JSON everywhere but the upload routes. */
export const requireJsonBody = createMiddleware(async (c, next) => {
  if (isWriteMethod(c.req.method) && hasBody(c.req.raw)) {
    const upload = uploadOf(c.req.method, c.req.path);
    if (upload) {
      if (!upload.types.test(mediaTypeOf(c.req.raw))) {
        throw new ProblemError('UNSUPPORTED_MEDIA_TYPE', `Send the body as ${upload.label}.`);
      }
    } else if (!isJsonRequest(c.req.raw)) {
      throw new ProblemError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Send the body as application/json (got ${mediaTypeOf(c.req.raw) || 'no Content-Type'}).`,
      );
    }
  }
  await next();
});

const limiter = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ProblemError('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${maxSize} bytes.`);
    },
  });
const jsonLimit = limiter(MAX_BODY_BYTES);
const uploadLimits = new Map(UPLOADS.map((u) => [u, limiter(u.maxBytes)]));

/** Caps the body size (an upload route's own cap on its route), counting streamed bodies too. */
export const limitBody = createMiddleware(async (c, next) => {
  const upload = uploadOf(c.req.method, c.req.path);
  return (upload ? uploadLimits.get(upload)! : jsonLimit)(c, next);
});
