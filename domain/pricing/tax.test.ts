import { describe, expect, it } from 'vitest';
import { money } from './money';
import { formatRate, parseRate, ratesAt, type TaxRate, taxOf, taxRateFor } from './tax';

const RATES: TaxRate[] = [
  { country: 'US', region: 'CA', category: 'standard', ratePpm: 72_500 },
  { country: 'US', region: 'NJ', category: 'standard', ratePpm: 66_250 },
  { country: 'DE', region: '', category: 'standard', ratePpm: 190_000 },
  { country: 'DE', region: '', category: 'reduced', ratePpm: 70_000 },
  { country: 'ES', region: '', category: 'standard', ratePpm: 210_000 },
  // The Canary Islands are outside the EU VAT area: a region's own rate beats the country's.
  { country: 'ES', region: 'CN', category: 'standard', ratePpm: 0 },
];

describe('taxRateFor', () => {
  it("uses a region's own rate, accepting ISO 3166-2 codes and loose casing", () => {
    expect(taxRateFor(RATES, { country: 'US', region: 'CA' }, 'standard')).toBe(72_500);
    expect(taxRateFor(RATES, { country: ' us ', region: 'us-nj' }, 'standard')).toBe(66_250);
    expect(taxRateFor(RATES, { country: 'ES', region: 'CN' }, 'standard')).toBe(0);
  });

  it("falls back to the country's rate, then to 0", () => {
    expect(taxRateFor(RATES, { country: 'DE', region: 'BY' }, 'standard')).toBe(190_000);
    expect(taxRateFor(RATES, { country: 'ES', region: 'M' }, 'standard')).toBe(210_000);
    expect(taxRateFor(RATES, { country: 'US', region: 'OR' }, 'standard')).toBe(0);
    expect(taxRateFor(RATES, { country: 'US' }, 'standard')).toBe(0);
    expect(taxRateFor(RATES, { country: 'BR' }, 'standard')).toBe(0);
  });

  it('picks the rate of the category', () => {
    expect(taxRateFor(RATES, { country: 'DE' }, 'reduced')).toBe(70_000);
    expect(taxRateFor(RATES, { country: 'DE' }, 'zero')).toBe(0);
    expect(ratesAt(RATES, { country: 'DE' })).toEqual({ standard: 190_000, reduced: 70_000, zero: 0 });
  });
});

describe('taxOf', () => {
  const usd = (n: number) => money(n, 'USD');
  it('adds tax on a tax-exclusive amount, half to even', () => {
    expect(taxOf(usd(10_000), 72_500, false)).toEqual(usd(725));
    expect(taxOf(usd(25), 100_000, false)).toEqual(usd(2)); // 2.5 → 2
    expect(taxOf(usd(35), 100_000, false)).toEqual(usd(4)); // 3.5 → 4
    expect(taxOf(usd(1999), 66_250, false)).toEqual(usd(132)); // 132.43…
  });

  it('finds the tax inside a tax-inclusive amount', () => {
    expect(taxOf(usd(11_900), 190_000, true)).toEqual(usd(1900));
    expect(taxOf(usd(1999), 200_000, true)).toEqual(usd(333)); // 333.17
    expect(taxOf(usd(0), 200_000, true)).toEqual(usd(0));
  });

  it('refuses rates outside 0–100%', () => {
    expect(() => taxOf(usd(100), -1, false)).toThrow(RangeError);
    expect(() => taxOf(usd(100), 1_000_001, false)).toThrow(RangeError);
    expect(() => taxOf(usd(100), 0.5, false)).toThrow(RangeError);
  });
});

describe('rates as people type them', () => {
  it('parses and formats percentages exactly', () => {
    expect(parseRate('6.625')).toBe(66_250);
    expect(parseRate(' 20 % ')).toBe(200_000);
    expect(parseRate('0')).toBe(0);
    expect(parseRate('100')).toBe(1_000_000);
    expect(formatRate(66_250)).toBe('6.625%');
    expect(formatRate(190_000)).toBe('19%');
  });

  it('refuses anything else', () => {
    for (const bad of ['', '-5', '100.01', '7.12345', 'abc', '1e3', '7,5']) expect(parseRate(bad)).toBeNull();
  });
});
