import { describe, expect, it } from 'vitest';
import { money } from './money';
import { SHIPPING_RATES, selectShippingOption, shippingOptionsFor, shippingZoneOf } from './shipping';

function usd(amount: number) {
  return money(amount, 'USD');
}
function price(country: string, subtotal: number, id: string, currency = 'USD') {
  return shippingOptionsFor({ country, subtotal: money(subtotal, currency) }).find((o) => o.id === id)?.price
    .amount;
}

describe('shippingZoneOf', () => {
  it('maps countries to zones', () => {
    expect(shippingZoneOf('US')).toBe('domestic');
    expect(shippingZoneOf(' us')).toBe('domestic');
    expect(shippingZoneOf('DE')).toBe('europe');
    expect(shippingZoneOf('GB')).toBe('europe');
    expect(shippingZoneOf('CH')).toBe('europe');
    expect(shippingZoneOf('JP')).toBe('world');
    expect(shippingZoneOf('CA')).toBe('world');
    expect(shippingZoneOf('')).toBe('world');
  });
});

describe('shippingOptionsFor', () => {
  it('offers standard then express with prices and estimates', () => {
    expect(shippingOptionsFor({ country: 'US', subtotal: usd(1000) })).toEqual([
      { id: 'standard', label: 'Standard shipping', price: usd(595), estimatedDays: { min: 3, max: 5 } },
      { id: 'express', label: 'Express shipping', price: usd(1595), estimatedDays: { min: 1, max: 2 } },
    ]);
  });

  it('makes domestic standard free from the threshold, inclusive', () => {
    expect(price('US', 7499, 'standard')).toBe(595);
    expect(price('US', 7500, 'standard')).toBe(0);
    expect(price('US', 7500, 'express')).toBe(1595);
  });

  it('does not make international shipping free', () => {
    expect(price('FR', 100_000, 'standard')).toBe(1995);
    expect(price('AU', 100_000, 'standard')).toBe(2495);
    expect(price('AU', 0, 'express')).toBe(4995);
  });

  it('prices in the shop currency', () => {
    expect(price('US', 100, 'standard', 'EUR')).toBe(550);
    expect(price('US', 7000, 'standard', 'EUR')).toBe(0);
    const opts = shippingOptionsFor({ country: 'DE', subtotal: money(100, 'GBP') });
    expect(opts.every((o) => o.price.currency === 'GBP')).toBe(true);
  });

  it('throws for a currency with no rate table (misconfiguration)', () => {
    expect(() => shippingOptionsFor({ country: 'US', subtotal: money(100, 'JPY') })).toThrow(RangeError);
    expect(Object.keys(SHIPPING_RATES)).toContain('USD');
  });
});

describe('selectShippingOption', () => {
  it('returns the server-priced option', () => {
    expect(selectShippingOption({ country: 'US', subtotal: usd(8000), methodId: 'standard' })).toEqual({
      ok: true,
      value: { id: 'standard', label: 'Standard shipping', price: usd(0), estimatedDays: { min: 3, max: 5 } },
    });
  });

  it('rejects unknown methods', () => {
    const r = selectShippingOption({ country: 'US', subtotal: usd(8000), methodId: 'teleport' });
    expect(r.ok ? null : r.error.code).toBe('VALIDATION_FAILED');
  });
});
