/** Several limits checked together: what the login, registration, reset and invitation routes and pages call. */

import { ProblemError } from '@worker/http/problem';
import type { Limiter, LimitName } from './limiter';

/**
 * Counts every check and returns the longest wait among the refused ones (seconds, at least 1), or null when all
 * passed. All checks are counted even when the first already fails, so an attacker cannot spread attempts between
 * keys (many accounts from one address, one account from many) and have only one of them counted.
 */
export async function refusedFor(
  limiter: Limiter,
  checks: ReadonlyArray<[LimitName, string]>,
): Promise<number | null> {
  const results = await Promise.all(checks.map(([name, key]) => limiter.limit(name, key)));
  const refused = results.filter((r) => !r.ok);
  if (refused.length === 0) return null;
  return Math.max(1, ...refused.map((r) => Math.ceil(r.retryAfterSeconds)));
}

/**
 * `refusedFor` as a RATE_LIMITED problem (429, Retry-After) for the API, e.g.
 * `enforceLimits(limiter, [['login-address', clientKey(req)], ['login-account', accountKey(email)]])`.
 */
export async function enforceLimits(
  limiter: Limiter,
  checks: ReadonlyArray<[LimitName, string]>,
): Promise<void> {
  const retryAfter = await refusedFor(limiter, checks);
  if (retryAfter === null) return;
  throw new ProblemError('RATE_LIMITED', `Too many attempts; try again in ${retryAfter} seconds.`, {
    headers: { 'Retry-After': String(retryAfter) },
  });
}
