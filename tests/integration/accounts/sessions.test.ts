/**
 * Sessions: stored hashed, rotated at login and on a password change, idle and absolute expiry, "log out
 * everywhere", separate customer and staff sessions, a disabled staff member's old session, the guest cart joining
 * the account's cart at login, and Idempotency-Keys scoped by the signed-in principal.
 */
import { env } from 'cloudflare:test';
import { createDb } from '@db/client';
import { customers, sessions, staffUsers } from '@db/schema';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { hashSecretToken } from '@domain/identity/secret-token';
import { SESSION_POLICY } from '@domain/identity/session-policy';
import {
  api,
  cookiesFrom,
  createCustomer,
  createStaff,
  freshIp,
  loginCookie,
  TEST_PASSWORD,
} from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

let data: SeedData;
beforeAll(async () => {
  data = await seedSmallStore();
});

const call = api;
const tokenOf = (cookie: string) =>
  cookie
    .split(';')
    .map((p) => p.trim())
    .find((p) => p.startsWith('session='))!
    .slice(8);

describe('session storage and rotation', () => {
  it('keeps only a hash of the token', async () => {
    const cookie = await loginCookie('customer', await createCustomer());
    const token = tokenOf(cookie);
    const rows = await createDb(env)
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, hashSecretToken(token)));
    expect(rows).toHaveLength(1);
    const raw = await env.DB.prepare('SELECT count(*) AS n FROM sessions WHERE token_hash = ?')
      .bind(token)
      .first<{ n: number }>();
    expect(raw?.n).toBe(0);
  });

  it('a login replaces the session this browser had (a planted session id is worthless)', async () => {
    const c = await createCustomer();
    const first = await loginCookie('customer', c);
    const res = await call('/api/account/login', {
      cookie: first,
      body: { email: c.email, password: c.password },
    });
    expect(res.status).toBe(200);
    const second = cookiesFrom(res);
    expect(tokenOf(second)).not.toBe(tokenOf(first));
    expect((await call('/api/account', { cookie: first })).status).toBe(401);
    expect((await call('/api/account', { cookie: second })).status).toBe(200);
  });

  it('a password change ends the other sessions and gives this browser a new one', async () => {
    const c = await createCustomer();
    const here = await loginCookie('customer', c);
    const elsewhere = await loginCookie('customer', c);
    const res = await call('/api/account/password', {
      cookie: here,
      body: { currentPassword: c.password, newPassword: 'a-whole-new-one' },
    });
    expect(res.status).toBe(204);
    const renewed = cookiesFrom(res);
    expect(tokenOf(renewed)).not.toBe(tokenOf(here));
    expect((await call('/api/account', { cookie: here })).status).toBe(401);
    expect((await call('/api/account', { cookie: elsewhere })).status).toBe(401);
    expect((await call('/api/account', { cookie: renewed })).status).toBe(200);
  });

  it('log out ends this session and clears the cookie and cached pages; log out everywhere ends them all', async () => {
    const c = await createCustomer();
    const a = await loginCookie('customer', c);
    const b = await loginCookie('customer', c);
    const out = await call('/api/account/logout', { method: 'POST', cookie: a });
    expect(out.status).toBe(204);
    expect(out.headers.get('Clear-Site-Data')).toBe('"cache"');
    expect(out.headers.getSetCookie().some((v) => /^session=;/.test(v) && /Max-Age=0/.test(v))).toBe(true);
    expect((await call('/api/account', { cookie: a })).status).toBe(401);
    expect((await call('/api/account', { cookie: b })).status).toBe(200);
    const c2 = await loginCookie('customer', c);
    expect((await call('/api/account/logout-everywhere', { method: 'POST', cookie: c2 })).status).toBe(204);
    expect((await call('/api/account', { cookie: b })).status).toBe(401);
  });
});

