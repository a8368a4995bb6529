/** Rate limits for page forms, the same budgets the API uses (worker/services/limits): seconds to wait, or null. */
import type { RequestEventBase } from '@builder.io/qwik-city';
import { clientKey } from '@worker/middleware/rate-limit';
import { accountLimitKey, createLimiter, type LimitName, refusedFor } from '@worker/services/limits';

export function pageLimit(
  event: Pick<RequestEventBase<QwikCityPlatform>, 'request' | 'platform'>,
  address: LimitName,
  account?: [LimitName, string],
): Promise<number | null> {
  const checks: [LimitName, string][] = [[address, clientKey(event.request)]];
  if (account) checks.push([account[0], accountLimitKey(account[1])]);
  return refusedFor(createLimiter(event.platform.env), checks);
}
