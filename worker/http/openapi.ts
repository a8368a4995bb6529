/** Factory for API sub-apps: zod-validated routes whose failures become 400 problems, collected into one OpenAPI 3.1 document. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { fieldErrors, ProblemError } from './problem';

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
