/**
 * Page views and funnel steps at the edge: what is sent to the TRAFFIC queue, after the response, and what is not;
 * an order confirmed after the shopper's return from the provider counts once.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { createDb } from '@db/client';
import { orderPlacedEventId, type TrafficEvent } from '@domain/analytics/traffic-event';
import { newId } from '@domain/core/ids';
import { seedSmallStore } from '@tests/support/workerd';
import { createApp } from '@worker/app';
import type { Env } from '@worker/env';
import { PUBLIC_PAGE_HEADER } from '@worker/http/edge-cache-policy';
import { consumeTraffic } from '@worker/jobs/traffic-consumer';
import { testGatewayOf } from '@worker/services/checkout/gateways';
import { LIMITS } from '@worker/services/limits';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS } from '../checkout/support';
import { batchOf, funnel, traffic } from './traffic-support';

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
    const { post, sent } = apiShop();
    const sku = await stockedSku();
    const cartId = `cart_01JD${'0'.repeat(21)}${Math.floor(Math.random() * 10)}`;
    expect((await post(`/api/carts/${cartId}/items`, { sku, quantity: 1 })).status).toBe(200);
    expect((await post(`/api/carts/${cartId}/items`, { sku: 'NOPE-NOPE', quantity: 1 })).status).not.toBe(
      200,
    );
    expect((await post('/api/checkouts', { cartId })).status).toBe(200);
    expect(sent.map((e) => e.kind)).toEqual(['add_to_cart', 'checkout_started']);
    expect(sent.every((e) => e.path === null)).toBe(true);
  });

  it('counts an order confirmed after the bank’s page once, however often the shopper is told', async () => {
    const { post, sent } = apiShop();
    const cartId = newId('cart');
    expect((await post(`/api/carts/${cartId}/items`, { sku: await stockedSku(), quantity: 1 })).status).toBe(
      200,
    );
    const checkoutId = ((await (await post('/api/checkouts', { cartId })).json()) as { id: string }).id;
    for (const [step, body] of [
      ['contact', { email: 'funnel@example.com' }],
      ['shipping-address', { address: ADDRESS }],
      ['shipping-method', { method: 'standard' }],
    ] as const) {
      expect((await post(`/api/checkouts/${checkoutId}/${step}`, body, 'PUT')).status).toBe(200);
    }
    const place = () =>
      post(
        `/api/checkouts/${checkoutId}/orders`,
        { provider: 'test', paymentToken: 'requires_action' },
        'POST',
        { 'Idempotency-Key': newId('request') },
      );
    const pending = await place();
    expect(pending.status).toBe(202);
    const { url } = (await pending.json()) as { url: string };
    const orderSteps = () => sent.filter((e) => e.kind === 'order_placed');
    expect(orderSteps()).toEqual([]);

    // The shopper approves at the bank's page (its webhook is not delivered here) and comes back.
    const gateway = testGatewayOf(env, createDb(env), () => undefined);
    if (!gateway.ok) throw new Error(gateway.error.detail);
    await gateway.value.authenticate(url.split('/').at(-1)!, true, Date.now());
    const back = await post(`/api/checkouts/${checkoutId}/payment-status`, {});
    expect(await back.json()).toMatchObject({ kind: 'order' });
    expect(orderSteps()).toHaveLength(1);

    // Told again: the status checked once more, the order placed again from a second tab.
    expect(await (await post(`/api/checkouts/${checkoutId}/payment-status`, {})).json()).toMatchObject({
      kind: 'order',
    });
    expect((await place()).status).toBe(201);
    expect(orderSteps()).toHaveLength(3);
    expect(new Set(orderSteps().map((e) => e.id))).toEqual(new Set([orderPlacedEventId(checkoutId)]));

    const day = new Date(orderSteps()[0]!.at).toISOString().slice(0, 10); // no report zone set: UTC
    const before = await funnel(day, 'order_placed');
    await consumeTraffic(batchOf(sent), env, Date.now());
    await consumeTraffic(batchOf(orderSteps()), env, Date.now()); // a later batch: seen ids are dropped too
    expect(await funnel(day, 'order_placed')).toEqual({
      visitors: before.visitors + 1,
      events: before.events + 1,
    });
  });
});

/** A shop API client from one browser whose TRAFFIC queue records what it is sent. */
function apiShop() {
  const sent: TrafficEvent[] = [];
  const app = createApp(renderPage, { build: 'funnel' });
  const shopEnv = {
    ...env,
    TRAFFIC: { send: async (b: TrafficEvent) => void sent.push(b) },
  } as unknown as Env;
  const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
  const post = async (path: string, body: unknown, method = 'POST', headers: Record<string, string> = {}) => {
    const ctx = createExecutionContext();
    const res = await app.request(
      path,
      {
        method,
        headers: {
          'User-Agent': BROWSER,
          'Content-Type': 'application/json',
          'CF-Connecting-IP': ip,
          ...headers,
        },
        body: JSON.stringify(body),
      },
      shopEnv,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return res;
  };
  return { post, sent };
}

/** A SKU of the seeded store with stock to add. */
async function stockedSku(): Promise<string> {
  const [row] = await createDb(env).all<{ sku: string }>(
    sql`SELECT sku FROM inventory_levels WHERE on_hand >= 5 ORDER BY sku LIMIT 1`,
  );
  return row!.sku;
}
