import { hashPassword, TEST_SCRYPT_COST } from '@domain/identity/password';
import { describe, expect, it } from 'vitest';
import { checkPassword, passwordConfig } from './passwords';

describe('passwordConfig', () => {
  it('reads `<id>:<secret>` peppers, current first, and refuses a malformed one', () => {
    expect(passwordConfig({})).toEqual({ pepper: undefined, peppers: [] });
    const config = passwordConfig({ PASSWORD_PEPPER: 'p2:new:secret', PASSWORD_PEPPER_PREVIOUS: 'p1:old' });
    expect(config.pepper).toEqual({ id: 'p2', secret: 'new:secret' });
    expect(config.peppers.map((p) => p.id)).toEqual(['p2', 'p1']);
    expect(() => passwordConfig({ PASSWORD_PEPPER: 'no-separator' })).toThrow(/PASSWORD_PEPPER/);
    expect(() => passwordConfig({ PASSWORD_PEPPER: 'id:' })).toThrow(/PASSWORD_PEPPER/);
  });
});

describe('checkPassword', () => {
  it('upgrades a cheaper hash or one under a retired pepper, and never passes a wrong password', async () => {
    const cheap = await hashPassword('right-password', { cost: TEST_SCRYPT_COST });
    const plain = passwordConfig({});
    const upgraded = await checkPassword(plain, 'right-password', cheap);
    expect(upgraded.ok).toBe(true);
    expect(upgraded.upgraded).toMatch(/^scrypt\$16384\$8\$5\$-\$/);
    expect(await checkPassword(plain, 'wrong-password', cheap)).toEqual({ ok: false });

    const rotated = passwordConfig({ PASSWORD_PEPPER: 'p2:new', PASSWORD_PEPPER_PREVIOUS: 'p1:old' });
    const underOld = await hashPassword('right-password', {
      cost: TEST_SCRYPT_COST,
      pepper: { id: 'p1', secret: 'old' },
    });
    const moved = await checkPassword(rotated, 'right-password', underOld);
    expect(moved.upgraded).toMatch(/^scrypt\$16384\$8\$5\$p2\$/);
    // Without the retired pepper configured, the old hash cannot verify at all.
    expect(
      (await checkPassword(passwordConfig({ PASSWORD_PEPPER: 'p2:new' }), 'right-password', underOld)).ok,
    ).toBe(false);
  });

  it('an unknown account (null) never succeeds', async () => {
    expect(await checkPassword(passwordConfig({}), 'anything', null)).toEqual({ ok: false });
  });
});
