import { describe, expect, it } from 'vitest';
import { formatWeightBands, parseAmount, parseWeightBands, splitCountryCodes } from './pricing-rules-form';

describe('pricing rules form fields', () => {
  it('reads amounts as decimals in the currency', () => {
    expect(parseAmount('19.95', 'USD', 'Price')).toEqual({ ok: true, value: 1995 });
    expect(parseAmount('', 'USD', 'Free from')).toEqual({ ok: true, value: null });
    expect(parseAmount('-1', 'USD', 'Price')).toEqual({ ok: false, message: 'Price must not be negative.' });
    expect(parseAmount('1.999', 'USD', 'Price').ok).toBe(false);
  });

  it('reads a weight table one band per line and writes it back', () => {
    const read = parseWeightBands('1000: 19.95\n\n 5000g = 29.95 ', 'USD');
    expect(read).toEqual({
      ok: true,
      value: [
        { upToGrams: 1000, amount: 1995 },
        { upToGrams: 5000, amount: 2995 },
      ],
    });
    if (read.ok) expect(formatWeightBands(read.value, 'USD')).toBe('1000: 19.95\n5000: 29.95');
    expect(parseWeightBands('heavy: 5', 'USD')).toMatchObject({ ok: false, message: /line 1/ });
    expect(parseWeightBands('1000: -5', 'USD')).toMatchObject({ ok: false, message: /negative/ });
  });

  it('splits country codes on commas and spaces', () => {
    expect(splitCountryCodes('us, CA  de;fr')).toEqual(['US', 'CA', 'DE', 'FR']);
    expect(splitCountryCodes('  ')).toEqual([]);
  });
});
