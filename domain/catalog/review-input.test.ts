/** Review input rules and rating summaries. */
import { ORDER_STATUSES } from '@domain/orders/order-status';
import { describe, expect, it } from 'vitest';
import {
  MAX_REVIEW_BODY,
  PURCHASE_STATUSES,
  publicAuthorName,
  ReviewInputSchema,
  ratingDistribution,
  sharePercent,
  summariseRatings,
} from './review-input';

describe('ReviewInputSchema', () => {
  it('accepts whole stars 1–5 and trims text', () => {
    for (const rating of [1, 2, 3, 4, 5]) {
      expect(ReviewInputSchema.parse({ rating, title: '  Great  ', body: ' Fits well ' })).toEqual({
        rating,
        title: 'Great',
        body: 'Fits well',
      });
    }
    expect(ReviewInputSchema.parse({ rating: 4, body: 'ok' }).title).toBe('');
  });

  it('refuses ratings that are not whole stars from 1 to 5', () => {
    for (const rating of [0, 6, 2.5, '5', null, undefined, -1, Number.NaN]) {
      expect(ReviewInputSchema.safeParse({ rating, body: 'x' }).success, String(rating)).toBe(false);
    }
  });

  it('refuses an empty (or blank) body, a body over the limit, a long title and unknown fields', () => {
    expect(ReviewInputSchema.safeParse({ rating: 3, body: '   ' }).success).toBe(false);
    expect(ReviewInputSchema.safeParse({ rating: 3, body: 'x'.repeat(MAX_REVIEW_BODY + 1) }).success).toBe(
      false,
    );
    expect(ReviewInputSchema.safeParse({ rating: 3, body: 'x'.repeat(MAX_REVIEW_BODY) }).success).toBe(true);
    expect(ReviewInputSchema.safeParse({ rating: 3, body: 'x', title: 't'.repeat(121) }).success).toBe(false);
    expect(ReviewInputSchema.safeParse({ rating: 3, body: 'x', verifiedPurchase: true }).success).toBe(false);
  });

  it('keeps markup as text (rendering escapes it)', () => {
    const body = '<img src=x onerror=alert(1)>';
    expect(ReviewInputSchema.parse({ rating: 1, body }).body).toBe(body);
  });
});

describe('rating summaries', () => {
  it('counts every star, ignoring ratings outside 1–5', () => {
    const d = ratingDistribution([
      { rating: 5, count: 3 },
      { rating: 1, count: 1 },
      { rating: 7, count: 9 },
    ]);
    expect(d).toEqual({ 1: 1, 2: 0, 3: 0, 4: 0, 5: 3 });
    expect(summariseRatings(d)).toEqual({ count: 4, average: 4 });
    expect(sharePercent(d, 5)).toBe(75);
  });

  it('has no average and no shares without reviews', () => {
    const d = ratingDistribution([]);
    expect(summariseRatings(d)).toEqual({ count: 0, average: null });
    expect(sharePercent(d, 3)).toBe(0);
  });
});

describe('PURCHASE_STATUSES', () => {
  it('leaves out unpaid, cancelled and fully refunded orders', () => {
    const excluded = ORDER_STATUSES.filter((s) => !(PURCHASE_STATUSES as readonly string[]).includes(s));
    expect(excluded).toEqual(['pending', 'cancelled', 'refunded']);
  });
});

describe('publicAuthorName', () => {
  it('shows the first name and the last name’s initial', () => {
    expect(publicAuthorName('Jane Doe')).toBe('Jane D.');
    expect(publicAuthorName('  Mary  Ann  van der berg ')).toBe('Mary B.');
    expect(publicAuthorName('Cher')).toBe('Cher');
    expect(publicAuthorName('   ')).toBe('A customer');
    expect(publicAuthorName('Ada émile')).toBe('Ada É.');
  });
});
