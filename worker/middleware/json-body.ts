/** API request bodies: JSON only (415 otherwise) and at most MAX_BODY_BYTES (413). */

import { MAX_IMAGE_BYTES } from '@domain/catalog/image-type';
import { isWriteMethod } from '@worker/http/methods';
import { ProblemError } from '@worker/http/problem';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';

export const MAX_BODY_BYTES = 64 * 1024;

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

const hasBody = (req: Request) => req.body !== null && (req.headers.get('content-length') ?? '') !== '0';

/** The Content-Type's media type, without parameters; '' when there is none. */
const mediaTypeOf = (req: Request) => (req.headers.get('Content-Type') ?? '').split(';')[0]!.trim();

/** Whether the request declares a JSON body (application/json or application/*+json). */
export const isJsonRequest = (req: Request) => JSON_MEDIA_TYPE.test(mediaTypeOf(req));

/** Room for a MAX_IMAGE_BYTES file plus the form's other fields and boundaries. */
export const MAX_UPLOAD_BODY_BYTES = MAX_IMAGE_BYTES + 64 * 1024;

/** Routes that take a file as multipart/form-data (and only those): product image uploads. */
const UPLOAD_ROUTES = [{ method: 'POST', path: /^\/api\/admin\/products\/[^/]+\/images$/ }];

/** A multipart request to an upload route: it skips the JSON rule and gets MAX_UPLOAD_BODY_BYTES. */
export const isUploadRequest = (req: Request) =>
  /^multipart\/form-data$/i.test(mediaTypeOf(req)) &&
  UPLOAD_ROUTES.some((r) => r.method === req.method && r.path.test(new URL(req.url).pathname));

/** Rejects non-JSON bodies on methods that carry one (multipart only on upload routes). */
export const requireJsonBody = createMiddleware(async (c, next) => {
  if (isWriteMethod(c.req.method) && hasBody(c.req.raw) && !isUploadRequest(c.req.raw)) {
    if (!isJsonRequest(c.req.raw)) {
      throw new ProblemError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Send the body as application/json (got ${mediaTypeOf(c.req.raw) || 'no Content-Type'}).`,
      );
    }
  }
  await next();
});

const jsonLimit = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ProblemError('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  },
});

const uploadLimit = bodyLimit({
  maxSize: MAX_UPLOAD_BODY_BYTES,
  onError: () => {
    throw new ProblemError('PAYLOAD_TOO_LARGE', `Images are limited to ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  },
});

/** Caps the body size, counting streamed bodies too (uploads get room for one image). */
export const limitBody = createMiddleware((c, next) =>
  isUploadRequest(c.req.raw) ? uploadLimit(c, next) : jsonLimit(c, next),
);
