/** The default limiter on the real Workers Rate Limiting bindings from wrangler.toml: each trips at its LIMITS number. */
import { env } from 'cloudflare:test';
import { startEarlyInWindow } from '@tests/support/limits';
import { createLimiter, LIMITS, type LimitName } from '@worker/services/limits';
import { beforeEach, describe, expect, it } from 'vitest';

/** A key no other test uses. */
const freshKey = () => `limits-test-${crypto.randomUUID()}`;

beforeEach(() => startEarlyInWindow(60));

describe('the Workers Rate Limiting backend', () => {
  it('every limit allows exactly its number in LIMITS, then asks for a whole period (wrangler.toml agrees)', async () => {
    const limiter = createLimiter(env);
    for (const [name, { limit, periodSeconds, binding }] of Object.entries(LIMITS) as [
      LimitName,
      (typeof LIMITS)[LimitName],
    ][]) {
      expect(env[binding], `${binding} is bound`).toBeDefined();
      const key = freshKey();
      for (let i = 0; i < limit; i++) {
        expect((await limiter.limit(name, key)).ok, `${name}: attempt ${i + 1} of ${limit}`).toBe(true);
      }
      expect(await limiter.limit(name, key), `${name}: attempt ${limit + 1}`).toEqual({
        ok: false,
        retryAfterSeconds: periodSeconds,
      });
    }
  }, 60_000);

  it('counts two keys apart: one client over its registration limit does not stop another', async () => {
    const limiter = createLimiter(env);
    const [spent, other] = [freshKey(), freshKey()];
    for (let i = 0; i < LIMITS['register-address'].limit; i++) await limiter.limit('register-address', spent);
    expect((await limiter.limit('register-address', spent)).ok).toBe(false);
    expect((await limiter.limit('register-address', other)).ok).toBe(true);
  });

  it("keys the binding `<name>:<key>`, so a limit's count is its own even where bindings are shared", async () => {
    const key = freshKey();
    for (let i = 0; i < LIMITS['register-address'].limit; i++) {
      await env.REGISTER_ADDRESS_LIMITER.limit({ key: `register-address:${key}` });
    }
    expect((await createLimiter(env).limit('register-address', key)).ok).toBe(false);
  });
});
