/** Rate limits through one interface: `createLimiter(env).limit(name, key)`, or `enforceLimits` for a route. */

export { enforceLimits, refusedFor } from './enforce';
export { accountLimitKey } from './keys';
export {
  createLimiter,
  LIMITS,
  type Limiter,
  type LimiterEnv,
  type LimitName,
  type LimitPolicy,
  type LimitResult,
  type LimitTable,
  type RateLimitBindings,
} from './limiter';
