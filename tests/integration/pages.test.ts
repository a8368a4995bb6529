/** The page catch-all: what a shopper sees when a page address is broken or the SSR adapter fails. */
import { createExecutionContext, env } from 'cloudflare:test';
import { startEarlyInWindow } from '@tests/support/limits';
import { createApp } from '@worker/app';
import { CSP_NONCE_HEADER } from '@worker/http/csp-nonce';
import { MAX_PAGE_BODY_BYTES } from '@worker/http/pages';
import { describe, expect, it, vi } from 'vitest';

// The real Qwik City build is exercised by the e2e tests; here a handler stands in to drive each outcome.
const adapterFailure = () =>
  new Response('URIError: secret internal detail', {
    status: 500,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Error': 'cloudflare-pages' },
  });

describe('pages', () => {
  it('answers a path that is not valid percent-encoding with a 400 page, without rendering', async () => {
    const rendered = vi.fn(async () => new Response('page'));
    const res = await createApp(rendered).request('/p/%ZZ', {}, env, createExecutionContext());

    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('text/html');
    expect(await res.text()).toContain('This address is not valid');
    expect(rendered).not.toHaveBeenCalled();
  });

  it("replaces the adapter's raw error text with a generic page that quotes the request id", async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await createApp(async () => adapterFailure()).request(
      '/c/anything',
      {},
      env,
      createExecutionContext(),
    );

    expect(res.status).toBe(500);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const html = await res.text();
    const requestId = res.headers.get('X-Request-Id')!;
    expect(html).toContain(requestId);
    expect(html).not.toContain('secret internal detail');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('secret internal detail'));
    logged.mockRestore();
  });

  it("shows the shop's error page, with the same status, in place of Qwik City's bare one", async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bare = '<html><head><title>503 Service Unavailable</title></head><body>D1 is down</body></html>';
    const app = createApp(async (request) =>
      request.url.endsWith('q-data.json')
        ? new Response('{"error":true}', { status: 500, headers: { 'Content-Type': 'application/json' } })
        : new Response(bare, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
    );

    const page = await app.request('/p/some-product', {}, env, createExecutionContext());
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain('Something went wrong on our side');
    expect(html).toContain(page.headers.get('X-Request-Id')!);
    expect(html).not.toContain('D1 is down');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(page.headers.get('X-Request-Id')!));
    logged.mockRestore();

    // Qwik's client-side data requests keep their own format.
    const data = await app.request('/p/some-product/q-data.json', {}, env, createExecutionContext());
    expect(data.status).toBe(500);
    expect(await data.text()).toBe('{"error":true}');
  });

  it('passes every other response through untouched, with the security headers', async () => {
    const res = await createApp(async () => new Response('<h1>Hi</h1>', { status: 404 })).request(
      '/x',
      {},
      env,
      createExecutionContext(),
    );

    expect(res.status).toBe(404);
    expect(await res.text()).toBe('<h1>Hi</h1>');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('answers an action call whose JSON does not parse with a 400 page, without rendering', async () => {
    const rendered = vi.fn(async () => new Response('page'));
    const res = await createApp(rendered).request(
      '/p/some-product?qaction=abc',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{bad' },
      env,
      createExecutionContext(),
    );

    expect(res.status).toBe(400);
    expect(await res.text()).toContain('That request could not be read');
    expect(rendered).not.toHaveBeenCalled();
  });

  it('refuses a form body over the limit with 413, and hands a normal form to the page intact', async () => {
    const received: string[] = [];
    const app = createApp(async (request) => {
      received.push(await request.text());
      return new Response('ok');
    });
    const post = (body: string) =>
      app.request(
        '/cart?qaction=abc',
        { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body },
        env,
        createExecutionContext(),
      );

    const tooBig = await post(`quantity=1&note=${'a'.repeat(MAX_PAGE_BODY_BYTES)}`);
    expect(tooBig.status).toBe(413);
    expect(received).toEqual([]);

    const ok = await post('sku=ABC-1&quantity=2');
    expect(ok.status).toBe(200);
    expect(received).toEqual(['sku=ABC-1&quantity=2']);
  });

  it('shares one write budget per client with the API: form posts past it get a 429 page, then the API a 429', async () => {
    const app = createApp(async () => new Response('ok'));
    // Header text only (TEST-NET-3), a range no other test file uses, so no other test's budget is shared.
    const from = (ip: string, path: string, body?: string) =>
      app.request(
        path,
        {
          method: 'POST',
          headers: { 'CF-Connecting-IP': ip, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: body ?? null,
        },
        env,
        createExecutionContext(),
      );
    await startEarlyInWindow(60, 30_000);
    let limited: Response | undefined;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await from('203.0.113.7', '/cart?qaction=abc', 'sku=ABC-1&quantity=1');
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get('Retry-After')).toBe('60');
    expect(await limited?.text()).toContain('Too many requests');
    expect((await from('203.0.113.7', '/api/carts')).status).toBe(429);
    expect((await from('203.0.113.8', '/cart?qaction=abc', 'sku=ABC-1&quantity=1')).status).toBe(200);
  }, 90_000);

  it('answers methods other than GET, HEAD and POST with a 405 page and Allow, without rendering', async () => {
    const rendered = vi.fn(async () => new Response('page'));
    const app = createApp(rendered);
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await app.request('/p/some-product', { method }, env, createExecutionContext());
      expect(res.status).toBe(405);
      expect(res.headers.get('Allow')).toBe('GET, HEAD, POST');
    }
    expect(
      (await app.request('/p/some-product', { method: 'HEAD' }, env, createExecutionContext())).status,
    ).toBe(200);
    expect(rendered).toHaveBeenCalledTimes(1);
  });

  it('gives each page response a fresh CSP nonce, hands it to the renderer for its script tags, and never allows inline scripts', async () => {
    // Stands in for Qwik City: app/routes/layout.tsx passes this header to the SSR as '@nonce', which writes it on
    // every script tag (tests/e2e/csp.spec.ts checks the real build's HTML the same way).
    const app = createApp(async (request) => {
      const nonce = request.headers.get(CSP_NONCE_HEADER);
      return new Response(
        `<html><head><script nonce="${nonce}" type="module" src="/build/q-loader.js"></script></head>` +
          `<body><script nonce="${nonce}">window.qwikevents=[]</script></body></html>`,
        { headers: { 'Content-Type': 'text/html; charset=utf-8' } },
      );
    });
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      // A nonce the client sends is never the one used.
      const res = await app.request(
        '/p/some-product',
        { headers: { [CSP_NONCE_HEADER]: 'chosen-by-the-client' } },
        env,
        createExecutionContext(),
      );
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src ')) ?? '';
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).toContain("'strict-dynamic'");
      const nonce = scriptSrc.match(/'nonce-([A-Za-z0-9+/=]{16,})'/)?.[1];
      expect(nonce).toBeDefined();
      const tags = [...(await res.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(tags).toHaveLength(2);
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
      seen.push(nonce!);
    }
    expect(new Set(seen).size).toBe(3);
  });

  it('serves the error page and the API reference under the same CSP: no scripts, inline styles allowed', async () => {
    for (const res of [
      await createApp(async () => new Response('page')).request('/p/%ZZ', {}, env, createExecutionContext()),
      await createApp().request('/api/docs', {}, env, createExecutionContext()),
    ]) {
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic' 'self';/);
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      const html = await res.text();
      expect(html).toContain('<style>');
      expect(html).not.toMatch(/<script\b/i);
    }
  });
});
