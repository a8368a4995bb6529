import { describe, expect, it } from 'vitest';
import { edgeCacheKey, normalisePageUrl } from './edge-cache-key';

describe('normalisePageUrl', () => {
  it('drops tracking parameters and sorts the rest, so equal pages share one entry', () => {
    const a = normalisePageUrl('https://shop.test/c/tees?sort=price&utm_source=news&page=2&gclid=x');
    const b = normalisePageUrl('https://shop.test/c/tees?page=2&sort=price');
    expect(a?.href).toBe('https://shop.test/c/tees?page=2&sort=price');
    expect(b?.href).toBe(a?.href);
  });

  it('refuses per-user areas, Qwik calls and non-page paths', () => {
    for (const path of [
      '/cart',
      '/account/login',
      '/checkout',
      '/admin/products',
      '/api/carts/cart_1',
      '/api/session/summary',
      '/api/productsx',
      '/api/admin/products',
      '/media/x.webp',
    ]) {
      expect(normalisePageUrl(`https://shop.test${path}`), path).toBeNull();
    }
    expect(normalisePageUrl('https://shop.test/p/tee?qaction=abc')).toBeNull();
    expect(normalisePageUrl('https://shop.test/cartography')).not.toBeNull();
  });

  it('keeps the public catalog reads of the API', () => {
    for (const path of [
      '/api/products?q=tee',
      '/api/products/tee',
      '/api/categories',
      '/api/collections/x',
    ]) {
      expect(normalisePageUrl(`https://shop.test${path}`), path).not.toBeNull();
    }
  });
});

describe('edgeCacheKey', () => {
  it('changes with the catalog version and the build', () => {
    const page = new URL('https://shop.test/p/tee');
    const keys = [edgeCacheKey(page, 'b1', 1), edgeCacheKey(page, 'b1', 2), edgeCacheKey(page, 'b2', 1)];
    expect(new Set(keys.map((k) => k.url)).size).toBe(3);
  });
});
