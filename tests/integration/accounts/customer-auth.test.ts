/**
 * Customer sign-up, verification, login, reset and unlock through the real Worker, tried as an attacker would:
 * no answer (or its timing) tells whether an address has an account, tokens are single-use, expire and cannot be
 * used for another purpose, failed logins lock an address for a while (known or not) and the owner can unlock it.
 */
import { env, SELF } from 'cloudflare:test';
import { createDb } from '@db/client';
import { customers } from '@db/schema';
import { hashPassword, SCRYPT_COST } from '@domain/identity/password';
import { TOKEN_TTL_MS } from '@domain/identity/tokens';
import {
  cookiesFrom,
  createCustomer,
  emailsTo,
  freshIp,
  TEST_PASSWORD,
  tokenIn,
  waitForEmail,
} from '@tests/support/accounts';
import { startEarlyInWindow } from '@tests/support/limits';
import { seedSmallStore } from '@tests/support/workerd';
import { issueToken } from '@worker/services/identity/tokens';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

function post(path: string, body: unknown, headers: Record<string, string> = {}, base = 'http://shop.test') {
  return SELF.fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': freshIp(), ...headers },
    body: JSON.stringify(body),
  });
}
const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  post('/api/account/login', { email, password }, headers);
const problem = async (res: Response) => {
  const { requestId: _, ...rest } = (await res.json()) as Record<string, unknown>;
  return rest;
};
const newEmail = () => `person-${crypto.randomUUID()}@example.com`;

beforeAll(async () => {
  await seedSmallStore();
});