describe('expiry', () => {
  it('an idle session ends; a used one moves its idle limit forward, but never past the absolute limit', async () => {
    const db = createDb(env);
    const cookie = await loginCookie('customer', await createCustomer());
    const hash = hashSecretToken(tokenOf(cookie));
    const policy = SESSION_POLICY.customer;
    const now = Date.now();

    // Last seen 10 minutes ago: this request touches it, and its end moves to now + idle.
    await db
      .update(sessions)
      .set({ lastSeenAt: now - 600_000, expiresAt: now + 60_000 })
      .where(eq(sessions.tokenHash, hash));
    expect((await call('/api/account', { cookie })).status).toBe(200);
    const [touched] = await db.select().from(sessions).where(eq(sessions.tokenHash, hash));
    expect(touched!.expiresAt).toBeGreaterThan(now + policy.idleMs - 60_000);

    // Created long ago: touching cannot pass created + absolute.
    const createdAt = now - policy.absoluteMs + 60_000;
    await db
      .update(sessions)
      .set({ createdAt, lastSeenAt: now - 600_000 })
      .where(eq(sessions.tokenHash, hash));
    expect((await call('/api/account', { cookie })).status).toBe(200);
    const [capped] = await db.select().from(sessions).where(eq(sessions.tokenHash, hash));
    expect(capped!.expiresAt).toBe(createdAt + policy.absoluteMs);

    await db
      .update(sessions)
      .set({ expiresAt: Date.now() - 1 })
      .where(eq(sessions.tokenHash, hash));
    expect((await call('/api/account', { cookie })).status).toBe(401);
  });

  it('staff sessions are much shorter than customer sessions', () => {
    expect(SESSION_POLICY.staff.idleMs).toBeLessThan(SESSION_POLICY.customer.idleMs / 10);
    expect(SESSION_POLICY.staff.absoluteMs).toBeLessThan(SESSION_POLICY.customer.absoluteMs / 10);
  });
});

describe('customer and staff sessions are separate', () => {
  it('a customer session opens no staff route, and a staff session no customer route', async () => {
    const customer = await loginCookie('customer', await createCustomer());
    const staff = await loginCookie('staff', await createStaff(['admin']));
    expect((await call('/api/admin/customers', { cookie: customer })).status).toBe(401);
    expect((await call('/api/staff/me', { cookie: customer })).status).toBe(401);
    expect((await call('/api/account', { cookie: staff })).status).toBe(401);
    expect((await call('/api/admin/customers', { cookie: staff })).status).toBe(200);
  });

  it('a disabled staff member’s session stops at once, and they cannot log in again', async () => {
    const s = await createStaff(['admin']);
    const cookie = await loginCookie('staff', s);
    expect((await call('/api/staff/me', { cookie })).status).toBe(200);
    await createDb(env).update(staffUsers).set({ disabledAt: Date.now() }).where(eq(staffUsers.id, s.id));
    expect((await call('/api/staff/me', { cookie })).status).toBe(401);
    expect((await call('/api/admin/customers', { cookie })).status).toBe(401);
    const again = await call('/api/staff/login', { body: { email: s.email, password: s.password } });
    expect(again.status).toBe(401);
  });

  it('a deleted customer’s session stops, and the address can sign up again', async () => {
    const c = await createCustomer();
    const cookie = await loginCookie('customer', c);
    expect(
      (await call('/api/account', { method: 'DELETE', cookie, body: { password: 'wrong-password' } })).status,
    ).toBe(401);
    expect(
      (await call('/api/account', { method: 'DELETE', cookie, body: { password: c.password } })).status,
    ).toBe(204);
    expect((await call('/api/account', { cookie })).status).toBe(401);
    const [row] = await createDb(env).select().from(customers).where(eq(customers.id, c.id));
    expect(row).toMatchObject({ name: 'Deleted customer', birthYear: null });
    expect(row!.email).not.toContain(c.email);
    expect(row!.deletedAt).not.toBeNull();
    expect(
      (await call('/api/account/login', { body: { email: c.email, password: c.password } })).status,
    ).toBe(401);
    const again = await call('/api/account/register', {
      body: { email: c.email, password: TEST_PASSWORD, name: 'Back' },
    });
    expect(again.status).toBe(202);
  });
});

