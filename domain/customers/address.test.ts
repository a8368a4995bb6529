/** Address validation as a form or API caller sees it: which addresses pass, and each failure's field and message. */
import { describe, expect, it } from 'vitest';
import {
  AddressInputSchema,
  addressFieldLabels,
  type CountryCode,
  SUPPORTED_COUNTRIES,
  SUPPORTED_COUNTRY_CODES,
} from './address';

const us = {
  name: 'Ann Lee',
  line1: '1 Infinite Loop',
  city: 'Cupertino',
  region: 'CA',
  postalCode: '95014',
  country: 'US',
};

/** The issues a caller gets back, as [path, message] pairs; [] when the address is accepted. */
function issuesOf(input: unknown): [string, string][] {
  const result = AddressInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
}

function parsed(input: unknown) {
  const result = AddressInputSchema.safeParse(input);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

describe('SUPPORTED_COUNTRIES', () => {
  it('lists the countries the shop ships to, with English names', () => {
    const names = Object.fromEntries(SUPPORTED_COUNTRIES.map((c) => [c.code, c.name]));
    for (const code of ['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'BE', 'IE', 'ES', 'IT'])
      expect(names).toHaveProperty(code);
    for (const code of ['SE', 'DK', 'AU', 'NZ', 'JP', 'IN', 'BR', 'CH', 'AT', 'PL'])
      expect(names).toHaveProperty(code);
    expect(names.US).toBe('United States');
    expect(names.GB).toBe('United Kingdom');
    expect(names.DE).toBe('Germany');
    expect(names.JP).toBe('Japan');
  });

  it('is sorted by name for a country picker', () => {
    const names = SUPPORTED_COUNTRIES.map((c) => c.name);
    expect(names.slice(0, 3)).toEqual(['Australia', 'Austria', 'Belgium']);
    expect(names.at(-1)).toBe('United States');
  });
});

describe('AddressInputSchema: a real-looking address in every supported country', () => {
  const samples: Record<CountryCode, { city?: string; region?: string; postalCode: string }> = {
    AT: { city: 'Wien', postalCode: '1010' },
    AU: { city: 'Sydney', region: 'NSW', postalCode: '2000' },
    BE: { city: 'Bruxelles', postalCode: '1000' },
    BR: { city: 'São Paulo', region: 'SP', postalCode: '01310-100' },
    CA: { city: 'Ottawa', region: 'ON', postalCode: 'K1A 0B1' },
    CH: { city: 'Zürich', postalCode: '8001' },
    DE: { city: 'Berlin', postalCode: '10115' },
    DK: { city: 'København K', postalCode: '1050' },
    ES: { city: 'Madrid', region: 'Madrid', postalCode: '28013' },
    FR: { city: 'Paris', postalCode: '75008' },
    GB: { city: 'London', postalCode: 'SW1A 1AA' },
    IE: { city: 'Dublin', postalCode: 'D02 X285' },
    IN: { city: 'New Delhi', region: 'DL', postalCode: '110001' },
    IT: { city: 'Roma', region: 'RM', postalCode: '00184' },
    JP: { region: 'Tokyo', postalCode: '100-0001' },
    NL: { city: 'Amsterdam', postalCode: '1012 JS' },
    NZ: { city: 'Wellington', postalCode: '6011' },
    PL: { city: 'Warszawa', postalCode: '00-950' },
    SE: { city: 'Stockholm', postalCode: '111 52' },
    US: { city: 'Cupertino', region: 'CA', postalCode: '95014' },
  };

  it('has a sample for each supported country (a new country needs one)', () => {
    expect(Object.keys(samples).sort()).toEqual([...SUPPORTED_COUNTRY_CODES].sort());
  });

  it.each(Object.entries(samples))('accepts an address in %s', (country, fields) => {
    expect(issuesOf({ name: 'Ann Lee', line1: 'Main Street 1', country, ...fields })).toEqual([]);
  });
});

describe('AddressInputSchema: postal codes', () => {
  it.each([
    ['US', '1234', 'ZIP code must look like 95014.'],
    ['GB', 'ABC', 'Postcode must look like EC1Y 8SY.'],
    ['CA', '12345', 'Postal code must look like H3Z 2Y7.'],
    ['DE', '1234', 'Postal code must look like 26133.'],
    ['IN', '11001', 'PIN code must look like 110034.'],
    ['NL', '1234', 'Postal code must look like 1234 AB.'],
    ['PL', '00950', 'Postal code must look like 00-950.'],
    ['JP', '123-456', 'Postal code must look like 154-0023.'],
  ])('rejects %s postal code %j with the country’s label and an example', (country, postalCode, message) => {
    const address = { ...us, country, postalCode, region: 'X' };
    expect(issuesOf(address)).toEqual([['postalCode', message]]);
  });

  it('matches the whole code, not a part of it', () => {
    expect(issuesOf({ ...us, postalCode: '950141' })).toEqual([
      ['postalCode', 'ZIP code must look like 95014.'],
    ]);
    expect(issuesOf({ ...us, postalCode: '95014-1234' })).toEqual([]);
  });

  it('accepts a Japanese code without its hyphen, as the data allows', () => {
    expect(
      parsed({ ...us, country: 'JP', city: undefined, region: 'Tokyo', postalCode: '1000001' }).postalCode,
    ).toBe('1000001');
  });

  it('upper-cases and collapses spaces, so lower-case GB, CA and NL codes pass', () => {
    expect(parsed({ ...us, country: 'GB', region: undefined, postalCode: ' sw1a   1aa ' }).postalCode).toBe(
      'SW1A 1AA',
    );
    expect(parsed({ ...us, country: 'CA', region: 'ON', postalCode: 'k1a 0b1' }).postalCode).toBe('K1A 0B1');
    expect(parsed({ ...us, country: 'NL', region: undefined, postalCode: '1012 js' }).postalCode).toBe(
      '1012 JS',
    );
  });

  it('drops the country prefix some people write (CH-8001)', () => {
    expect(parsed({ ...us, country: 'CH', region: undefined, postalCode: 'CH-8001' }).postalCode).toBe(
      '8001',
    );
  });

  it('requires a postal code where the post does, and not in Ireland, where Eircodes are optional', () => {
    expect(issuesOf({ ...us, postalCode: '' })).toEqual([['postalCode', 'ZIP code is required.']]);
    expect(issuesOf({ ...us, country: 'GB', region: undefined, postalCode: undefined })).toEqual([
      ['postalCode', 'Postcode is required.'],
    ]);
    expect(issuesOf({ ...us, country: 'IE', region: undefined, postalCode: undefined })).toEqual([]);
  });
});

describe('AddressInputSchema: region and city', () => {
  it.each([
    ['US', 'State is required.'],
    ['CA', 'Province is required.'],
    ['AU', 'State is required.'],
    ['IN', 'State is required.'],
    ['BR', 'State is required.'],
    ['JP', 'Prefecture is required.'],
  ])('requires the region in %s', (country, message) => {
    const postalCode = {
      US: '95014',
      CA: 'K1A 0B1',
      AU: '2000',
      IN: '110001',
      BR: '01310-100',
      JP: '100-0001',
    }[country];
    expect(issuesOf({ ...us, country, postalCode, region: '  ' })).toEqual([['region', message]]);
  });

  it.each([
    ['GB', 'SW1A 1AA'],
    ['DE', '10115'],
    ['FR', '75008'],
  ])('leaves the region optional in %s', (country, postalCode) => {
    expect(issuesOf({ ...us, country, postalCode, region: undefined })).toEqual([]);
  });

  it('requires the city in the US, with the data’s word for it elsewhere, but not in Japan', () => {
    expect(issuesOf({ ...us, city: '' })).toEqual([['city', 'City is required.']]);
    expect(
      issuesOf({ ...us, country: 'GB', region: undefined, postalCode: 'SW1A 1AA', city: undefined }),
    ).toEqual([['city', 'Post town is required.']]);
    expect(
      issuesOf({ ...us, country: 'JP', region: 'Tokyo', postalCode: '100-0001', city: undefined }),
    ).toEqual([]);
  });
});

describe('AddressInputSchema: the shape', () => {
  it('rejects a country the shop does not ship to', () => {
    expect(issuesOf({ ...us, country: 'XX' })).toEqual([['country', 'Choose a country we ship to.']]);
    expect(issuesOf({ ...us, country: 'us' })).toEqual([['country', 'Choose a country we ship to.']]);
    expect(issuesOf({ ...us, country: undefined })).toEqual([['country', 'Choose a country we ship to.']]);
  });

  it('rejects unknown fields', () => {
    const result = AddressInputSchema.safeParse({ ...us, isDefault: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([
      { code: 'unrecognized_keys', keys: ['isDefault'], path: [] },
    ]);
  });

  it.each([
    ['name', 100, 'Name'],
    ['company', 100, 'Company'],
    ['line1', 200, 'Address line 1'],
    ['line2', 200, 'Address line 2'],
    ['city', 100, 'City'],
    ['region', 100, 'Region'],
    ['postalCode', 20, 'Postal code'],
    ['phone', 30, 'Phone'],
  ])('accepts %s of %i characters and rejects one more', (field, max, label) => {
    const fill = field === 'phone' || field === 'postalCode' ? '9' : 'a';
    const atMax = { ...us, [field]: fill.repeat(max) };
    expect(issuesOf(atMax).filter(([path, message]) => path === field && /at most/.test(message))).toEqual(
      [],
    );
    expect(issuesOf({ ...us, [field]: fill.repeat(max + 1) })).toEqual([
      [field, `${label} may be at most ${max} characters.`],
    ]);
  });

  it('requires a name and a first address line', () => {
    expect(issuesOf({ ...us, name: '   ', line1: '' })).toEqual([
      ['name', 'Name is required.'],
      ['line1', 'Address line 1 is required.'],
    ]);
  });

  it('takes a phone number with digits, spaces and + - ( ), and nothing else', () => {
    expect(parsed({ ...us, phone: '+1 (408) 996-1010' }).phone).toBe('+1 (408) 996-1010');
    expect(issuesOf({ ...us, phone: '+1 408 CALL-NOW' })).toEqual([
      ['phone', 'Phone may hold only digits, spaces and + - ( ).'],
    ]);
    expect(issuesOf({ ...us, phone: '()' })).toEqual([
      ['phone', 'Phone may hold only digits, spaces and + - ( ).'],
    ]);
  });

  it('trims every field and drops blank optional ones', () => {
    const address = parsed({
      name: '  Ann Lee ',
      company: '   ',
      line1: ' 1 Infinite Loop ',
      line2: '',
      city: ' Cupertino ',
      region: ' CA ',
      postalCode: ' 95014 ',
      country: 'US',
      phone: ' ',
    });
    expect(address).toEqual({
      name: 'Ann Lee',
      line1: '1 Infinite Loop',
      city: 'Cupertino',
      region: 'CA',
      postalCode: '95014',
      country: 'US',
    });
    expect(address.company).toBeUndefined();
    expect(address.line2).toBeUndefined();
    expect(address.phone).toBeUndefined();
  });

  it('reports every error at once, the country’s rules included', () => {
    expect(issuesOf({ ...us, phone: 'call me', region: undefined, postalCode: '1234' })).toEqual([
      ['phone', 'Phone may hold only digits, spaces and + - ( ).'],
      ['region', 'State is required.'],
      ['postalCode', 'ZIP code must look like 95014.'],
    ]);
  });

  it('reports only the length of an overlong postal code, not its format too', () => {
    expect(issuesOf({ ...us, postalCode: 'x'.repeat(21) })).toEqual([
      ['postalCode', 'Postal code may be at most 20 characters.'],
    ]);
  });
});

describe('addressFieldLabels', () => {
  it('names the US fields ZIP code and State, all required', () => {
    expect(addressFieldLabels('US')).toEqual({
      city: { label: 'City', required: true, used: true },
      region: { label: 'State', required: true, used: true },
      postalCode: { label: 'ZIP code', required: true, used: true, example: '95014' },
    });
  });

  it('calls the UK code a Postcode and the city a Post town, and has no region line', () => {
    const gb = addressFieldLabels('GB');
    expect(gb.postalCode).toMatchObject({ label: 'Postcode', required: true });
    expect(gb.city).toMatchObject({ label: 'Post town', required: true });
    expect(gb.region).toMatchObject({ required: false, used: false });
  });

  it.each([
    ['IN', 'PIN code', 'State'],
    ['CA', 'Postal code', 'Province'],
    ['JP', 'Postal code', 'Prefecture'],
    ['IE', 'Eircode', 'County'],
    ['AU', 'Postal code', 'State'],
  ] as const)('labels %s: %s and %s', (country, postal, region) => {
    const labels = addressFieldLabels(country);
    expect(labels.postalCode.label).toBe(postal);
    expect(labels.region.label).toBe(region);
  });

  it('marks what each country’s post requires', () => {
    expect(addressFieldLabels('JP').city).toMatchObject({ required: false, used: false });
    expect(addressFieldLabels('IE').postalCode.required).toBe(false);
    expect(addressFieldLabels('DE').region.required).toBe(false);
    expect(addressFieldLabels('ES').region.required).toBe(true);
  });
});
