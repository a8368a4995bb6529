import { describe, expect, it } from 'vitest';
import { money } from './money';
import {
  checkWeightBands,
  type ShippingMethodRule,
  type ShippingZoneRule,
  selectShippingOption,
  shippingOptionsFor,
  zoneFor,
} from './shipping';

const method = (m: Partial<ShippingMethodRule> & Pick<ShippingMethodRule, 'code'>): ShippingMethodRule => ({
  name: m.code,
  kind: 'flat',
  amount: 0,
  weightBands: [],
  freeFrom: null,
  currency: 'USD',
  minDays: 1,
  maxDays: 3,
  active: true,
  ...m,
});

const ZONES: ShippingZoneRule[] = [
  {
    id: 'us',
    name: 'United States',
    countries: ['US'],
    restOfWorld: false,
    methods: [
      method({ code: 'standard', amount: 595, freeFrom: 7500 }),
      method({ code: 'express', amount: 1595 }),
      method({ code: 'retired', amount: 100, active: false }),
      method({ code: 'euro-only', amount: 100, currency: 'EUR' }),
    ],
  },
  {
    id: 'eu',
    name: 'Europe',
    countries: ['DE', 'FR'],
    restOfWorld: false,
    methods: [
      method({
        code: 'standard',
        kind: 'weight',
        weightBands: [
          { upToGrams: 1000, amount: 1995 },
          { upToGrams: 5000, amount: 2995 },
        ],
      }),
    ],
  },
  {
    id: 'row',
    name: 'Rest of the world',
    countries: [],
    restOfWorld: true,
    methods: [method({ code: 'standard', amount: 2495 })],
  },
];

const usd = (n: number) => money(n, 'USD');
function quote(country: string, subtotal: number, weightGrams: number) {
  return shippingOptionsFor(ZONES, { country, subtotal: usd(subtotal), weightGrams }).map((o) => [
    o.id,
    o.price.amount,
  ]);
}

describe('zoneFor', () => {
  it('finds the zone listing the country, else the rest of the world', () => {
    expect(zoneFor(ZONES, ' us')?.id).toBe('us');
    expect(zoneFor(ZONES, 'fr')?.id).toBe('eu');
    expect(zoneFor(ZONES, 'JP')?.id).toBe('row');
    expect(zoneFor(ZONES.slice(0, 2), 'JP')).toBeNull();
  });
});

describe('shippingOptionsFor', () => {
  it("offers the zone's active methods in the cart's currency, in order", () => {
    expect(quote('US', 1000, 500)).toEqual([
      ['standard', 595],
      ['express', 1595],
    ]);
  });

  it('makes a method free from its threshold, and not below it', () => {
    expect(quote('US', 7499, 0)[0]).toEqual(['standard', 595]);
    expect(quote('US', 7500, 0)[0]).toEqual(['standard', 0]);
    expect(quote('US', 7500, 0)[1]).toEqual(['express', 1595]);
  });

  it('prices a weight table by the first band that holds the parcel, inclusive', () => {
    expect(quote('DE', 1000, 0)).toEqual([['standard', 1995]]);
    expect(quote('DE', 1000, 1000)).toEqual([['standard', 1995]]);
    expect(quote('DE', 1000, 1001)).toEqual([['standard', 2995]]);
    expect(quote('DE', 1000, 5001)).toEqual([]);
  });

  it('offers nothing where no zone ships', () => {
    expect(
      shippingOptionsFor(ZONES.slice(0, 2), { country: 'JP', subtotal: usd(1), weightGrams: 1 }),
    ).toEqual([]);
  });

  it('carries the label and transit days', () => {
    const [first] = shippingOptionsFor(ZONES, { country: 'JP', subtotal: usd(1), weightGrams: 1 });
    expect(first).toEqual({
      id: 'standard',
      label: 'standard',
      price: usd(2495),
      estimatedDays: { min: 1, max: 3 },
    });
  });
});

describe('selectShippingOption', () => {
  it('returns the offered option or says which are', () => {
    const options = shippingOptionsFor(ZONES, { country: 'US', subtotal: usd(1), weightGrams: 1 });
    expect(selectShippingOption(options, 'express')).toMatchObject({ ok: true, value: { id: 'express' } });
    const refused = selectShippingOption(options, 'retired');
    expect(refused.ok ? null : refused.error.meta).toEqual({ allowed: ['standard', 'express'] });
  });
});

describe('checkWeightBands', () => {
  it('accepts ascending bands and names what is wrong otherwise', () => {
    expect(checkWeightBands([{ upToGrams: 500, amount: 100 }])).toBeNull();
    expect(checkWeightBands([])).toMatch(/at least one/);
    expect(checkWeightBands([{ upToGrams: 0, amount: 1 }])).toMatch(/above 0/);
    expect(checkWeightBands([{ upToGrams: 5, amount: -1 }])).toMatch(/negative/);
    expect(
      checkWeightBands([
        { upToGrams: 500, amount: 1 },
        { upToGrams: 500, amount: 2 },
      ]),
    ).toMatch(/more than/);
  });
});
