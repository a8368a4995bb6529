/** The default backend of the limiter: the Workers Rate Limiting bindings declared in wrangler.toml. */

import type { Limiter, LimitTable, RateLimitBindings } from './limiter';

/**
 * A Limiter over one binding per limit, keyed `<name>:<key>`. The binding says only yes or no, never when its
 * window ends, so a refusal asks the client to wait a whole period. A limit whose binding is absent allows
 * everything (scripts and tests that run without wrangler.toml).
 */
export function createBindingLimiter(bindings: RateLimitBindings, limits: LimitTable): Limiter {
  return {
    async limit(name, key) {
      const { binding, periodSeconds } = limits[name];
      const limiter = bindings[binding];
      if (!limiter) return { ok: true, retryAfterSeconds: 0 };
      const { success } = await limiter.limit({ key: `${name}:${key}` });
      return success ? { ok: true, retryAfterSeconds: 0 } : { ok: false, retryAfterSeconds: periodSeconds };
    },
  };
}
