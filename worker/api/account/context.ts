/** What the account routes share: the service context, the limiter keys, and turning results into responses. */

import type { DomainError } from '@domain/core/result';
import type { AppEnv } from '@worker/http/app-env';
import { ProblemError } from '@worker/http/problem';
import { clientKey } from '@worker/middleware/rate-limit';
import type { AccountContext } from '@worker/services/identity/customer-accounts';
import { passwordConfig } from '@worker/services/identity/passwords';
import { accountLimitKey, createLimiter, enforceLimits, type LimitName } from '@worker/services/limits';
import type { Context } from 'hono';

export function accountContext(c: Context<AppEnv>): AccountContext {
  return { db: c.var.db, passwords: passwordConfig(c.env), now: Date.now() };
}

/** Counts this request against a per-address and (when given) a per-account limit; 429 when either is spent. */
export async function limitAttempt(
  c: Context<AppEnv>,
  address: LimitName,
  account?: [LimitName, string],
): Promise<void> {
  const checks: [LimitName, string][] = [[address, clientKey(c.req.raw)]];
  if (account) checks.push([account[0], accountLimitKey(account[1])]);
  await enforceLimits(createLimiter(c.env), checks);
}

/** A domain failure as a problem; a login lock carries Retry-After. */
export function failure(error: DomainError): ProblemError {
  const wait = error.meta?.retryAfterSeconds;
  return new ProblemError(error.code, error.detail, {
    ...(error.meta ? { meta: error.meta } : {}),
    ...(typeof wait === 'number' ? { headers: { 'Retry-After': String(wait) } } : {}),
  });
}
