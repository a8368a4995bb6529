/** Password hashing inside workerd (nodejs_compat's native scrypt), at the cost used for real accounts. */
import { hashPassword, needsRehash, SCRYPT_COST, verifyPassword } from '@domain/identity/password';
import { describe, expect, it } from 'vitest';

describe('scrypt in the Worker runtime', () => {
  it('hashes and verifies at N=2^14, r=8, p=5, with and without a pepper', async () => {
    const pepper = { id: 'k1', secret: 'from a Worker secret' };
    const plain = await hashPassword('correct horse battery', { cost: SCRYPT_COST });
    const peppered = await hashPassword('correct horse battery', { cost: SCRYPT_COST, pepper });
    expect(await verifyPassword('correct horse battery', plain)).toBe(true);
    expect(await verifyPassword('correct horse battery', peppered, { peppers: [pepper] })).toBe(true);
    expect(await verifyPassword('correct horse batterY', peppered, { peppers: [pepper] })).toBe(false);
    expect(needsRehash(plain, { pepper })).toBe(true);
    expect(needsRehash(peppered, { pepper })).toBe(false);
  });
});
