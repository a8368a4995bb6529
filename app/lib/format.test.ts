/** The account pages' formatting: country names and order statuses. */
import { describe, expect, it } from 'vitest';
import { countryName, formatOrderStatus } from './format';

describe('countryName', () => {
  it('names a country in English, and keeps what is not a region code', () => {
    expect(countryName('US')).toBe('United States');
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName('nope')).toBe('nope');
  });
});

describe('formatOrderStatus', () => {
  it('reads as a sentence', () => {
    expect(formatOrderStatus('return_requested')).toBe('Return requested');
    expect(formatOrderStatus('shipped')).toBe('Shipped');
  });
});
