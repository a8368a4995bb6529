import { describe, expect, it } from 'vitest';
import { EmailSchema, LoginInputSchema, RegisterInputSchema } from './account-input';

describe('account input', () => {
  it('normalises emails and refuses what cannot be an address', () => {
    expect(EmailSchema.parse('  Ann@Example.COM ')).toBe('ann@example.com');
    for (const bad of [
      '',
      'ann',
      'ann@',
      '@example.com',
      `${'a'.repeat(250)}@example.com`,
      'a b@example.com',
    ]) {
      expect(EmailSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('registration: 8–256 characters, not the email, a known country, nothing else', () => {
    const ok = { email: 'ann@example.com', password: 'long-enough', name: 'Ann', country: 'GB' };
    expect(RegisterInputSchema.parse(ok)).toEqual(ok);
    const errors = (input: unknown) =>
      RegisterInputSchema.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(errors({ ...ok, password: 'short' })).toEqual(['password']);
    expect(errors({ ...ok, password: '        x' })).toEqual(['password']);
    expect(errors({ ...ok, password: 'p'.repeat(257) })).toEqual(['password']);
    expect(errors({ ...ok, password: 'ANN@example.com' })).toEqual(['password']);
    expect(errors({ ...ok, country: 'XX' })).toEqual(['country']);
    expect(errors({ ...ok, admin: true })).toEqual(['']);
  });

  it('login accepts any non-empty strings up to the caps (the password check decides)', () => {
    expect(LoginInputSchema.safeParse({ email: 'not an email', password: 'x' }).success).toBe(true);
    expect(LoginInputSchema.safeParse({ email: 'a@b.c', password: '' }).success).toBe(false);
    expect(LoginInputSchema.safeParse({ email: 'a@b.c', password: 'x'.repeat(257) }).success).toBe(false);
  });
});
