/** Unknown API paths are 404 even when the page catch-all (`*` for GET, HEAD, POST) is mounted, as in production. */
import { env } from 'cloudflare:test';
import { createApp } from '@worker/app';
import { describe, expect, it } from 'vitest';

// The production app mounts pages; a stand-in page handler is enough to register the `*` route.
const app = createApp(async () => new Response('page', { status: 200 }));
const ctx = {
  waitUntil: () => undefined,
  passThroughOnException: () => undefined,
} as unknown as ExecutionContext;

const call = (path: string, method = 'GET') =>
  app.request(
    `http://shop.test${path}`,
    { method, headers: { 'CF-Connecting-IP': '203.0.113.77' } },
    env,
    ctx,
  );

describe('API 404 and 405 with the pages mounted', () => {
  it.each(['GET', 'POST', 'DELETE'])(
    '%s /api/no-such-route is a 404 ROUTE_NOT_FOUND problem',
    async (method) => {
      const res = await call('/api/no-such-route', method);
      expect(res.status).toBe(404);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
      expect(res.headers.get('Allow')).toBeNull();
      expect(await res.json()).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
    },
  );

  it('a path that exists under other methods is a 405 with Allow', async () => {
    const res = await call('/api/products', 'DELETE');
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
    expect(await res.json()).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });

    const line = await call('/api/carts/cart_01JD0000000000000000000000/items/SKU-1', 'POST');
    expect(line.status).toBe(405);
    expect(line.headers.get('Allow')?.split(', ').sort()).toEqual(['DELETE', 'PUT']);
  });
});
