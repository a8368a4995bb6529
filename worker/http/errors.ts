/** app.onError and app.notFound: every failure leaves the Worker as problem+json; unknown faults are logged, not leaked. */
import type { Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './app-env';
import { ProblemError, problem } from './problem';

/** Maps thrown errors to problems. */
export function renderError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ProblemError) {
    return problem(c, error.code, error.detail, error.extra);
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own validators: malformed JSON, unreadable bodies.
    return problem(c, error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_REQUEST', error.message);
  }
  console.error(
    JSON.stringify({
      level: 'error',
      requestId: c.get('requestId'),
      path: c.req.path,
      error: String(error.stack),
    }),
  );
  return problem(
    c,
    'INTERNAL_ERROR',
    `Something went wrong on our side. Quote request id ${c.get('requestId')}.`,
  );
}

const patternOf = (path: string) =>
  new RegExp(
    `^${path
      .replace(/[.+?^$()[\]\\]/g, '\\$&')
      .replace(/\/:[^/]+/g, '/[^/]+')
      .replace(/\*/g, '.*')}$`,
  );

/**
 * An API endpoint's route: under /api/ and without a wildcard. Middleware (`app.use`, method ALL) and catch-alls
 * (`/api/*`, the pages' `*` for GET/HEAD/POST) match every path, so counting them made every unknown path a 405.
 */
const isApiEndpoint = (r: { method: string; path: string }) =>
  r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*');

/** 405 (with Allow) when the path exists under another method, else 404. */
export function apiNotFound(app: Hono<AppEnv>) {
  return (c: Context<AppEnv>) => {
    const allowed = new Set(
      app.routes.filter((r) => isApiEndpoint(r) && patternOf(r.path).test(c.req.path)).map((r) => r.method),
    );
    if (allowed.size > 0) {
      if (allowed.has('GET')) allowed.add('HEAD');
      return problem(c, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}.`, {
        headers: { Allow: [...allowed].join(', ') },
      });
    }
    return problem(c, 'ROUTE_NOT_FOUND', `No API endpoint at ${c.req.method} ${c.req.path}.`);
  };
}
