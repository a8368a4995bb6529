/** The address schema and its data package load and validate inside workerd (JSON imports, RegExp, Intl.DisplayNames). */
import { AddressInputSchema, SUPPORTED_COUNTRIES } from '@domain/customers/address';
import { describe, expect, it } from 'vitest';

describe('address validation in the Worker runtime', () => {
  it('accepts a US and a GB address and rejects a bad ZIP code', () => {
    const base = { name: 'Ann Lee', line1: '1 Infinite Loop', city: 'Cupertino' };
    expect(
      AddressInputSchema.parse({ ...base, region: 'CA', postalCode: '95014', country: 'US' }).postalCode,
    ).toBe('95014');
    expect(
      AddressInputSchema.parse({ ...base, city: 'London', postalCode: 'sw1a 1aa', country: 'GB' }).postalCode,
    ).toBe('SW1A 1AA');
    const bad = AddressInputSchema.safeParse({ ...base, region: 'CA', postalCode: '1234', country: 'US' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['postalCode', 'ZIP code must look like 95014.'],
    ]);
  });

  it('names the countries with Intl.DisplayNames', () => {
    expect(SUPPORTED_COUNTRIES.find((c) => c.code === 'US')?.name).toBe('United States');
  });
});
