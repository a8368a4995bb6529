import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, PasswordSchema, PBKDF2_MAX_ITERATIONS, verifyPassword } from './password';

const fast = { iterations: 1000 };

describe('hashPassword', () => {
  it('produces the documented format with a random salt', async () => {
    const a = await hashPassword('correct horse', fast);
    const b = await hashPassword('correct horse', fast);
    expect(a).toMatch(/^pbkdf2_sha256\$1000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
  });

  it('defaults to the workerd ceiling of 100000 iterations', async () => {
    const h = await hashPassword('pw');
    expect(h.split('$')[1]).toBe(String(PBKDF2_MAX_ITERATIONS));
    expect(PBKDF2_MAX_ITERATIONS).toBe(100_000);
    expect(await verifyPassword('pw', h)).toBe(true);
  });

  it('rejects iteration counts workerd cannot verify', async () => {
    await expect(hashPassword('pw', { iterations: 100_001 })).rejects.toThrow(RangeError);
    await expect(hashPassword('pw', { iterations: 0 })).rejects.toThrow(RangeError);
    await expect(hashPassword('pw', { iterations: 1.5 })).rejects.toThrow(RangeError);
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

  it('handles the empty password consistently', async () => {
    const h = await hashPassword('', fast);
    expect(await verifyPassword('', h)).toBe(true);
    expect(await verifyPassword(' ', h)).toBe(false);
  });

  it('verifies a known vector (PBKDF2-SHA256, "password"/"salt", 1 iteration)', async () => {
    // Widely published PBKDF2-HMAC-SHA256 vector: P="password", S="salt", c=1, dkLen=32.
    const salt = btoa('salt');
    const hash = Buffer.from(
      '120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b',
      'hex',
    ).toString('base64');
    const stored = `pbkdf2_sha256$1$${salt}$${hash}`;
    expect(await verifyPassword('password', stored)).toBe(true);
    expect(await verifyPassword('passwore', stored)).toBe(false);
  });

  it('detects tampering with any part', async () => {
    const h = await hashPassword('pw', fast);
    const [p, it, salt, hash] = h.split('$') as [string, string, string, string];
    function flip(s: string) {
      return (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    }
    expect(await verifyPassword('pw', [p, '1001', salt, hash].join('$'))).toBe(false);
    expect(await verifyPassword('pw', [p, it, flip(salt), hash].join('$'))).toBe(false);
    expect(await verifyPassword('pw', [p, it, salt, flip(hash)].join('$'))).toBe(false);
  });

  it.each([
    '',
    'plaintext',
    'bcrypt$10$abc$def',
    'pbkdf2_sha256$abc$c2FsdA==$aGFzaA==',
    'pbkdf2_sha256$0$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==',
    'pbkdf2_sha256$01000$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==',
    'pbkdf2_sha256$200000$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==',
    'pbkdf2_sha256$1000$!!!$aGFzaGhhc2hoYXNoaGFzaA==',
    'pbkdf2_sha256$1000$$aGFzaGhhc2hoYXNoaGFzaA==',
    'pbkdf2_sha256$1000$c2FsdA==$aGFzaA==',
    'pbkdf2_sha256$1000$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==$extra',
  ])('treats malformed stored value %j as a mismatch', async (stored) => {
    expect(await verifyPassword('pw', stored)).toBe(false);
  });
});

describe('needsRehash / PasswordSchema', () => {
  it('flags weaker or malformed hashes', async () => {
    const weak = await hashPassword('pw', fast);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, 1000)).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
  });

  it('bounds new password length', () => {
    expect(PasswordSchema.safeParse('1234567').success).toBe(false);
    expect(PasswordSchema.safeParse('12345678').success).toBe(true);
    expect(PasswordSchema.safeParse('x'.repeat(257)).success).toBe(false);
  });
});
