/** Funnel steps seen by the pages' loaders and actions, recorded like the API's (worker/services/analytics). */
import type { RequestEventBase } from '@builder.io/qwik-city';
import { recordFunnelStep, recordOrderPlaced, type TrafficSource } from '@worker/services/analytics/collect';

type Event = Pick<RequestEventBase<QwikCityPlatform>, 'platform' | 'request'>;

/** The traffic source of a page request; null without an execution context (an in-process render). */
function sourceOf(event: Event): TrafficSource | null {
  const { env, ctx } = event.platform;
  // Without a context nothing can run after the response.
  return ctx ? { env, request: event.request, waitUntil: (p) => ctx.waitUntil(p) } : null;
}

/** Records one funnel step for this page request, after the response (one call at the hook point). */
export function recordPageStep(event: Event, step: Parameters<typeof recordFunnelStep>[1]): void {
  const source = sourceOf(event);
  if (source) recordFunnelStep(source, step);
}

/** Records that this page told the shopper checkout `checkoutId` is an order (counted once per checkout). */
export function recordPageOrder(event: Event, checkoutId: string): void {
  const source = sourceOf(event);
  if (source) recordOrderPlaced(source, checkoutId);
}
