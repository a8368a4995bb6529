import { describe, expect, it } from 'vitest';
import {
  bucketIndexOf,
  compareSizes,
  listingHref,
  MAX_FILTER_VALUES,
  parseListingQuery,
  priceBuckets,
} from './listing-filters';

const parse = (qs: string) => parseListingQuery(new URLSearchParams(qs));

describe('listing filters in URLs', () => {
  it('reads every filter, prices in major units', () => {
    expect(
      parse('size=M&size=L&colour=Navy&min=25&max=50.5&in_stock=1&rating=4&sort=price_asc&page=3'),
    ).toEqual({
      q: '',
      sort: 'price_asc',
      page: 3,
      filters: {
        sizes: ['L', 'M'],
        colours: ['Navy'],
        priceMin: 2500,
        priceMax: 5050,
        inStock: true,
        minRating: 4,
      },
    });
  });

  it('ignores junk instead of failing', () => {
    const s = parse(
      'min=abc&max=-3&rating=9&in_stock=maybe&sort=cheapest&page=-1&size=&category=../etc&foo=bar',
    );
    expect(s).toEqual({
      q: '',
      sort: 'featured',
      page: 1,
      filters: { sizes: [], colours: [], inStock: false },
    });
    expect(parse(`size=${'x'.repeat(41)}`).filters.sizes).toEqual([]);
    const many = Array.from({ length: 50 }, (_, i) => `size=s${String(i).padStart(2, '0')}`).join('&');
    expect(parse(many).filters.sizes).toHaveLength(MAX_FILTER_VALUES);
  });

  it('swaps a reversed price range and drops a zero minimum', () => {
    expect(parse('min=80&max=20').filters).toMatchObject({ priceMin: 2000, priceMax: 8000 });
    expect(parse('min=0').filters.priceMin).toBeUndefined();
  });

  it('defaults to relevance with a query, and relevance without one falls back to featured', () => {
    expect(parse('q=tee').sort).toBe('relevance');
    expect(parse('q=tee&sort=newest').sort).toBe('newest');
    expect(parse('sort=relevance').sort).toBe('featured');
  });

  it('writes one canonical, stable URL for the same choice, whatever the order it was made in', () => {
    const a = parse('colour=Navy&size=M&size=L&sort=featured&max=50&in_stock=on');
    const b = parse('in_stock=1&max=50&size=L&colour=Navy&size=M&size=M');
    expect(listingHref('/c/tees', a)).toBe(listingHref('/c/tees', b));
    expect(listingHref('/c/tees', a)).toBe('/c/tees?size=L&size=M&colour=Navy&max=50&in_stock=1');
    expect(listingHref('/search', { ...parse('q=organic tee&sort=relevance'), page: 2 })).toBe(
      '/search?q=organic+tee&page=2',
    );
    const round = parse(new URL(listingHref('/c/tees', a), 'http://x').search.slice(1));
    expect(round).toEqual(a);
  });
});

describe('price buckets', () => {
  it('cover every price exactly once', () => {
    const buckets = priceBuckets(100);
    expect(buckets[0]).toEqual({ min: 0, max: 2500 });
    expect(buckets.at(-1)!.max).toBeNull();
    expect(bucketIndexOf(2499, buckets)).toBe(0);
    expect(bucketIndexOf(2500, buckets)).toBe(1);
    expect(bucketIndexOf(1_000_000, buckets)).toBe(buckets.length - 1);
  });
});

describe('size order', () => {
  it('sorts numbers by value and letter sizes small to large', () => {
    expect(['XL', '32', 'S', 'M', '28', 'One size', 'L/XL', 'S/M', 'XS'].sort(compareSizes)).toEqual([
      '28',
      '32',
      'XS',
      'S',
      'S/M',
      'M',
      'L/XL',
      'XL',
      'One size',
    ]);
  });
});
