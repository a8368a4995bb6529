/** Sales tax / VAT rates by destination, in basis points, from a small built-in table. */

/*
 * This table is a stand-in: a real shop would call a tax engine (Stripe Tax, Avalara, TaxJar)
 * that knows county/city rates, product tax codes, nexus and exemptions. Rates are the
 * standard national (or US state base) rate only, applied tax-exclusive (see cart-totals.ts).
 * Rates that are not whole basis points (NJ 6.625%, MN 6.875%) would need a finer unit and are
 * left out, so those destinations fall back to 0.
 */

/** US state base sales tax rates, by USPS state code. States with no sales tax are listed as 0 on purpose. */
export const US_STATE_TAX_BPS: Readonly<Record<string, number>> = {
  CA: 725,
  NY: 400,
  TX: 625,
  FL: 600,
  WA: 650,
  IL: 625,
  PA: 600,
  MA: 625,
  GA: 400,
  CO: 290,
  AZ: 560,
  AK: 0,
  DE: 0,
  MT: 0,
  NH: 0,
  OR: 0,
};

/** Standard VAT/GST rates by ISO 3166-1 alpha-2 country (other than the US). */
export const COUNTRY_TAX_BPS: Readonly<Record<string, number>> = {
  GB: 2000,
  DE: 1900,
  FR: 2000,
  IT: 2200,
  ES: 2100,
  NL: 2100,
  BE: 2100,
  IE: 2300,
  AT: 2000,
  PT: 2300,
  PL: 2300,
  SE: 2500,
  DK: 2500,
  FI: 2550,
  AU: 1000,
  NZ: 1500,
  JP: 1000,
};

/** The parts of an address tax depends on. `region` is the state/province code ("CA" or "US-CA"). */
export interface TaxAddress {
  country: string;
  region?: string | null;
}

/** Tax-exclusive rate in basis points for a destination; 0 where the table has no entry. */
export function taxRateFor(address: TaxAddress): number {
  const country = address.country.trim().toUpperCase();
  if (country === 'US') {
    const region = (address.region ?? '').trim().toUpperCase().replace(/^US-/, '');
    return Object.hasOwn(US_STATE_TAX_BPS, region) ? US_STATE_TAX_BPS[region]! : 0;
  }
  return Object.hasOwn(COUNTRY_TAX_BPS, country) ? COUNTRY_TAX_BPS[country]! : 0;
}
