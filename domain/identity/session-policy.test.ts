import { describe, expect, it } from 'vitest';
import { SESSION_POLICY, sessionExpiresAt } from './session-policy';

describe('sessionExpiresAt', () => {
  it('is the earlier of the idle and the absolute limit', () => {
    const { idleMs, absoluteMs } = SESSION_POLICY.staff;
    expect(sessionExpiresAt('staff', 0, 0)).toBe(idleMs);
    expect(sessionExpiresAt('staff', 0, absoluteMs)).toBe(absoluteMs);
    expect(sessionExpiresAt('customer', 1000, 5000)).toBe(5000 + SESSION_POLICY.customer.idleMs);
  });
});
