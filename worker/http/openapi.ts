/** Factory for API sub-apps: zod-validated routes whose failures become 400 problems, collected into one OpenAPI 3.1 document. */
import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { fieldErrors, ProblemError, problemResponses } from './problem';

/** A new API module (`app.route('/api', module)`); validation failures throw a VALIDATION_FAILED problem. */
export function newApi() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = fieldErrors(result.error.issues);
        throw new ProblemError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
          errors,
        });
      }
    },
  });
}

/*
 * Responses the shared /api middleware and error handler (worker/app.ts) can give on any route, so every route
 * lists them beside its own; tests/integration/openapi-contract.test.ts calls every operation and fails on a
 * status, media type or body the document does not list.
 */

/** Any operation: 500 INTERNAL_ERROR for an unexpected fault. */
export const faultResponses = () => problemResponses(500);

/**
 * Any write (POST, PUT, PATCH, DELETE), whether or not it takes a body: 400 (malformed JSON, bad Idempotency-Key),
 * 409 (Idempotency-Key still in progress), 413 (body over 64 KiB), 415 (body not JSON), 422 (Idempotency-Key
 * reused for another request), 429 (write budget spent), 500.
 */
export function writeResponses() {
  const responses = problemResponses(400, 409, 413, 415, 422, 429, 500);
  return {
    ...responses,
    429: {
      ...responses[429]!,
      headers: { 'Retry-After': requiredHeader('Seconds to wait before the next write', 'integer') },
    },
  };
}

/** A response header the API always sends with that response. */
export function requiredHeader(description: string, type: 'string' | 'integer' = 'string') {
  return { description, required: true, schema: { type } };
}

/** A GET answered through the `etag()` middleware: If-None-Match with the current ETag gets an empty 304. */
export const notModifiedResponse = {
  304: { description: 'Not Modified: the If-None-Match ETag is still current (no body)' },
} as const;

/** The document's top-level description. */
export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Edgeshop API',
    version: '0.1.0',
    description:
      'Storefront and back-office API. Errors are RFC 9457 application/problem+json with a machine `code`. ' +
      'State-changing requests accept an `Idempotency-Key` header (16-128 characters, scoped to the caller); a replay returns the first response, or for cart writes the current cart, and never applies the change twice.',
  },
} as const;

/** A route's required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true as const,
});

/** A JSON response with `schema`. */
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
