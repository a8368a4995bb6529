import { describe, expect, it } from 'vitest';
import { FIRST_LOCK_MS, FREE_FAILURES, lockDurationMs, MAX_LOCK_MS } from './login-throttle';

describe('lockDurationMs', () => {
  it('allows FREE_FAILURES, then doubles from a minute, capped at 15 minutes', () => {
    expect(lockDurationMs(FREE_FAILURES - 1)).toBe(0);
    expect(lockDurationMs(FREE_FAILURES)).toBe(FIRST_LOCK_MS);
    expect(lockDurationMs(FREE_FAILURES + 1)).toBe(2 * FIRST_LOCK_MS);
    expect(lockDurationMs(FREE_FAILURES + 3)).toBe(8 * FIRST_LOCK_MS);
    expect(lockDurationMs(FREE_FAILURES + 50)).toBe(MAX_LOCK_MS);
    expect(MAX_LOCK_MS).toBe(15 * 60_000);
  });
});
