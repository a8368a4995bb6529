/** Per-client rate limit on state-changing calls (API and page forms), through the Workers Rate Limiting binding. */

import type { Env } from '@worker/env';
import { ProblemError } from '@worker/http/problem';
import { createMiddleware } from 'hono/factory';

/** Seconds a refused client is told to wait (the binding's period). */
export const RETRY_AFTER_SECONDS = 60;

/** The client key: Cloudflare's connecting IP, else a shared local key. */
const clientKey = (req: Request) => req.headers.get('CF-Connecting-IP') ?? 'local';

/**
 * Whether this request may go ahead. Reads are never limited; writes share one budget per client across the API
 * and the pages' form posts, so a no-JS add to cart cannot go around the API's limit. Without the binding: allowed.
 */
export async function withinRateLimit(env: Env, req: Request): Promise<boolean> {
  const limiter = env.RATE_LIMITER;
  if (!limiter || req.method === 'GET' || req.method === 'HEAD') return true;
  const { success } = await limiter.limit({ key: `${req.method}:${clientKey(req)}` });
  return success;
}

/** The API's limiter: a 429 problem with Retry-After. */
export const rateLimit = createMiddleware<{ Bindings: Env }>(async (c, next) => {
  if (!(await withinRateLimit(c.env, c.req.raw))) {
    throw new ProblemError('RATE_LIMITED', 'Too many requests from this client; try again in a minute.', {
      headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    });
  }
  await next();
});
