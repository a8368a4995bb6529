/** The account services' context for a page's loader or action, built as the API's `accountContext` builds it. */
import type { RequestEventBase } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import type { AccountContext } from '@worker/services/identity/customer-accounts';
import { passwordConfig } from '@worker/services/identity/passwords';

export function pageAccountContext(
  event: Pick<RequestEventBase<QwikCityPlatform>, 'platform'>,
): AccountContext {
  const env = event.platform.env;
  return { db: createDb(env), passwords: passwordConfig(env), now: Date.now() };
}

/** The browser's User-Agent, kept with a new session so a shopper can tell their sessions apart. */
export function userAgentOf(event: Pick<RequestEventBase<QwikCityPlatform>, 'request'>): string | undefined {
  return event.request.headers.get('User-Agent') ?? undefined;
}
