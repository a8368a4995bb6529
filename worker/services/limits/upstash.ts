/** The Upstash backend of the limiter: @upstash/ratelimit over Upstash Redis's REST API (fetch only). */

import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis/cloudflare';
import type { Limiter, LimitName, LimitTable } from './limiter';

/** Where the Redis REST endpoint is (UPSTASH_REDIS_REST_URL / UPSTASH_REDIS_REST_TOKEN). */
export interface UpstashConfig {
  url: string;
  token: string;
  /** How long a check may take before it is treated as an outage (and so let through). */
  timeoutMs?: number;
}

/** Every key this shop writes to Redis starts with this, so one database can serve several apps. */
export const UPSTASH_PREFIX = 'edgeshop';

/** A check that takes longer than this counts as an outage (the SDK's own default is 5 s). */
export const UPSTASH_TIMEOUT_MS = 2000;

/**
 * A Limiter counting in Upstash Redis, one Ratelimit per limit, created on first use. Keys are
 * `edgeshop:<name>:<key>:<window number>`.
 *
 * Fixed window, not sliding: its `reset` is exactly when the refused client may come back, so Retry-After tells the
 * truth (a sliding window's `reset` is only the end of the current bucket, after which the previous bucket still
 * weighs), and it counts the way the Workers binding does, so both backends behave alike. The price is the usual
 * one: a burst straddling a window boundary can reach twice the limit within a short time.
 *
 * The ephemeral cache is off: it would refuse a blocked key in this isolate without asking Redis, which only pays
 * off for a Ratelimit that lives across requests, and this one lives for one request (see createLimiter). Analytics
 * and telemetry are off: no extra writes, and no SDK headers sent to Upstash. Errors (network, 401, 5xx) throw, and
 * so does a timeout, which the SDK would otherwise report as a success; createLimiter's failOpen decides.
 */
export function createUpstashLimiter(config: UpstashConfig, limits: LimitTable): Limiter {
  // Auto-pipelining (the client's default) sends the checks made in one tick as one /pipeline request, so the
  // several checks of enforceLimits cost one round trip.
  const redis = new Redis({
    url: config.url,
    token: config.token,
    enableTelemetry: false,
    retry: { retries: 1, backoff: () => 50 },
  });
  const timeout = config.timeoutMs ?? UPSTASH_TIMEOUT_MS;
  const instances = new Map<LimitName, Ratelimit>();
  const instanceFor = (name: LimitName): Ratelimit => {
    let instance = instances.get(name);
    if (!instance) {
      const { limit, periodSeconds } = limits[name];
      instance = new Ratelimit({
        redis,
        limiter: Ratelimit.fixedWindow(limit, `${periodSeconds} s`),
        prefix: UPSTASH_PREFIX,
        analytics: false,
        ephemeralCache: false,
        enableTelemetry: false,
        timeout,
      });
      instances.set(name, instance);
    }
    return instance;
  };

  return {
    async limit(name, key) {
      const result = await instanceFor(name).limit(`${name}:${key}`);
      if (result.reason === 'timeout') throw new Error(`Upstash did not answer within ${timeout} ms`);
      if (result.success) return { ok: true, retryAfterSeconds: 0 };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((result.reset - Date.now()) / 1000)) };
    },
  };
}