describe('sign-up and verification', () => {
  it('register → verification email → verify → log in with a hardened session cookie', async () => {
    const email = newEmail();
    const reg = await post('/api/account/register', {
      email: email.toUpperCase(),
      password: TEST_PASSWORD,
      name: 'Ann',
    });
    expect(reg.status).toBe(202);
    const before = await login(email, TEST_PASSWORD);
    expect(before.status).toBe(403); // not verified yet
    expect(((await before.json()) as { code: string }).code).toBe('EMAIL_NOT_VERIFIED');

    const mail = await waitForEmail(email, 'verify-email');
    expect(mail.textBody).toContain('/account/verify?token=');
    expect((await post('/api/account/verify-email', { token: tokenIn(mail.textBody) })).status).toBe(204);

    const res = await login(email, TEST_PASSWORD, {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email, name: 'Ann', emailVerified: true });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    const me = await SELF.fetch('http://shop.test/api/account', { headers: { Cookie: cookiesFrom(res) } });
    expect(me.status).toBe(200);
  });

  it('over HTTPS the cookie is __Host- and Secure', async () => {
    const c = await createCustomer();
    const res = await post(
      '/api/account/login',
      { email: c.email, password: c.password },
      {},
      'https://shop.test',
    );
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((v) => v.startsWith('__Host-session='))!;
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('registering a taken address answers the same, and mails its owner instead', async () => {
    const owner = await createCustomer();
    const fresh = await post('/api/account/register', {
      email: newEmail(),
      password: TEST_PASSWORD,
      name: 'B',
    });
    const taken = await post('/api/account/register', {
      email: owner.email,
      password: TEST_PASSWORD,
      name: 'B',
    });
    expect(taken.status).toBe(fresh.status);
    expect(await problem(taken)).toEqual(await problem(fresh));
    await waitForEmail(owner.email, 'already-registered');
    const owned = await createDb(env).select().from(customers).where(eq(customers.email, owner.email));
    expect(owned).toHaveLength(1); // nothing overwritten
  });

  it('refuses bad input with 400 problems and writes nothing', async () => {
    const email = newEmail();
    for (const body of [
      { email, password: 'short', name: 'X' },
      { email, password: TEST_PASSWORD, name: '' },
      { email, password: TEST_PASSWORD, name: 'x'.repeat(101) },
      { email: `${'a'.repeat(250)}@example.com`, password: TEST_PASSWORD, name: 'X' },
      { email, password: 'p'.repeat(257), name: 'X' },
      { email, password: TEST_PASSWORD, name: 'X', country: 'XX' },
      { email, password: TEST_PASSWORD, name: 'X', role: 'admin' },
      { email, password: 12345678, name: 'X' },
    ]) {
      const res = await post('/api/account/register', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    }
    expect(await createDb(env).select().from(customers).where(eq(customers.email, email))).toHaveLength(0);
  });

  it('a verification token works once, and not for another purpose or after it expires', async () => {
    const c = await createCustomer({ verified: false });
    const db = createDb(env);
    const token = await issueToken(db, {
      purpose: 'verify-email',
      kind: 'customer',
      principalId: c.id,
      email: c.email,
      now: Date.now(),
    });
    expect(
      (await post('/api/account/password-reset/confirm', { token, password: 'new-password-123' })).status,
    ).toBe(400);
    expect((await post('/api/account/verify-email', { token })).status).toBe(204);
    const replay = await post('/api/account/verify-email', { token });
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { code: string }).code).toBe('INVALID_TOKEN');
    const old = await issueToken(db, {
      purpose: 'verify-email',
      kind: 'customer',
      principalId: c.id,
      email: c.email,
      now: Date.now() - TOKEN_TTL_MS['verify-email'] - 1000,
    });
    expect((await post('/api/account/verify-email', { token: old })).status).toBe(400);
  });
});

describe('login answers reveal nothing', () => {
  it('unknown email and wrong password give the same problem', async () => {
    const c = await createCustomer();
    const wrong = await login(c.email, 'not-the-password');
    const unknown = await login(newEmail(), 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await problem(wrong)).toEqual(await problem(unknown));
  });

  it('take about as long (a dummy hash is checked for unknown addresses)', async () => {
    // Real accounts hashed at the production cost, one per attempt (so no lock builds up).
    const db = createDb(env);
    const hash = await hashPassword(TEST_PASSWORD, { cost: SCRYPT_COST });
    const known: string[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await createCustomer();
      await db.update(customers).set({ passwordHash: hash }).where(eq(customers.id, c.id));
      known.push(c.email);
    }
    const time = async (email: string) => {
      const start = performance.now();
      const res = await login(email, 'wrong-password-0');
      expect(res.status).toBe(401);
      return performance.now() - start;
    };
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (const email of known) {
      knownTimes.push(await time(email));
      unknownTimes.push(await time(newEmail()));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknownTimes) / median(knownTimes);
    console.log(
      `login timing: known ${median(knownTimes).toFixed(1)} ms, unknown ${median(unknownTimes).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
    );
    expect(ratio).toBeGreaterThan(0.5); // without the dummy hash it is about 0.05
    expect(ratio).toBeLessThan(2);
  });

  it('password reset answers the same for unknown and known addresses, and mails only the owner', async () => {
    const c = await createCustomer();
    const stranger = newEmail();
    const a = await post('/api/account/password-reset', { email: c.email });
    const b = await post('/api/account/password-reset', { email: stranger });
    expect(a.status).toBe(202);
    expect(await problem(a)).toEqual(await problem(b));
    await waitForEmail(c.email, 'reset-password');
    expect(await emailsTo(stranger)).toHaveLength(0);
  });
});

describe('password reset', () => {
  it('sets the new password, ends every session, and the link is then spent', async () => {
    const c = await createCustomer();
    const session = cookiesFrom(await login(c.email, c.password));
    await post('/api/account/password-reset', { email: c.email });
    const token = tokenIn((await waitForEmail(c.email, 'reset-password')).textBody);
    expect(
      (await post('/api/account/password-reset/confirm', { token, password: 'brand-new-password' })).status,
    ).toBe(204);
    expect((await SELF.fetch('http://shop.test/api/account', { headers: { Cookie: session } })).status).toBe(
      401,
    );
    expect((await login(c.email, c.password)).status).toBe(401);
    expect((await login(c.email, 'brand-new-password')).status).toBe(200);
    expect(
      (await post('/api/account/password-reset/confirm', { token, password: 'another-password-x' })).status,
    ).toBe(400);
  });

  it('a newer link replaces the older one', async () => {
    const c = await createCustomer();
    const db = createDb(env);
    const first = await issueToken(db, {
      purpose: 'reset-password',
      kind: 'customer',
      principalId: c.id,
      email: c.email,
      now: Date.now(),
    });
    const second = await issueToken(db, {
      purpose: 'reset-password',
      kind: 'customer',
      principalId: c.id,
      email: c.email,
      now: Date.now(),
    });
    expect(
      (await post('/api/account/password-reset/confirm', { token: first, password: 'brand-new-password' }))
        .status,
    ).toBe(400);
    expect(
      (await post('/api/account/password-reset/confirm', { token: second, password: 'brand-new-password' }))
        .status,
    ).toBe(204);
  });
});

describe('credential stuffing', () => {
  it('locks an address after 5 failures in a row, known or not, without locking it out for good', async () => {
    const c = await createCustomer();
    const stranger = newEmail();
    for (let i = 0; i < 5; i++) {
      expect((await login(c.email, `guess-${i}-password`)).status).toBe(401);
      expect((await login(stranger, `guess-${i}-password`)).status).toBe(401);
    }
    const locked = await login(c.email, c.password);
    const lockedUnknown = await login(stranger, 'any-password-1');
    expect(locked.status).toBe(429);
    expect(lockedUnknown.status).toBe(429);
    expect(await problem(locked)).toEqual(await problem(lockedUnknown));
    const wait = Number(locked.headers.get('Retry-After'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);

    // The owner got an unlock link; the stranger's address got nothing.
    const token = tokenIn((await waitForEmail(c.email, 'account-unlock')).textBody);
    expect(await emailsTo(stranger)).toHaveLength(0);
    expect((await post('/api/account/unlock', { token })).status).toBe(204);
    expect((await login(c.email, c.password)).status).toBe(200);
    expect((await post('/api/account/unlock', { token })).status).toBe(400);
  });

  it('limits logins per account across many addresses (429 with Retry-After)', async () => {
    const c = await createCustomer();
    await startEarlyInWindow(60, 20_000);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(c.email, `spread-guess-${i}`)).status);
    expect(statuses).toContain(429);
  }, 90_000);

  it('limits sign-ups per address', async () => {
    const ip = freshIp();
    await startEarlyInWindow(60, 20_000);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const res = await post(
        '/api/account/register',
        { email: newEmail(), password: TEST_PASSWORD, name: 'S' },
        { 'CF-Connecting-IP': ip },
      );
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('Retry-After');
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  }, 90_000);
});

describe('cross-site requests', () => {
  it('are refused with a 403 problem, whatever they carry', async () => {
    const c = await createCustomer();
    const body = { email: c.email, password: c.password };
    const evil = await post('/api/account/login', body, { Origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('Content-Type')).toContain('application/problem+json');
    expect(evil.headers.getSetCookie()).toEqual([]);
    expect((await post('/api/account/login', body, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await post('/api/account/login', body, { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    const own = await post('/api/account/login', body, {
      Origin: 'http://shop.test',
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(own.status).toBe(200);
  });
});
