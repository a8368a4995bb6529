/** Per-client rate limit on state-changing API calls, through the Workers Rate Limiting binding when bound. */
import { createMiddleware } from 'hono/factory';
import type { Env } from '../env';
import { ProblemError } from '../http/problem';

/** The client key: Cloudflare's connecting IP, else a shared local key. */
const clientKey = (req: Request) => req.headers.get('CF-Connecting-IP') ?? 'local';

export const rateLimit = createMiddleware<{ Bindings: Env }>(async (c, next) => {
  const limiter = c.env.RATE_LIMITER;
  if (limiter && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const { success } = await limiter.limit({ key: `${c.req.method}:${clientKey(c.req.raw)}` });
    if (!success) {
      throw new ProblemError('RATE_LIMITED', 'Too many requests from this client; try again in a minute.', {
        headers: { 'Retry-After': '60' },
      });
    }
  }
  await next();
});
