/** Funnel steps seen by the pages' loaders and actions, recorded like the API's (worker/services/analytics). */
import type { RequestEventBase } from '@builder.io/qwik-city';
import { recordFunnelStep } from '@worker/services/analytics/collect';

type Event = Pick<RequestEventBase<QwikCityPlatform>, 'platform' | 'request'>;

/** Records one funnel step for this page request, after the response (one call at the hook point). */
export function recordPageStep(event: Event, step: Parameters<typeof recordFunnelStep>[1]): void {
  const { env, ctx } = event.platform;
  if (!ctx) return; // no execution context (an in-process render): nothing can run after the response
  recordFunnelStep({ env, request: event.request, waitUntil: (p) => ctx.waitUntil(p) }, step);
}