describe('the guest cart at login', () => {
  it('joins the account’s cart: lines summed, guest-only lines added, nothing lost or doubled, within stock', async () => {
    const [a, b] = data.inventory.filter((l) => l.onHand >= 10).map((l) => l.sku);
    const scarce = data.inventory.find((l) => l.onHand > 0 && l.onHand < 5)!;
    const c = await createCustomer();

    // The account's cart: 1 × a (made while logged in on another device).
    const accountCookie = await loginCookie('customer', c);
    const accountCart = newId('cart');
    expect((await call(`/api/carts/${accountCart}/items`, { body: { sku: a, quantity: 1 } })).status).toBe(
      200,
    );
    // The login adopts that cart for the account (no guest cart on that device).
    const adopt = await call('/api/account/login', {
      cookie: `${accountCookie}; cart_id=${accountCart}`,
      body: { email: c.email, password: c.password },
    });
    expect(adopt.status).toBe(200);

    // A guest on another device: 2 × a, 1 × b, all of the scarce SKU.
    const guestCart = newId('cart');
    for (const [sku, quantity] of [
      [a, 2],
      [b, 1],
      [scarce.sku, scarce.onHand],
    ] as const) {
      expect((await call(`/api/carts/${guestCart}/items`, { body: { sku, quantity } })).status).toBe(200);
    }
    const res = await call('/api/account/login', {
      cookie: `cart_id=${guestCart}`,
      body: { email: c.email, password: c.password },
    });
    expect(res.status).toBe(200);
    const cartCookie = res.headers.getSetCookie().find((v) => v.startsWith('cart_id='))!;
    expect(cartCookie).toContain(accountCart);

    const cart = (await (await call(`/api/carts/${accountCart}`)).json()) as {
      lines: { sku: string; quantity: number }[];
    };
    const qty = Object.fromEntries(cart.lines.map((l) => [l.sku, l.quantity]));
    expect(qty[a!]).toBe(3);
    expect(qty[b!]).toBe(1);
    expect(qty[scarce.sku]).toBe(scarce.onHand);
    const guest = (await (await call(`/api/carts/${guestCart}`)).json()) as { lines: unknown[] };
    expect(guest.lines).toEqual([]);

    // Logging in again with the old guest cookie adds nothing twice.
    await call('/api/account/login', {
      cookie: `cart_id=${guestCart}`,
      body: { email: c.email, password: c.password },
    });
    const again = (await (await call(`/api/carts/${accountCart}`)).json()) as {
      lines: { sku: string; quantity: number }[];
    };
    expect(Object.fromEntries(again.lines.map((l) => [l.sku, l.quantity]))).toEqual(qty);
  });
});

describe('Idempotency-Keys are scoped by the signed-in principal', () => {
  it('one key from two accounts on one address never replays the other’s answer', async () => {
    const ip = freshIp();
    const key = `same-key-${crypto.randomUUID()}`;
    const one = await loginCookie('customer', await createCustomer());
    const two = await loginCookie('customer', await createCustomer());
    const patch = (cookie: string, name: string) =>
      call('/api/account', {
        method: 'PATCH',
        cookie,
        body: { name },
        headers: { 'Idempotency-Key': key, 'CF-Connecting-IP': ip },
      });
    const a = await patch(one, 'First Person');
    const b = await patch(two, 'Second Person');
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.headers.get('Idempotent-Replayed')).toBeNull();
    expect(((await b.json()) as { name: string }).name).toBe('Second Person');
    const replay = await patch(one, 'First Person');
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
  });
});

describe('export my data', () => {
  it('gives the profile, addresses and orders with lines as a JSON download, never the password hash', async () => {
    const c = await createCustomer();
    const cookie = await loginCookie('customer', c);
    const address = {
      name: 'Jo',
      line1: '1 Main St',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    };
    expect((await call('/api/account/addresses', { cookie, body: { address } })).status).toBe(201);
    const res = await call('/api/account/export', { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toContain('attachment');
    expect(res.headers.get('Cache-Control')).toContain('no-store');
    const text = await res.text();
    expect(text).not.toContain('scrypt$');
    const body = JSON.parse(text) as {
      profile: { email: string };
      addresses: { line1: string }[];
      orderLines: unknown[];
    };
    expect(body.profile.email).toBe(c.email);
    expect(body.addresses.map((a) => a.line1)).toEqual(['1 Main St']);
    expect(body.orderLines).toEqual([]);
  });
});

describe('the cart at logout', () => {
  it('a cart started while signed in stays with the account and comes back at the next login', async () => {
    const c = await createCustomer();
    const cookie = await loginCookie('customer', c);
    const sku = data.inventory.find((l) => l.onHand >= 3)!.sku;
    const cartId = newId('cart');
    expect((await call(`/api/carts/${cartId}/items`, { body: { sku, quantity: 2 } })).status).toBe(200);
    const out = await call('/api/account/logout', { method: 'POST', cookie: `${cookie}; cart_id=${cartId}` });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().some((v) => /^cart_id=;/.test(v))).toBe(true);

    const back = await call('/api/account/login', { body: { email: c.email, password: c.password } });
    expect(back.headers.getSetCookie().find((v) => v.startsWith('cart_id='))).toContain(cartId);
  });
});
