/**
 * Accounts for workerd tests: customers and staff inserted straight into D1 (fast scrypt, verified), session
 * cookies obtained through the real login routes, and email tokens issued by the real service (tokens are stored
 * hashed, so a test cannot read one back from the database).
 */
import { env, SELF } from 'cloudflare:test';
import { createDb } from '@db/client';
import { insertCustomer } from '@db/repositories/customers';
import { listOutboxEmails } from '@db/repositories/email-outbox';
import { insertStaffStatements } from '@db/repositories/staff';
import { newId } from '@domain/core/ids';
import { hashPassword, TEST_SCRYPT_COST } from '@domain/identity/password';
import type { PrincipalKind } from '@domain/identity/principal';
import type { StaffRole } from '@domain/identity/roles';
import type { TokenPurpose } from '@domain/identity/tokens';
import { issueToken } from '@worker/services/identity/tokens';

export const TEST_PASSWORD = 'correct-horse-battery';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;
/**
 * A fresh client address in 10.0.0.0/8, so limits of one test never reach another. Test files run side by side and
 * may share the rate limiters, and each file counts from its own start: a random base per file keeps two files from
 * handing out the same addresses (before, both began at the same one, and a sign-up limit test failed under load).
 */
let ipCounter = crypto.getRandomValues(new Uint32Array(1))[0]! % (2 ** 24 - 2 ** 16);
export const freshIp = () => {
  const n = ++ipCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

export interface TestAccount {
  id: string;
  email: string;
  password: string;
}

/** A verified customer with TEST_PASSWORD. */
export async function createCustomer(
  overrides: { email?: string; verified?: boolean } = {},
): Promise<TestAccount> {
  const db = createDb(env);
  const id = newId('customer');
  const email = overrides.email ?? `shopper-${unique()}@example.com`;
  const now = Date.now();
  await insertCustomer(db, {
    id,
    email,
    passwordHash: await hashPassword(TEST_PASSWORD, { cost: TEST_SCRYPT_COST }),
    name: 'Test Shopper',
    country: 'US',
    createdAt: now,
    updatedAt: now,
    emailVerifiedAt: overrides.verified === false ? null : now,
  });
  return { id, email, password: TEST_PASSWORD };
}

/** An enabled staff member with `roles` and TEST_PASSWORD. */
export async function createStaff(roles: StaffRole[]): Promise<TestAccount> {
  const db = createDb(env);
  const id = newId('staff');
  const email = `staff-${unique()}@example.com`;
  const now = Date.now();
  await db.batch([
    ...insertStaffStatements(
      db,
      {
        id,
        email,
        name: `Staff ${roles.join('+') || 'none'}`,
        passwordHash: await hashPassword(TEST_PASSWORD, { cost: TEST_SCRYPT_COST }),
        createdAt: now,
        updatedAt: now,
      },
      roles,
    ),
  ]);
  return { id, email, password: TEST_PASSWORD };
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function cookiesFrom(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='))
    .join('; ');
}

/** Logs in through the API and returns the Cookie header of the new session. */
export async function loginCookie(
  kind: PrincipalKind,
  account: TestAccount,
  ip = freshIp(),
): Promise<string> {
  const path = kind === 'customer' ? '/api/account/login' : '/api/staff/login';
  const res = await SELF.fetch(`http://shop.test${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': ip },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return cookiesFrom(res);
}

/** Issues a token with the real service, as an email link would carry it. */
export function tokenFor(t: {
  purpose: TokenPurpose;
  kind: PrincipalKind;
  principalId: string | null;
  email: string;
  data?: unknown;
}): Promise<string> {
  return issueToken(createDb(env), { ...t, now: Date.now() });
}

/** The newest outbox message of `kind` to `to`, waiting briefly (emails are sent after the response). */
export async function waitForEmail(to: string, kind: string, timeoutMs = 3000) {
  const db = createDb(env);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await listOutboxEmails(db, { to })).find((m) => m.kind === kind);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${kind} email to ${to}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Every outbox message to `to`, after giving pending sends a moment. */
export async function emailsTo(to: string, settleMs = 150) {
  await new Promise((r) => setTimeout(r, settleMs));
  return listOutboxEmails(createDb(env), { to });
}

/** The token in an email's link. */
export function tokenIn(text: string): string {
  const token = /[?&]token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  if (!token) throw new Error(`no token link in: ${text.slice(0, 200)}`);
  return token;
}

/** One API request from a fresh client address: JSON `body` (POST unless `method`), an optional Cookie header. */
export function api(
  path: string,
  init: { method?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  return SELF.fetch(`http://shop.test${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      'CF-Connecting-IP': freshIp(),
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(init.cookie ? { Cookie: init.cookie } : {}),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}
