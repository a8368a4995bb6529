/**
 * CSRF defence for the API: a state-changing request must come from this shop's own pages (or from a client that
 * is not a browser at all). Browsers say where a request comes from in `Sec-Fetch-Site` and `Origin`, and a page
 * on another site cannot forge either; session cookies are also SameSite=Lax. Anything cross-site is a 403 problem,
 * whatever it carries. Page forms have Qwik City's own origin check (kept on).
 */
import type { AppEnv } from '@worker/http/app-env';
import { isWriteMethod } from '@worker/http/methods';
import { ProblemError } from '@worker/http/problem';
import { createMiddleware } from 'hono/factory';

/** `Sec-Fetch-Site` values of a request this origin's own pages made, or the user typed. */
const OWN_SITES = new Set(['same-origin', 'none']);

export const sameOriginWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (isWriteMethod(c.req.method)) {
    const site = c.req.header('Sec-Fetch-Site');
    const origin = c.req.header('Origin');
    if ((site && !OWN_SITES.has(site)) || (origin && origin !== new URL(c.req.url).origin)) {
      throw new ProblemError('FORBIDDEN', 'Cross-site requests may not change anything here.');
    }
  }
  await next();
});
