import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  needsRehash,
  PasswordSchema,
  SCRYPT_COST,
  TEST_SCRYPT_COST,
  verifyPassword,
} from './password';

const fast = { cost: TEST_SCRYPT_COST };
const pepper = { id: 'p2026', secret: 'a server-side secret' };

describe('hashPassword', () => {
  it('produces the documented scrypt format with a random salt', async () => {
    const a = await hashPassword('correct horse', fast);
    const b = await hashPassword('correct horse', fast);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$-\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
  });

  it('defaults to the OWASP setting N=2^14, r=8, p=5', async () => {
    expect(SCRYPT_COST).toEqual({ N: 16_384, r: 8, p: 5 });
    const h = await hashPassword('pw');
    expect(h.split('$').slice(1, 4)).toEqual(['16384', '8', '5']);
    expect(await verifyPassword('pw', h)).toBe(true);
  });

  it('rejects costs a verification would refuse, and malformed pepper ids', async () => {
    await expect(hashPassword('pw', { cost: { N: 1000, r: 8, p: 1 } })).rejects.toThrow(RangeError);
    await expect(hashPassword('pw', { cost: { N: 2 ** 18, r: 8, p: 1 } })).rejects.toThrow(RangeError);
    await expect(hashPassword('pw', { cost: { N: 1024, r: 0, p: 1 } })).rejects.toThrow(RangeError);
    await expect(hashPassword('pw', { ...fast, pepper: { id: 'a$b', secret: 's' } })).rejects.toThrow(
      RangeError,
    );
  });
});

describe('verifyPassword', () => {
  it('accepts the right password and rejects others', async () => {
    const h = await hashPassword('s3cret pässword 🔑', fast);
    expect(await verifyPassword('s3cret pässword 🔑', h)).toBe(true);
    expect(await verifyPassword('s3cret pässword', h)).toBe(false);
    expect(await verifyPassword('S3cret pässword 🔑', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });

  it('verifies a peppered hash only while its pepper is configured', async () => {
    const h = await hashPassword('pw', { ...fast, pepper });
    expect(h.split('$')[4]).toBe('p2026');
    expect(await verifyPassword('pw', h, { peppers: [pepper] })).toBe(true);
    expect(await verifyPassword('pw', h)).toBe(false);
    expect(await verifyPassword('pw', h, { peppers: [{ id: 'p2026', secret: 'another secret' }] })).toBe(
      false,
    );
    expect(await verifyPassword('wrong', h, { peppers: [pepper] })).toBe(false);
  });

  it('verifies a known scrypt vector (RFC 7914: "password"/"NaCl", N=1024, r=8, p=16)', async () => {
    const hash = Buffer.from(
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
      'hex',
    ).toString('base64');
    const stored = `scrypt$1024$8$16$-$${btoa('NaCl')}$${hash}`;
    expect(await verifyPassword('password', stored)).toBe(true);
    expect(await verifyPassword('passwore', stored)).toBe(false);
  });

  it('still verifies PBKDF2-SHA256 hashes from before scrypt (published vector, 1 iteration)', async () => {
    const hash = Buffer.from(
      '120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b',
      'hex',
    ).toString('base64');
    const stored = `pbkdf2_sha256$1$${btoa('salt')}$${hash}`;
    expect(await verifyPassword('password', stored)).toBe(true);
    expect(await verifyPassword('passwore', stored)).toBe(false);
  });

  it('detects tampering with any part', async () => {
    const h = await hashPassword('pw', fast);
    const parts = h.split('$');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const with_ = (i: number, v: string) => parts.map((p, j) => (j === i ? v : p)).join('$');
    expect(await verifyPassword('pw', with_(1, '2048'))).toBe(false);
    expect(await verifyPassword('pw', with_(5, flip(parts[5]!)))).toBe(false);
    expect(await verifyPassword('pw', with_(6, flip(parts[6]!)))).toBe(false);
  });

  it.each([
    '',
    'plaintext',
    'bcrypt$10$abc$def',
    'scrypt$1024$8$1$-$c2FsdA==',
    'scrypt$1000$8$1$-$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==',
    'scrypt$262144$8$1$-$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==',
    'scrypt$01024$8$1$-$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==',
    'scrypt$1024$8$1$a$b$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==',
    'scrypt$1024$8$1$-$!!!$aGFzaGhhc2hoYXNoaGFzaA==',
    'scrypt$1024$8$1$-$c2FsdA==$aGFzaA==',
    'pbkdf2_sha256$abc$c2FsdA==$aGFzaA==',
    'pbkdf2_sha256$0$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==',
    'pbkdf2_sha256$200000$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==',
    'pbkdf2_sha256$1000$$aGFzaGhhc2hoYXNoaGFzaA==',
    'pbkdf2_sha256$1000$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==$extra',
  ])('treats malformed stored value %j as a mismatch', async (stored) => {
    expect(await verifyPassword('pw', stored)).toBe(false);
  });
});

describe('needsRehash / PasswordSchema', () => {
  it('flags older schemes, lower costs, another pepper and malformed values', async () => {
    const weak = await hashPassword('pw', fast);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, fast)).toBe(false);
    expect(needsRehash(weak, { ...fast, pepper })).toBe(true);
    const current = await hashPassword('pw', { ...fast, pepper });
    expect(needsRehash(current, { ...fast, pepper })).toBe(false);
    expect(needsRehash(`pbkdf2_sha256$100000$${btoa('salt')}$${'A'.repeat(43)}=`)).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });

  it('bounds new password length', () => {
    expect(PasswordSchema.safeParse('1234567').success).toBe(false);
    expect(PasswordSchema.safeParse('12345678').success).toBe(true);
    expect(PasswordSchema.safeParse('x'.repeat(257)).success).toBe(false);
  });
});
