/** API request bodies: JSON only (415 otherwise) and at most MAX_BODY_BYTES (413). */

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

/** Rejects non-JSON bodies on methods that carry one. */
export const requireJsonBody = createMiddleware(async (c, next) => {
  if (isWriteMethod(c.req.method) && hasBody(c.req.raw)) {
    if (!isJsonRequest(c.req.raw)) {
      throw new ProblemError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Send the body as application/json (got ${mediaTypeOf(c.req.raw) || 'no Content-Type'}).`,
      );
    }
  }
  await next();
});

/** Caps the body size, counting streamed bodies too. */
export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ProblemError('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  },
});
