/** Page views and funnel steps at the edge: what is sent to the TRAFFIC queue, after the response, and what is not. */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import type { TrafficEvent } from '@domain/analytics/traffic-event';
import { seedSmallStore } from '@tests/support/workerd';
import { createApp } from '@worker/app';
import type { Env } from '@worker/env';
import { PUBLIC_PAGE_HEADER } from '@worker/http/edge-cache-policy';
import { consumeTraffic } from '@worker/jobs/traffic-consumer';
import { LIMITS } from '@worker/services/limits';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchOf, traffic } from './traffic-support';

const BROWSER =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

let slug = '';
beforeAll(async () => {
  slug = (await seedSmallStore()).products.find((p) => p.status === 'active')!.slug;
});

/** Stands in for Qwik City: public HTML for /p/<seeded slug> and /, a page for /admin/…, 404 for anything else. */
async function renderPage(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const found = pathname === '/' || pathname === `/p/${slug}` || pathname.startsWith('/admin');
  const headers = new Headers({
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'private, no-cache',
  });
  if (!pathname.startsWith('/admin')) headers.set(PUBLIC_PAGE_HEADER, '1');
  return new Response('<!doctype html><p>page</p>', { status: found ? 200 : 404, headers });
}

/** A shop whose TRAFFIC queue records what it is sent (the consumer is then run on exactly that). */
function shop() {
  const sent: TrafficEvent[] = [];
  const traffic = { send: async (body: TrafficEvent) => void sent.push(body) } as unknown as Queue;
  const shopEnv = { ...env, TRAFFIC: traffic } as Env;
  const app = createApp(renderPage, { build: crypto.randomUUID() });
  const ip = `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const get = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
    const ctx = createExecutionContext();
    const res = await app.request(
      path,
      { method, headers: { 'User-Agent': BROWSER, 'CF-Connecting-IP': ip, ...headers } },
      shopEnv,
      ctx,
    );
    await res.arrayBuffer();
    await waitOnExecutionContext(ctx);
    return res;
  };
  return { get, sent, ip };
}

describe('traffic collection', () => {
  it('sends a page view after the response, without personal data, and it becomes rollups', async () => {
    const { get, sent, ip } = shop();
    const res = await get(`/p/${slug}?utm_source=Newsletter&utm_campaign=Spring`, {
      Referer: 'https://www.google.com/search?q=secret+private',
    });
    expect(res.status).toBe(200);
    expect(sent).toHaveLength(1);
    const [view] = sent as [TrafficEvent];
    expect(view).toMatchObject({
      kind: 'page_view',
      path: `/p/${slug}`,
      referrer: 'google.com',
      utmSource: 'newsletter',
      utmCampaign: 'spring',
      device: 'mobile',
      browser: 'safari',
    });
    expect(view.visitor).toMatch(/^[0-9a-f]{32}$/);
    const text = JSON.stringify(view);
    for (const secret of [ip, 'iPhone', 'secret', 'private']) expect(text).not.toContain(secret);

    // The second view is an edge cache hit: counted all the same, by the same visitor.
    const hit = await get(`/p/${slug}`);
    expect(hit.headers.get('X-Cache')).toBe('HIT');
    expect(sent).toHaveLength(2);
    expect(sent[1]?.visitor).toBe(view.visitor);

    await consumeTraffic(batchOf(sent), env, Date.now());
    const day = new Date(view.at).toISOString().slice(0, 10); // no report zone set: UTC
    const page = await traffic(day, 'page', `/p/${slug}`);
    expect(page.views).toBeGreaterThanOrEqual(2);
    expect(await traffic(day, 'utm_campaign', 'spring')).toMatchObject({ views: expect.any(Number) });
  });

  it('records nothing for bots, prefetches, HEAD, missing pages and the back office', async () => {
    const { get, sent } = shop();
    await get('/', {
      'User-Agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    });
    await get('/', { 'User-Agent': '' });
    await get('/', { 'Sec-Purpose': 'prefetch' });
    await get('/', { 'Sec-Fetch-Dest': 'empty' }); // a script's or the service worker's fetch, not a page shown
    await get('/', {}, 'HEAD');
    expect((await get('/p/no-such-product')).status).toBe(404);
    await get('/admin/orders');
    await get('/api/health');
    expect(sent).toEqual([]);
    await get('/', { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Mode': 'navigate' });
    expect(sent).toHaveLength(1);
  });

  it('stops sending for one client past its per-minute allowance (the flood never reaches the queue)', async () => {
    const { get, sent } = shop();
    const allowance = LIMITS['traffic-visitor'].limit;
    for (let i = 0; i < allowance + 15; i++) await get('/');
    expect(sent).toHaveLength(allowance);
    // Someone else is still counted.
    const other = shop();
    await other.get('/');
    expect(other.sent).toHaveLength(1);
  });

  it('sends funnel steps from the API when they succeed', async () => {
    const sent: TrafficEvent[] = [];
    const sku = await stockedSku();
    const app = createApp(renderPage, { build: 'funnel' });
    const shopEnv = {
      ...env,
      TRAFFIC: { send: async (b: TrafficEvent) => void sent.push(b) },
    } as unknown as Env;
    const post = async (path: string, body: unknown) => {
      const ctx = createExecutionContext();
      const res = await app.request(
        path,
        {
          method: 'POST',
          headers: {
            'User-Agent': BROWSER,
            'Content-Type': 'application/json',
            'CF-Connecting-IP': '192.0.2.77',
          },
          body: JSON.stringify(body),
        },
        shopEnv,
        ctx,
      );
      await res.arrayBuffer();
      await waitOnExecutionContext(ctx);
      return res;
    };
    const cartId = `cart_01JD${'0'.repeat(21)}${Math.floor(Math.random() * 10)}`;
    expect((await post(`/api/carts/${cartId}/items`, { sku, quantity: 1 })).status).toBe(200);
    expect((await post(`/api/carts/${cartId}/items`, { sku: 'NOPE-NOPE', quantity: 1 })).status).not.toBe(
      200,
    );
    expect((await post('/api/checkouts', { cartId })).status).toBe(200);
    expect(sent.map((e) => e.kind)).toEqual(['add_to_cart', 'checkout_started']);
    expect(sent.every((e) => e.path === null)).toBe(true);
  });
});

/** A SKU of the seeded store with stock to add. */
async function stockedSku(): Promise<string> {
  const { createDb } = await import('@db/client');
  const { sql } = await import('drizzle-orm');
  const [row] = await createDb(env).all<{ sku: string }>(
    sql`SELECT sku FROM inventory_levels WHERE on_hand >= 5 ORDER BY sku LIMIT 1`,
  );
  return row!.sku;
}
