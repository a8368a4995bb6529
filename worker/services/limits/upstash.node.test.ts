/** The Upstash backend, the real SDK against a local stand-in for Upstash's REST API (tests/support/upstash-stand-in.ts). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  FIXED_WINDOW_LIMIT_SHA1,
  startUpstashStandIn,
  type UpstashStandIn,
} from '@tests/support/upstash-stand-in';
import { ProblemError } from '@worker/http/problem';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { enforceLimits } from './enforce';
import { createLimiter, LIMITS } from './limiter';
import { createUpstashLimiter } from './upstash';

let standIn: UpstashStandIn;
let clientCounter = 0;
/** A fresh client address per test, so tests never share a count. */
const newAddress = () => `198.51.100.${++clientCounter}`;
const upstashEnv = () => ({ UPSTASH_REDIS_REST_URL: standIn.url, UPSTASH_REDIS_REST_TOKEN: standIn.token });

/** 12:00:45 UTC: 15 s before the minute's window ends. */
const AT_45_SECONDS = Date.UTC(2026, 10, 1, 12, 0, 45);

beforeAll(async () => {
  standIn = await startUpstashStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => {
  // Only Date is faked: the SDK and the stand-in read one clock, while sockets and timers run for real.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(AT_45_SECONDS);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('requests the SDK builds', () => {
  it('posts EVALSHA of the fixed-window script with the bearer token; on NOSCRIPT, EVAL of the script; then EVALSHA', async () => {
    const fresh = await startUpstashStandIn('fresh-token'); // one that has never seen the script
    const limiter = createLimiter({
      UPSTASH_REDIS_REST_URL: `${fresh.url}/`,
      UPSTASH_REDIS_REST_TOKEN: 'fresh-token',
    });
    const address = newAddress();
    try {
      expect(await limiter.limit('register-address', address)).toEqual({ ok: true, retryAfterSeconds: 0 });
      expect(await limiter.limit('register-address', address)).toEqual({ ok: true, retryAfterSeconds: 0 });
    } finally {
      await fresh.close();
    }

    const sent = fresh.requests;
    const window = Math.floor(AT_45_SECONDS / 60_000);
    const key = `edgeshop:register-address:${address}:${window}`;
    // Auto-pipelining: commands go to /pipeline, one array per command.
    expect(sent.map((r) => r.path)).toEqual(['/pipeline', '/pipeline', '/pipeline']);
    for (const r of sent) {
      expect(r.authorization).toBe('Bearer fresh-token');
      expect(r.encoding).toBe('base64');
    }
    const [first, fallback, second] = sent.map((r) => r.commands);
    // The stand-in had never seen the script: EVALSHA fails with NOSCRIPT, the SDK sends the script itself once.
    expect(first).toEqual([['evalsha', FIXED_WINDOW_LIMIT_SHA1, 1, key, 5, 60_000, 1]]);
    expect(fallback?.[0]?.[0]).toBe('eval');
    expect(String(fallback?.[0]?.[1])).toContain('redis.call("INCRBY", key, incrementBy)');
    expect(fallback?.[0]?.slice(2)).toEqual([1, key, 5, 60_000, 1]);
    expect(second).toEqual([['evalsha', FIXED_WINDOW_LIMIT_SHA1, 1, key, 5, 60_000, 1]]);
    // The key holds the count and expires with the window (set on the first increment only).
    expect(fresh.keys()).toEqual([key]);
    expect(fresh.pttl(key)).toBe(60_000);
  });

  it("sends the several checks of one enforceLimits in one pipeline request, each with its limit's numbers", async () => {
    const limiter = createLimiter(upstashEnv());
    await limiter.limit('login-address', 'warm-up'); // the script is now cached by the stand-in
    const before = standIn.requests.length;
    await enforceLimits(limiter, [
      ['login-address', '203.0.113.9'],
      ['login-account', 'user_01'],
    ]);
    const sent = standIn.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.commands.map((c) => [c[3], c[4]])).toEqual([
      [expect.stringMatching(/^edgeshop:login-address:203\.0\.113\.9:\d+$/), LIMITS['login-address'].limit],
      [expect.stringMatching(/^edgeshop:login-account:user_01:\d+$/), LIMITS['login-account'].limit],
    ]);
  });
});

