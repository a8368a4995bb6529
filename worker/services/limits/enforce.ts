/** Several limits checked together, as one 429: what the login, registration, reset and invitation routes call. */

import { ProblemError } from '@worker/http/problem';
import type { Limiter, LimitName } from './limiter';

/**
 * Counts every check, then throws a RATE_LIMITED problem (429, Retry-After: the longest wait among the refused
 * checks) if any was refused. All checks are counted even when the first already fails, so an attacker cannot
 * spread attempts between keys (many accounts from one address, one account from many) and have only one of them
 * counted. E.g. `enforceLimits(limiter, [['login-address', clientKey(req)], ['login-account', email]])`.
 */
export async function enforceLimits(
  limiter: Limiter,
  checks: ReadonlyArray<[LimitName, string]>,
): Promise<void> {
  const results = await Promise.all(checks.map(([name, key]) => limiter.limit(name, key)));
  const refused = results.filter((r) => !r.ok);
  if (refused.length === 0) return;
  const retryAfter = Math.max(1, ...refused.map((r) => Math.ceil(r.retryAfterSeconds)));
  throw new ProblemError('RATE_LIMITED', `Too many attempts; try again in ${retryAfter} seconds.`, {
    headers: { 'Retry-After': String(retryAfter) },
  });
}
