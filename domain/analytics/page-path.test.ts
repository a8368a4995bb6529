import { describe, expect, it } from 'vitest';
import { countedPathOf, productSlugOf } from './page-path';

describe('counted page paths', () => {
  it('keeps storefront paths without a trailing slash', () => {
    expect(countedPathOf('/')).toBe('/');
    expect(countedPathOf('/p/blue-mug/')).toBe('/p/blue-mug');
    expect(countedPathOf('/c/kitchen')).toBe('/c/kitchen');
  });

  it('leaves out the back office, warehouse, API, files and previews', () => {
    for (const path of [
      '/admin',
      '/admin/orders',
      '/warehouse/pick',
      '/api/carts',
      '/media/x.jpg',
      '/favicon.ico',
    ])
      expect(countedPathOf(path), path).toBeNull();
    expect(countedPathOf('/preview/pages/secret-token')).toBeNull();
    expect(countedPathOf(`/${'a'.repeat(300)}`)).toBeNull();
  });

  it('folds paths that hold a secret or a record into one pattern', () => {
    expect(countedPathOf('/orders/tok_secret')).toBe('/orders/*');
    expect(countedPathOf('/account/orders/1042')).toBe('/account/orders/*');
  });

  it('finds the product slug of a product page only', () => {
    expect(productSlugOf('/p/blue-mug')).toBe('blue-mug');
    expect(productSlugOf('/p/blue-mug/reviews')).toBeNull();
    expect(productSlugOf('/c/mugs')).toBeNull();
  });
});
