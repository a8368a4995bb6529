/**
 * Tax: which rate applies to a line, and how much tax is in it. The rates themselves are data (the `tax_rates` table,
 * seeded with EU VAT and a few US states, edited by administrators); this file holds only the rules.
 *
 * Rules, in one place:
 * - A rate belongs to a zone (a country, or one region of it) and a tax category. For an address the region's own
 *   rate wins; otherwise the country-wide rate; otherwise 0 (the shop does not collect tax there).
 * - Rates are in parts per million (7.25% = 72,500), so rates such as New Jersey's 6.625% are exact.
 * - Tax is computed and rounded PER LINE, on the line's total after its share of the order discount, half to even.
 *   Per-line rounding is what an order's line snapshot, an invoice and a partial refund need: each line carries its
 *   own tax, and the order's tax is the sum of its lines (plus shipping's).
 * - Prices are either tax-exclusive (tax added on top, US style) or tax-inclusive (the price already contains the
 *   tax, EU style) per store setting. Inclusive prices are what the shopper pays wherever they are: the tax inside
 *   is computed with the destination's rate, so the shop's margin, not the shopper's price, absorbs the difference.
 * - Shipping is taxed at the destination's standard rate when the store says shipping is taxable.
 *
 * A real shop with nexus in many US states would plug a tax engine in here (Stripe Tax, Avalara): this table knows
 * state base rates only, no county or city rates, and no exemptions.
 */
import { z } from 'zod';
import { type Money, money } from './money';

/** What kind of goods a product is, for tax: most goods are `standard`; books and food are `reduced` in much of the EU. */
export const TAX_CATEGORIES = ['standard', 'reduced', 'zero'] as const;
export type TaxCategory = (typeof TAX_CATEGORIES)[number];
export const TaxCategorySchema = z.enum(TAX_CATEGORIES);

export const TAX_CATEGORY_LABELS: Record<TaxCategory, string> = {
  standard: 'Standard rate',
  reduced: 'Reduced rate',
  zero: 'Zero rate',
};

/** One million: rates are parts per million. */
export const PPM = 1_000_000;

/** The store's tax settings (the `store_settings` row). */
export interface TaxSettings {
  /** True: catalogue prices include tax (EU style). False: tax is added at checkout (US style). */
  pricesIncludeTax: boolean;
  /** True: shipping is taxed at the destination's standard rate. */
  shippingTaxable: boolean;
}

/** One rate: a zone (country, optionally one region of it) × a category. `region` is '' for the whole country. */
export interface TaxRate {
  country: string;
  region: string;
  category: TaxCategory;
  ratePpm: number;
}

/** The parts of an address tax depends on. `region` is the state/province code ("CA" or "US-CA"). */
export interface TaxAddress {
  country: string;
  region?: string | null;
}

/** "US-CA", " ca " → "CA": the code as the rate table stores it. */
export function normaliseRegion(country: string, region: string | null | undefined): string {
  const c = country.trim().toUpperCase();
  return (region ?? '')
    .trim()
    .toUpperCase()
    .replace(new RegExp(`^${c}-`), '');
}

/** The rate for `category` at `address`, in ppm: the region's own rate, else the country's, else 0. */
export function taxRateFor(rates: readonly TaxRate[], address: TaxAddress, category: TaxCategory): number {
  const country = address.country.trim().toUpperCase();
  const region = normaliseRegion(country, address.region);
  let countryWide: number | null = null;
  for (const rate of rates) {
    if (rate.country !== country || rate.category !== category) continue;
    if (region !== '' && rate.region === region) return rate.ratePpm;
    if (rate.region === '') countryWide = rate.ratePpm;
  }
  return countryWide ?? 0;
}

/** n / d rounded half to even; d > 0. */
function divideHalfEven(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n - q * d;
  const twice = 2n * (r < 0n ? -r : r);
  if (twice < d) return q;
  const away = n < 0n ? q - 1n : q + 1n;
  if (twice > d) return away;
  return q % 2n === 0n ? q : away;
}

/**
 * The tax in (inclusive) or on (exclusive) `amount` at `ratePpm`, rounded half to even. Inclusive: the part of the
 * gross amount that is tax, amount × r / (1 + r); exclusive: amount × r.
 */
export function taxOf(amount: Money, ratePpm: number, inclusive: boolean): Money {
  if (!Number.isSafeInteger(ratePpm) || ratePpm < 0 || ratePpm > PPM) {
    throw new RangeError(`tax rate must be 0–${PPM} ppm, got ${ratePpm}`);
  }
  const n = BigInt(amount.amount) * BigInt(ratePpm);
  const d = inclusive ? BigInt(PPM + ratePpm) : BigInt(PPM);
  return money(Number(divideHalfEven(n, d)), amount.currency);
}

/** "7.25%" from 72,500 ppm: how rates are shown and typed. */
export function formatRate(ratePpm: number): string {
  return `${Number((ratePpm / 10_000).toFixed(4))}%`;
}

/** "6.625" or "6.625%" → 66,250 ppm; null for anything that is not a percentage from 0 to 100 with ≤ 4 decimals. */
export function parseRate(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,4}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  const ppm = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  return ppm <= PPM ? ppm : null;
}

/** The destination's rate for every category (what priceCart takes), e.g. `{ standard: 190000, reduced: 70000, zero: 0 }`. */
export function ratesAt(rates: readonly TaxRate[], address: TaxAddress): Record<TaxCategory, number> {
  return Object.fromEntries(TAX_CATEGORIES.map((c) => [c, taxRateFor(rates, address, c)])) as Record<
    TaxCategory,
    number
  >;
}

/** How a total's tax line is labelled: inside the prices ("Included tax") or added on top ("Tax"). */
export const taxLabel = (included: boolean): string => (included ? 'Included tax' : 'Tax');
