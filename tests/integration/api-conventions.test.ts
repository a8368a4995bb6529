/** API conventions through the real Worker: problem+json, request ids, security headers, 404/405, OpenAPI. */

import { newClient, seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';

const api = newClient();

beforeAll(async () => {
  await seedSmallStore();
});

describe('every response', () => {
  it('carries a request id and the security headers', async () => {
    const res = await api('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: 'd1' });
    expect(res.headers.get('X-Request-Id')).toMatch(/^req_[0-9A-Z]{26}$/);
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('Strict-Transport-Security')).toContain('max-age=');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  });

  it('echoes a well-formed incoming request id and replaces a malformed one', async () => {
    const kept = await api('/api/ping', { headers: { 'X-Request-Id': 'trace-1234abcd' } });
    expect(kept.headers.get('X-Request-Id')).toBe('trace-1234abcd');
    const replaced = await api('/api/ping', { headers: { 'X-Request-Id': '<script>' } });
    expect(replaced.headers.get('X-Request-Id')).toMatch(/^req_/);
  });
});

describe('errors are problem+json', () => {
  it('answers an unknown endpoint with 404 ROUTE_NOT_FOUND', async () => {
    const res = await api('/api/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', title: 'No such endpoint' });
    expect(body.requestId).toBe(res.headers.get('X-Request-Id'));
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const res = await api('/api/products', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toContain('GET');
    expect(await res.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
  });

  it('answers a bad query with 400 and the offending fields', async () => {
    const res = await api('/api/products?limit=0&hue=red');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; errors: { path: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e) => e.path).sort()).toEqual(expect.arrayContaining(['limit']));
    expect(JSON.stringify(body.errors)).toContain('hue');
  });

  it('answers an unknown product with 404 NOT_FOUND', async () => {
    const res = await api('/api/products/no-such-thing');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('OpenAPI', () => {
  it('serves a 3.1 document generated from the route schemas', async () => {
    const res = await api('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/products', '/api/products/{slug}', '/api/carts/{cartId}/items']),
    );
    expect(JSON.stringify(doc.paths['/api/carts/{cartId}/items'])).toContain('application/problem+json');
  });

  it('serves a readable reference page', async () => {
    const res = await api('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/api/carts/{cartId}/items');
    expect(html).toContain('Add units of a SKU');
  });
});

describe('catalog', () => {
  it('lists products with integer minor-unit prices and pages through them', async () => {
    const first = (await (await api('/api/products?limit=5')).json()) as {
      items: { slug: string; priceFrom: { amount: number; currency: string } }[];
      total: number;
    };
    expect(first.total).toBe(12);
    expect(first.items).toHaveLength(5);
    for (const p of first.items) expect(Number.isInteger(p.priceFrom.amount)).toBe(true);
    const second = (await (await api('/api/products?limit=5&offset=5')).json()) as {
      items: { slug: string }[];
    };
    expect(second.items.map((p) => p.slug)).not.toContain(first.items[0]!.slug);
  });

  it('sorts by price', async () => {
    const { items } = (await (await api('/api/products?sort=price_asc&limit=100')).json()) as {
      items: { priceFrom: { amount: number } }[];
    };
    const prices = items.map((p) => p.priceFrom.amount);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('searches with a query of the longest allowed length, and refuses a longer one with 400', async () => {
    const longest = await api(`/api/products?q=${'x'.repeat(100)}`);
    expect(longest.status).toBe(200);
    expect(((await longest.json()) as { total: number }).total).toBe(0);
    const tooLong = await api(`/api/products?q=${'x'.repeat(101)}`);
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
  });

  it('lets browsers and CDNs cache the catalog, and answers a revalidation with 304', async () => {
    const first = await api('/api/products?limit=3');
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=60, stale-while-revalidate=300');
    const etag = first.headers.get('ETag');
    expect(etag).toBeTruthy();
    const again = await api('/api/products?limit=3', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    const other = await api('/api/products?limit=4', { headers: { 'If-None-Match': etag! } });
    expect(other.status).toBe(200);
  });

  it('never lets a shared cache keep a cart', async () => {
    const res = await api('/api/carts/cart_01JD0000000000000000000000');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('private, no-store');
  });

  it('returns a product with its variants', async () => {
    const { items } = (await (await api('/api/products?limit=1')).json()) as { items: { slug: string }[] };
    const res = await api(`/api/products/${items[0]!.slug}`);
    const product = (await res.json()) as { variants: { sku: string }[]; images: unknown[] };
    expect(product.variants.length).toBeGreaterThan(0);
    expect(product.images.length).toBeGreaterThan(0);
  });
});

describe('media', () => {
  it('renders a placeholder SVG for a product image', async () => {
    const res = await api('/media/placeholder/classic-oxford-shirt-1.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('image/svg+xml');
    expect(await res.text()).toContain('Classic Oxford Shirt');
  });
});
