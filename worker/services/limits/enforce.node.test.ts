/** enforceLimits: every check counted, one 429 with the longest wait. */
import { ProblemError } from '@worker/http/problem';
import { describe, expect, it } from 'vitest';
import { enforceLimits } from './enforce';
import type { Limiter, LimitName, LimitResult } from './limiter';

/** A limiter that answers from a table and records what it was asked (our own interface, not a stand-in for a real part). */
function scripted(answers: Partial<Record<LimitName, LimitResult>>) {
  const calls: string[] = [];
  const limiter: Limiter = {
    async limit(name, key) {
      calls.push(`${name}:${key}`);
      return answers[name] ?? { ok: true, retryAfterSeconds: 0 };
    },
  };
  return { limiter, calls };
}

describe('enforceLimits', () => {
  it('passes when every check passes, having counted each', async () => {
    const { limiter, calls } = scripted({});
    await enforceLimits(limiter, [
      ['login-address', '192.0.2.1'],
      ['login-account', 'user_1'],
    ]);
    expect(calls).toEqual(['login-address:192.0.2.1', 'login-account:user_1']);
  });

  it('counts every check even when the first is refused, and answers with the longest wait', async () => {
    const { limiter, calls } = scripted({
      'verify-address': { ok: false, retryAfterSeconds: 7 },
      'verify-account': { ok: false, retryAfterSeconds: 42.2 },
    });
    const error = await enforceLimits(limiter, [
      ['verify-address', '192.0.2.1'],
      ['invite-address', '192.0.2.1'],
      ['verify-account', 'user_1'],
    ]).catch((e: unknown) => e);
    expect(calls).toEqual(['verify-address:192.0.2.1', 'invite-address:192.0.2.1', 'verify-account:user_1']);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', extra: { headers: { 'Retry-After': '43' } } });
  });

  it('never asks a client to come back in less than a second', async () => {
    const { limiter } = scripted({ 'register-address': { ok: false, retryAfterSeconds: 0 } });
    await expect(enforceLimits(limiter, [['register-address', 'a']])).rejects.toMatchObject({
      extra: { headers: { 'Retry-After': '1' } },
    });
  });
});
