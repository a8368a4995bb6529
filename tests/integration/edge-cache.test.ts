/** Catalog pages from the edge cache: hits, versioned invalidation, fresh nonces, and what is never kept. */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { createDb } from '@db/client';
import { getProductBySlug } from '@db/repositories/catalog';
import { seedSmallStore } from '@tests/support/workerd';
import { createApp } from '@worker/app';
import { CSP_NONCE_HEADER } from '@worker/http/csp-nonce';
import { PUBLIC_PAGE_HEADER } from '@worker/http/edge-cache-policy';
import { VERSION_MEMO_MS } from '@worker/services/catalog/catalog-version';
import { beforeAll, describe, expect, it } from 'vitest';

let slug = '';

beforeAll(async () => {
  const data = await seedSmallStore();
  slug = data.products.find((p) => p.status === 'active')!.slug;
});

/**
 * Stands in for Qwik City (the e2e suite runs the real one): a product page showing the live D1 price, with the
 * response's nonce on its scripts, marked public the way app/routes/(shop)/layout.tsx marks shop pages.
 */
async function renderPage(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const nonce = request.headers.get(CSP_NONCE_HEADER) ?? '';
  const headers = new Headers({
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'private, no-cache',
  });
  headers.set(PUBLIC_PAGE_HEADER, '1');
  if (url.pathname.startsWith('/cart') || url.searchParams.has('mine'))
    headers.set('Cache-Control', 'no-store');
  if (url.searchParams.has('cookie')) headers.set('Set-Cookie', 'cart_id=cart_x; Path=/');
  const product = await getProductBySlug(createDb(env), url.pathname.split('/')[2] ?? '');
  const price = product?.variants[0]?.price.amount ?? 0;
  const body = `<!doctype html><html><head><link rel="modulepreload" href="/build/q.js" nonce="${nonce}"></head>
<body><p data-price>${price}</p><p data-url>${url.href}</p><script type="module" nonce="${nonce}">1</script></body></html>`;
  return new Response(body, { status: product || url.pathname === '/cart' ? 200 : 404, headers });
}

/** A fresh app (its own build name, so tests share no entries) and a fetch that waits for background work. */
function shop() {
  const app = createApp(renderPage, { build: crypto.randomUUID() });
  return async (path: string, init: RequestInit = {}) => {
    const ctx = createExecutionContext();
    const res = await app.request(path, init, env, ctx);
    const html = await res.text();
    await waitOnExecutionContext(ctx);
    return { res, html };
  };
}

const nonceOf = (html: string) => [...html.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]);
const priceOf = (html: string) => Number(/data-price>(\d+)</.exec(html)?.[1]);

