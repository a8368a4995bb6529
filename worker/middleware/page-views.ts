/**
 * Counts storefront page views (worker/services/analytics). Mounted before the edge cache, so a page served from the
 * cache is counted like a rendered one; it only looks at the finished response and hands the rest to waitUntil. The
 * edge cache's own background re-renders pass through here too, and carry no user agent: never counted.
 */
import type { AppEnv } from '@worker/http/app-env';
import {
  recordFunnelStep,
  recordOrderPlaced,
  recordPageView,
  type TrafficSource,
} from '@worker/services/analytics/collect';
import type { Context, MiddlewareHandler } from 'hono';

/** The traffic source of a Hono request; null without an execution context (an in-process call). */
export function trafficSourceOf(c: Context<AppEnv>): TrafficSource | null {
  let ctx: ExecutionContext;
  try {
    ctx = c.executionCtx as ExecutionContext;
  } catch {
    return null;
  }
  return { env: c.env, request: c.req.raw, waitUntil: (p) => ctx.waitUntil(p) };
}

/** Hono middleware: after the response is built, record it if it is a storefront page view. */
export const pageViews: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const source = trafficSourceOf(c);
  if (source) recordPageView(source, c.res);
};

/** Records a funnel step an API route just completed (one call in the handler, after its success). */
export function recordStep(c: Context<AppEnv>, step: Parameters<typeof recordFunnelStep>[1]): void {
  const source = trafficSourceOf(c);
  if (source) recordFunnelStep(source, step);
}

/** Records that the shopper was just told checkout `checkoutId` is an order (counted once per checkout). */
export function recordOrderStep(c: Context<AppEnv>, checkoutId: string): void {
  const source = trafficSourceOf(c);
  if (source) recordOrderPlaced(source, checkoutId);
}
