import type { ProductDetail } from '@db/repositories/catalog';
import { describe, expect, it } from 'vitest';
import { decimalPrice, jsonForScript, productJsonLd, validGtin } from './structured-data';

const usd = (amount: number) => ({ amount, currency: 'USD' });

const product = {
  id: 'prd_1',
  slug: 'tee',
  name: 'Tee </script><script>alert(1)</script>',
  description: 'Soft tee.',
  seoDescription: '',
  brand: 'Acme',
  rating: 4.5,
  reviewCount: 2,
  categoryPath: [
    { slug: 'clothing', name: 'Clothing' },
    { slug: 't-shirts', name: 'T-Shirts' },
  ],
  images: [{ id: 'img_1', url: '/media/tee.jpg', alt: 'Tee', width: 800, height: 1000 }],
  variants: [
    { sku: 'TEE-M', options: { Size: 'M' }, barcode: '4006381333931', price: usd(1999), compareAt: null },
    { sku: 'TEE-L', options: { Size: 'L' }, barcode: '1234', price: usd(2100), compareAt: null },
    { sku: 'TEE-XL', options: { Size: 'XL' }, barcode: null, price: usd(2100), compareAt: null },
  ],
} as unknown as ProductDetail;

describe('productJsonLd', () => {
  const ld = productJsonLd(product, {
    origin: 'https://shop.example',
    shopName: 'Shop',
    available: { 'TEE-M': 10, 'TEE-L': 2, 'TEE-XL': 0 },
    fewLeft: 5,
  });

  it('has one offer per variant with decimal prices, currency, availability and valid GTINs only', () => {
    const offers = ld.offers as Record<string, unknown>[];
    expect(offers.map((o) => [o.sku, o.price, o.priceCurrency, o.availability, o.gtin])).toEqual([
      ['TEE-M', '19.99', 'USD', 'https://schema.org/InStock', '4006381333931'],
      ['TEE-L', '21.00', 'USD', 'https://schema.org/LimitedAvailability', undefined],
      ['TEE-XL', '21.00', 'USD', 'https://schema.org/OutOfStock', undefined],
    ]);
    expect(ld.url).toBe('https://shop.example/p/tee');
    expect(ld.image).toEqual(['https://shop.example/media/tee.jpg']);
    expect(ld.aggregateRating).toMatchObject({ ratingValue: 4.5, reviewCount: 2 });
  });

  it('leaves aggregateRating out without reviews', () => {
    const none = productJsonLd(
      { ...product, rating: null, reviewCount: 0 },
      {
        origin: 'https://shop.example',
        shopName: 'Shop',
        available: {},
        fewLeft: 5,
      },
    );
    expect(none).not.toHaveProperty('aggregateRating');
  });

  it('serialises so that the script element cannot be closed from inside, and parses back to the same value', () => {
    const text = jsonForScript(ld);
    expect(text).not.toMatch(/<\/script|<!--|</i);
    expect(JSON.parse(text)).toEqual(ld);
  });
});

describe('decimalPrice and validGtin', () => {
  it('formats minor units by the currency exponent', () => {
    expect(decimalPrice(5, 'USD')).toBe('0.05');
    expect(decimalPrice(123456, 'EUR')).toBe('1234.56');
    expect(decimalPrice(500, 'JPY')).toBe('500');
  });
  it('accepts only GTINs with a correct check digit', () => {
    expect(validGtin('4006381333931')).toBe('4006381333931');
    expect(validGtin('036000291452')).toBe('036000291452');
    expect(validGtin('4006381333932')).toBeNull();
    expect(validGtin('abc')).toBeNull();
    expect(validGtin(null)).toBeNull();
  });
});
