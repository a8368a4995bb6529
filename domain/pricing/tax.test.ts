import { describe, expect, it } from 'vitest';
import { COUNTRY_TAX_BPS, taxRateFor, US_STATE_TAX_BPS } from './tax';

describe('taxRateFor', () => {
  it('uses the US state base rate', () => {
    expect(taxRateFor({ country: 'US', region: 'CA' })).toBe(725);
    expect(taxRateFor({ country: 'US', region: 'NY' })).toBe(400);
    expect(taxRateFor({ country: 'US', region: 'OR' })).toBe(0);
  });

  it('accepts ISO 3166-2 regions and loose casing', () => {
    expect(taxRateFor({ country: 'us', region: 'us-ca' })).toBe(725);
    expect(taxRateFor({ country: ' US ', region: ' tx ' })).toBe(625);
  });

  it('falls back to 0 for unknown or missing US states', () => {
    expect(taxRateFor({ country: 'US' })).toBe(0);
    expect(taxRateFor({ country: 'US', region: null })).toBe(0);
    expect(taxRateFor({ country: 'US', region: 'ZZ' })).toBe(0);
    expect(taxRateFor({ country: 'US', region: 'toString' })).toBe(0);
  });

  it('uses national VAT rates elsewhere, ignoring region', () => {
    expect(taxRateFor({ country: 'GB' })).toBe(2000);
    expect(taxRateFor({ country: 'DE', region: 'BY' })).toBe(1900);
    expect(taxRateFor({ country: 'fr' })).toBe(2000);
  });

  it('defaults to 0 for countries not in the table', () => {
    expect(taxRateFor({ country: 'BR' })).toBe(0);
    expect(taxRateFor({ country: '' })).toBe(0);
    expect(taxRateFor({ country: 'constructor' })).toBe(0);
  });

  it('only holds whole, sane basis points', () => {
    for (const bps of [...Object.values(US_STATE_TAX_BPS), ...Object.values(COUNTRY_TAX_BPS)]) {
      expect(Number.isInteger(bps) && bps >= 0 && bps <= 5000).toBe(true);
    }
  });
});
