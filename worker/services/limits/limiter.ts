/** The one rate-limiter interface, the table of limits, and the choice of backend (Workers binding or Upstash). */

import { createUpstashLimiter } from './upstash';
import { createBindingLimiter } from './workers-binding';

/** Every budget the shop draws on. `-address` limits are keyed by client address, `-account` ones by account. */
export type LimitName =
  | 'write'
  | 'login-address'
  | 'login-account'
  | 'register-address'
  | 'reset-address'
  | 'reset-account'
  | 'verify-address'
  | 'verify-account'
  | 'invite-address'
  | 'review'
  | 'traffic-visitor';

/** One check's outcome; `retryAfterSeconds` (at least 1) is only meaningful when `ok` is false. */
export interface LimitResult {
  ok: boolean;
  retryAfterSeconds: number;
}

/** Counts one attempt against a budget and says whether it may go ahead. */
export interface Limiter {
  limit(name: LimitName, key: string): Promise<LimitResult>;
}

/** The Workers Rate Limiting bindings declared in wrangler.toml (every binding of type RateLimit). */
type RateLimitBindingName = {
  [K in keyof WorkerBindings]: WorkerBindings[K] extends RateLimit ? K : never;
}[keyof WorkerBindings];

/** The rate-limit bindings, optional: an environment without them (a script, a test) allows everything. */
export type RateLimitBindings = Partial<Pick<WorkerBindings, RateLimitBindingName>>;

/** A limit's size, window and the binding that counts it. */
export interface LimitPolicy {
  limit: number;
  periodSeconds: 10 | 60;
  binding: keyof RateLimitBindings;
}

/** Every limit's policy. */
export type LimitTable = Record<LimitName, LimitPolicy>;

/**
 * The limits, per key, in one place (wrangler.toml repeats each as a binding, whose limit and period are fixed
 * there; tests/integration/limits.test.ts checks every binding trips exactly here):
 *
 * | name             | limit / period | key            | why                                                       |
 * |------------------|----------------|----------------|-----------------------------------------------------------|
 * | write            | 120 / 60 s     | client address | every API write and page form post; a busy shopper's pace  |
 * | login-address    |  20 / 60 s     | client address | a household or office behind one address may share it     |
 * | login-account    |  10 / 60 s     | account        | guessing one password from many addresses                 |
 * | register-address |   5 / 60 s     | client address | sign-up spam                                              |
 * | reset-address    |   5 / 60 s     | client address | reset mails are sent on a stranger's say-so               |
 * | reset-account    |   3 / 60 s     | account        | one mailbox must not be flooded                           |
 * | verify-address   |  10 / 60 s     | client address | guessing verification codes                               |
 * | verify-account   |  10 / 60 s     | account        | the same, spread over addresses                           |
 * | invite-address   |  10 / 60 s     | client address | invitations send mail too                                 |
 * | review           |   5 / 60 s     | account, and   | review spam; counted once per account and once per address |
 * |                  |                | client address | (keys `account:…`, `address:…`)                            |
 * | traffic-visitor  |  60 / 60 s     | visitor hash   | traffic events sent to the queue; past it a flood is not   |
 * |                  |                |                | counted (worker/services/analytics)                        |
 *
 * Periods are 10 or 60 s because the binding supports no others.
 */
export const LIMITS: LimitTable = {
  write: { limit: 120, periodSeconds: 60, binding: 'RATE_LIMITER' },
  'login-address': { limit: 20, periodSeconds: 60, binding: 'LOGIN_ADDRESS_LIMITER' },
  'login-account': { limit: 10, periodSeconds: 60, binding: 'LOGIN_ACCOUNT_LIMITER' },
  'register-address': { limit: 5, periodSeconds: 60, binding: 'REGISTER_ADDRESS_LIMITER' },
  'reset-address': { limit: 5, periodSeconds: 60, binding: 'RESET_ADDRESS_LIMITER' },
  'reset-account': { limit: 3, periodSeconds: 60, binding: 'RESET_ACCOUNT_LIMITER' },
  'verify-address': { limit: 10, periodSeconds: 60, binding: 'VERIFY_ADDRESS_LIMITER' },
  'verify-account': { limit: 10, periodSeconds: 60, binding: 'VERIFY_ACCOUNT_LIMITER' },
  'invite-address': { limit: 10, periodSeconds: 60, binding: 'INVITE_ADDRESS_LIMITER' },
  review: { limit: 5, periodSeconds: 60, binding: 'REVIEW_LIMITER' },
  'traffic-visitor': { limit: 60, periodSeconds: 60, binding: 'TRAFFIC_LIMITER' },
};

/** What createLimiter reads (a subset of worker/env.ts Env). */
export type LimiterEnv = RateLimitBindings & {
  UPSTASH_REDIS_REST_URL?: string;
  UPSTASH_REDIS_REST_TOKEN?: string;
};

const ALLOW: LimitResult = { ok: true, retryAfterSeconds: 0 };

/**
 * A limiter whose faults let the request through, with a warning. Failing open is deliberate: a Redis outage (or
 * a bad token after a rotation) must not turn into a 429 for every shopper and every login; while it lasts the
 * shop is as unprotected as it was before limits existed, and the warnings say so.
 */
export function failOpen(limiter: Limiter, backend: string): Limiter {
  return {
    async limit(name, key) {
      try {
        return await limiter.limit(name, key);
      } catch (error) {
        console.warn(
          JSON.stringify({
            level: 'warn',
            event: 'rate-limit-unavailable',
            backend,
            limit: name,
            error: `${error}`,
          }),
        );
        return ALLOW;
      }
    },
  };
}

/**
 * The limiter for this environment: Upstash when both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN are set
 * (one count across every Cloudflare location), else the Workers Rate Limiting bindings (counted per location).
 * A limit whose binding is missing allows everything. Either backend fails open (see failOpen). Cheap: create one
 * per request (an Upstash client is never shared across requests).
 */
export function createLimiter(env: LimiterEnv): Limiter {
  const url = env.UPSTASH_REDIS_REST_URL?.trim();
  const token = env.UPSTASH_REDIS_REST_TOKEN?.trim();
  if (url && token) return failOpen(createUpstashLimiter({ url, token }, LIMITS), 'upstash');
  return failOpen(createBindingLimiter(env, LIMITS), 'workers-binding');
}