describe('the edge cache', () => {
  it('serves the second request for a catalog page from the cache, publicly cacheable', async () => {
    const get = shop();
    const first = await get(`/p/${slug}`);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get('X-Cache')).toBe('MISS');
    expect(first.res.headers.get('Cache-Control')).toMatch(
      /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/,
    );
    expect(first.res.headers.has(PUBLIC_PAGE_HEADER)).toBe(false);

    const second = await get(`/p/${slug}`);
    expect(second.res.headers.get('X-Cache')).toBe('HIT');
    expect(second.res.headers.get('Cache-Control')).toBe(first.res.headers.get('Cache-Control'));
    expect(priceOf(second.html)).toBe(priceOf(first.html));
    expect(second.res.headers.get('X-Request-Id')).not.toBe(first.res.headers.get('X-Request-Id'));
  });

  it('answers HEAD as the GET it stands for: publicly cacheable, from the entry a GET kept, without a body', async () => {
    const get = shop();
    const head = await get(`/p/${slug}`, { method: 'HEAD' });
    expect(head.res.status).toBe(200);
    expect(head.res.headers.get('Cache-Control')).toMatch(/^public, max-age=0, s-maxage=\d+/);
    expect(head.html).toBe('');
    // Only a GET stores (a HEAD's answer may have no body); a HEAD after it is a hit.
    expect((await get(`/p/${slug}`)).html).toContain('data-price');
    const again = await get(`/p/${slug}`, { method: 'HEAD' });
    expect(again.res.headers.get('X-Cache')).toBe('HIT');
    expect(again.html).toBe('');
  });

  it('shares one entry between addresses that differ only by tracking parameters or query order', async () => {
    const get = shop();
    const first = await get(`/p/${slug}?b=2&a=1&utm_source=news`);
    expect(first.html).not.toContain('utm_source'); // the page is rendered from the clean address
    expect((await get(`/p/${slug}?a=1&b=2&gclid=xyz`)).res.headers.get('X-Cache')).toBe('HIT');
  });

  it('gives every hit a fresh nonce that matches its CSP header', async () => {
    const get = shop();
    await get(`/p/${slug}`);
    const hits = [await get(`/p/${slug}`), await get(`/p/${slug}`)];
    const nonces = hits.map(({ res, html }) => {
      expect(res.headers.get('X-Cache')).toBe('HIT');
      const inPage = nonceOf(html);
      expect(inPage).toHaveLength(2);
      expect(new Set(inPage).size).toBe(1);
      expect(res.headers.get('Content-Security-Policy')).toContain(`'nonce-${inPage[0]}'`);
      return inPage[0];
    });
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('shows a price changed in D1 once the memoised catalog version expires, without a purge', async () => {
    const get = shop();
    const before = priceOf((await get(`/p/${slug}`)).html);
    expect((await get(`/p/${slug}`)).res.headers.get('X-Cache')).toBe('HIT');

    const product = (await getProductBySlug(createDb(env), slug))!;
    await env.DB.prepare('UPDATE product_variants SET price_amount = ? WHERE sku = ?')
      .bind(before + 100, product.variants[0]!.sku)
      .run();
    await new Promise((resolve) => setTimeout(resolve, VERSION_MEMO_MS + 50));

    const after = await get(`/p/${slug}`);
    expect(after.res.headers.get('X-Cache')).toBe('MISS');
    expect(priceOf(after.html)).toBe(before + 100);
  });

  it('never keeps a response that sets a cookie, says no-store, or is not a 200', async () => {
    const get = shop();
    for (const path of [`/p/${slug}?cookie=1`, `/p/${slug}?mine=1`, '/p/no-such-product']) {
      await get(path);
      const again = await get(path);
      expect(again.res.headers.get('X-Cache'), path).toBe('MISS');
      expect(again.res.headers.get('Cache-Control'), path).not.toMatch(/public/);
    }
  });

  it('never serves per-user pages from the cache: they stay no-store', async () => {
    const get = shop();
    await get('/cart');
    const again = await get('/cart', { headers: { Cookie: 'cart_id=cart_01JD0000000000000000000000' } });
    expect(again.res.headers.get('X-Cache')).toBeNull();
    expect(again.res.headers.get('Cache-Control')).toBe('no-store');
    expect(again.res.headers.has(PUBLIC_PAGE_HEADER)).toBe(false);
  });

  it('serves the same cached page to a shopper with a session cookie (it holds nothing per user)', async () => {
    const get = shop();
    await get(`/p/${slug}`);
    const withSession = await get(`/p/${slug}`, { headers: { Cookie: 'customer_session=abc; cart_id=x' } });
    expect(withSession.res.headers.get('X-Cache')).toBe('HIT');
  });
});

describe('the public catalog API from the edge cache', () => {
  it('keeps a product list per catalog version, with its own Cache-Control, and answers If-None-Match with a 304', async () => {
    const get = shop();
    const path = `/api/products?limit=5&q=${encodeURIComponent(slug.split('-')[0]!)}`;
    const first = await get(path);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get('X-Cache')).toBe('MISS');
    const second = await get(path);
    expect(second.res.headers.get('X-Cache')).toBe('HIT');
    expect(second.res.headers.get('Cache-Control')).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(second.res.headers.has(PUBLIC_PAGE_HEADER)).toBe(false);
    expect(JSON.parse(second.html)).toEqual(JSON.parse(first.html));
    const etag = second.res.headers.get('ETag')!;
    expect(etag).toBe(first.res.headers.get('ETag'));
    const revalidated = await get(path, { headers: { 'If-None-Match': etag } });
    expect(revalidated.res.status).toBe(304);
    expect(revalidated.html).toBe('');

    const product = (await getProductBySlug(createDb(env), slug))!;
    const before = product.variants[0]!.price.amount;
    await env.DB.prepare('UPDATE product_variants SET price_amount = ? WHERE sku = ?')
      .bind(before + 7, product.variants[0]!.sku)
      .run();
    await new Promise((resolve) => setTimeout(resolve, VERSION_MEMO_MS + 50));
    const after = await get(`/api/products/${slug}`);
    expect(after.res.headers.get('X-Cache')).toBe('MISS');
    expect(JSON.parse(after.html).variants[0].price.amount).toBe(before + 7);
  });

  it('never keeps carts, sessions or errors', async () => {
    const get = shop();
    for (const path of ['/api/session/summary', '/api/products/no-such-product', '/api/products?limit=-1']) {
      await get(path);
      const again = await get(path);
      expect(again.res.headers.get('X-Cache'), path).not.toBe('HIT');
      expect(again.res.headers.get('Cache-Control') ?? '', path).not.toMatch(/public/);
    }
  });
});

describe('GET /api/session/summary', () => {
  it('is never stored by any cache', async () => {
    const res = await createApp().request('/api/session/summary', {}, env, createExecutionContext());
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('private, no-store');
    expect(await res.json()).toEqual({ cartCount: 0, firstName: null });
  });
});