describe('counting', () => {
  it('allows the limit, refuses the next until the window ends, and says how long that is', async () => {
    const limiter = createLimiter(upstashEnv());
    const address = newAddress();
    const { limit } = LIMITS['register-address'];
    for (let i = 0; i < limit; i++) {
      expect((await limiter.limit('register-address', address)).ok).toBe(true);
    }
    expect(await limiter.limit('register-address', address)).toEqual({ ok: false, retryAfterSeconds: 15 });
    vi.setSystemTime(AT_45_SECONDS + 14_500);
    expect(await limiter.limit('register-address', address)).toEqual({ ok: false, retryAfterSeconds: 1 });
    vi.setSystemTime(AT_45_SECONDS + 15_000); // the next window
    expect(await limiter.limit('register-address', address)).toEqual({ ok: true, retryAfterSeconds: 0 });
  });

  it('counts each key and each limit on its own', async () => {
    const limiter = createLimiter(upstashEnv());
    const [one, two] = [newAddress(), newAddress()];
    for (let i = 0; i < LIMITS['reset-account'].limit; i++) await limiter.limit('reset-account', one);
    expect((await limiter.limit('reset-account', one)).ok).toBe(false);
    expect((await limiter.limit('reset-account', two)).ok).toBe(true);
    expect((await limiter.limit('reset-address', one)).ok).toBe(true);
  });

  it('a new limiter (the next request) sees the same count: it lives in Redis, not in the isolate', async () => {
    const address = newAddress();
    for (let i = 0; i < LIMITS['reset-account'].limit; i++) {
      await createLimiter(upstashEnv()).limit('reset-account', address);
    }
    expect((await createLimiter(upstashEnv()).limit('reset-account', address)).ok).toBe(false);
  });

  it('enforceLimits counts every check, so spreading attempts over addresses still trips the account', async () => {
    const limiter = createLimiter(upstashEnv());
    const account = `user_${newAddress()}`;
    for (let i = 0; i < LIMITS['reset-account'].limit; i++) {
      await enforceLimits(limiter, [
        ['reset-address', newAddress()],
        ['reset-account', account],
      ]);
    }
    const refused = await enforceLimits(limiter, [
      ['reset-address', newAddress()],
      ['reset-account', account],
    ]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', extra: { headers: { 'Retry-After': '15' } } });
  });
});

describe('when Upstash is not there: fail open, with a warning', () => {
  const expectWarned = (warn: { mock: { calls: unknown[][] } }) =>
    expect(String(warn.mock.calls[0]?.[0])).toContain('"event":"rate-limit-unavailable"');

  it('a wrong token: the stand-in answers 401, the adapter throws, createLimiter lets the request through', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const env = { UPSTASH_REDIS_REST_URL: standIn.url, UPSTASH_REDIS_REST_TOKEN: 'wrong' };
    const before = standIn.requests.length;
    await expect(
      createUpstashLimiter({ url: env.UPSTASH_REDIS_REST_URL, token: 'wrong' }, LIMITS).limit('write', 'a'),
    ).rejects.toThrow(/WRONGPASS/);
    expect(await createLimiter(env).limit('write', 'a')).toEqual({ ok: true, retryAfterSeconds: 0 });
    expect(standIn.requests.slice(before).every((r) => r.authorization === 'Bearer wrong')).toBe(true);
    expectWarned(warn);
  });

  it('an outage (503, not JSON)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    standIn.failWith(503);
    try {
      expect(await createLimiter(upstashEnv()).limit('login-account', 'user_01')).toEqual({
        ok: true,
        retryAfterSeconds: 0,
      });
    } finally {
      standIn.failWith(undefined);
    }
    expectWarned(warn);
  });

  it('nothing listening (a network error)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const env = { UPSTASH_REDIS_REST_URL: `http://127.0.0.1:${port}`, UPSTASH_REDIS_REST_TOKEN: 't' };
    expect(await createLimiter(env).limit('write', 'a')).toEqual({ ok: true, retryAfterSeconds: 0 });
    expectWarned(warn);
  });

  it('no answer within the timeout (the SDK would call that a success; the adapter calls it an outage)', async () => {
    const hanging = createServer(() => {}); // reads the request, never answers
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const { port } = hanging.address() as AddressInfo;
    try {
      const slow = createUpstashLimiter(
        { url: `http://127.0.0.1:${port}`, token: 't', timeoutMs: 100 },
        LIMITS,
      );
      await expect(slow.limit('write', 'a')).rejects.toThrow(/did not answer within 100 ms/);
    } finally {
      hanging.closeAllConnections();
      await new Promise((resolve) => hanging.close(resolve));
    }
  });
});

describe('which backend', () => {
  it('Upstash only when both URL and token are set; otherwise the bindings, and without those everything passes', async () => {
    const before = standIn.requests.length;
    for (const env of [
      { UPSTASH_REDIS_REST_URL: standIn.url },
      { UPSTASH_REDIS_REST_TOKEN: standIn.token },
      {},
    ]) {
      const limiter = createLimiter(env);
      for (let i = 0; i <= LIMITS['reset-account'].limit; i++) {
        expect(await limiter.limit('reset-account', 'same')).toEqual({ ok: true, retryAfterSeconds: 0 });
      }
    }
    expect(standIn.requests.length).toBe(before);
  });
});
