/**
 * Deny by default, proven by walking the app: every registered /api/admin/* and /api/warehouse/* route must name
 * exactly one permission, and for every caller (anonymous, a shopper, each role, a disabled administrator) the
 * answer must be 401 / 403 / allowed exactly as domain/identity/permissions says. A staff route added without a
 * rule fails here, and the guard itself refuses it (last test).
 */
import { env, SELF } from 'cloudflare:test';
import { createDb } from '@db/client';
import { staffUsers } from '@db/schema';
import { newId } from '@domain/core/ids';
import { can, type Permission } from '@domain/identity/permissions';
import type { StaffRole } from '@domain/identity/roles';
import { createCustomer, createStaff, freshIp, loginCookie } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { createApp } from '@worker/app';
import type { AppEnv } from '@worker/http/app-env';
import { renderError } from '@worker/http/errors';
import { isUploadRoute } from '@worker/middleware/json-body';
import { sessions } from '@worker/middleware/session';
import { permissionOf, staffOnly } from '@worker/middleware/staff-guard';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';

const STAFF_PREFIX = /^\/api\/(admin|warehouse)\//;

interface StaffRoute {
  method: string;
  path: string;
  permission: Permission | undefined;
  named: number;
}

/** Every staff endpoint of the real app, with the permissions its handlers name. */
function staffRoutes(): StaffRoute[] {
  const groups = new Map<string, StaffRoute>();
  for (const r of createApp().routes) {
    if (!STAFF_PREFIX.test(r.path) || r.method === 'ALL' || r.path.endsWith('*')) continue;
    const key = `${r.method} ${r.path}`;
    const group = groups.get(key) ?? { method: r.method, path: r.path, permission: undefined, named: 0 };
    const permission = permissionOf(r.handler);
    if (permission) {
      group.permission = permission;
      group.named += 1;
    }
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A concrete URL for a route pattern: well-formed ids of the right kind (they need not exist). */
function concrete(path: string): string {
  return path
    .replace(':customerId', newId('customer'))
    .replace(':staffId', newId('staff'))
    .replace(/:[A-Za-z]+/g, 'x');
}

type Caller = { name: string; cookie?: string; roles: StaffRole[]; expect?: 401 };
const callers: Caller[] = [];

beforeAll(async () => {
  await seedSmallStore();
  callers.push({ name: 'anonymous', roles: [], expect: 401 });
  callers.push({
    name: 'a shopper',
    cookie: await loginCookie('customer', await createCustomer()),
    roles: [],
    expect: 401,
  });
  for (const roles of [['admin'], ['content'], ['warehouse'], ['content', 'warehouse']] as StaffRole[][]) {
    callers.push({
      name: roles.join('+'),
      cookie: await loginCookie('staff', await createStaff(roles)),
      roles,
    });
  }
  const disabled = await createStaff(['admin']);
  const cookie = await loginCookie('staff', disabled);
  await createDb(env)
    .update(staffUsers)
    .set({ disabledAt: Date.now() })
    .where(eq(staffUsers.id, disabled.id));
  callers.push({ name: 'a disabled administrator', cookie, roles: [], expect: 401 });
});

describe('every staff route names one permission', () => {
  it('finds the staff routes, each with exactly one requirePermission', () => {
    const routes = staffRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(8);
    expect(routes.filter((r) => r.named !== 1).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
});

function multipartBody(): FormData {
  const form = new FormData();
  form.set('file', new File(['x'], 'x.bin', { type: 'application/octet-stream' }));
  return form;
}

describe('every caller gets exactly what the matrix allows', () => {
  it.each(staffRoutes().map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_name, route) => {
    for (const caller of callers) {
      const path = concrete(route.path);
      // Upload routes take multipart (for allowed callers a JSON body would be a 415, which proves nothing here).
      const upload = isUploadRoute(route.method, path);
      const headers: Record<string, string> = {
        'CF-Connecting-IP': freshIp(),
        ...(upload ? {} : { 'Content-Type': 'application/json' }),
      };
      if (caller.cookie) headers.Cookie = caller.cookie;
      const write = route.method !== 'GET';
      const res = await SELF.fetch(`http://shop.test${path}`, {
        method: route.method,
        headers,
        ...(write ? { body: upload ? multipartBody() : '{}' } : {}),
      });
      const expected = caller.expect ?? (can(caller.roles, route.permission!) ? 'allowed' : 403);
      const got = res.status === 401 || res.status === 403 ? res.status : 'allowed';
      expect(got, `${caller.name} → ${route.method} ${route.path} answered ${res.status}`).toBe(expected);
      expect(res.status, `${caller.name}: never a server error`).toBeLessThan(500);
    }
  });
});

describe('an anonymous caller', () => {
  it('gets 401 from every staff route whatever the body: the guard runs before the body checks', async () => {
    for (const route of staffRoutes().filter((r) => r.method !== 'GET')) {
      const res = await SELF.fetch(`http://shop.test${concrete(route.path)}`, {
        method: route.method,
        headers: { 'CF-Connecting-IP': freshIp(), 'Content-Type': 'text/plain' },
        body: 'x'.repeat(64),
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
    }
  });
});

describe('a staff route without a rule', () => {
  it('is refused to everyone, administrators included', async () => {
    const app = new Hono<AppEnv>()
      .use(async (c, next) => {
        c.set('db', createDb(env));
        await next();
      })
      .use(sessions)
      .use('/api/admin/*', staffOnly)
      .get('/api/admin/forgotten', (c) => c.text('secret'));
    app.onError(renderError);
    const cookie = callers.find((c) => c.name === 'admin')!.cookie!;
    const res = await app.request('/api/admin/forgotten', { headers: { Cookie: cookie } }, env);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('secret');
  });
});
