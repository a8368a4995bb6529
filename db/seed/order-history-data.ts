/** Word lists and tables the demo order history draws on: shoppers' names, destinations, tax rates, carriers. */
import type { Carrier } from '@domain/orders/shipments';

export const FIRST_NAMES = [
  'Olivia',
  'Noah',
  'Emma',
  'Liam',
  'Ava',
  'Mason',
  'Sophia',
  'Ethan',
  'Isabella',
  'Lucas',
  'Mia',
  'Amelia',
  'Harper',
  'James',
  'Evelyn',
  'Benjamin',
  'Abigail',
  'Elijah',
  'Emily',
  'Oliver',
  'Ella',
  'Henry',
  'Chloe',
  'Daniel',
  'Grace',
  'Samuel',
  'Zoe',
  'Jack',
  'Nora',
  'Leo',
  'Aria',
  'Owen',
  'Layla',
  'Caleb',
  'Priya',
  'Ravi',
  'Mei',
  'Hiro',
  'Sofia',
  'Mateo',
  'Fatima',
  'Omar',
  'Ingrid',
  'Lars',
  'Chiara',
  'Marco',
  'Aoife',
  'Sean',
] as const;

export const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Lopez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Nguyen',
  'Hill',
  'Green',
  'Baker',
  'Patel',
  'Kim',
  'Chen',
  'Okafor',
  'Schmidt',
  'Dubois',
  'Rossi',
  "O'Brien",
  'Kowalski',
  'Jensen',
  'Murphy',
] as const;

export const STREETS = [
  'Maple Street',
  'Oak Avenue',
  'Cedar Lane',
  'Pine Road',
  'Elm Street',
  'Lakeview Drive',
  'Hillcrest Road',
  'Park Avenue',
  'Sunset Boulevard',
  'River Road',
  'Church Street',
  'Highland Avenue',
  'Mill Lane',
] as const;

/** A place orders ship to: how often (weight), its city, region code and a postal code and phone pattern (# = a digit). */
export interface Destination {
  weight: number;
  country: string;
  region: string;
  city: string;
  postal: string;
  phone: string;
}

/**
 * Mostly US states (those with a seeded sales-tax rate, and Oregon, which has none), then the UK, Canada and a few EU
 * countries: the countries the seeded shipping zones (migration 0011) cover.
 */
export const DESTINATIONS: readonly Destination[] = [
  { weight: 14, country: 'US', region: 'CA', city: 'Los Angeles', postal: '900##', phone: '+1 213 555 01##' },
  {
    weight: 6,
    country: 'US',
    region: 'CA',
    city: 'San Francisco',
    postal: '941##',
    phone: '+1 415 555 01##',
  },
  { weight: 12, country: 'US', region: 'NY', city: 'Brooklyn', postal: '112##', phone: '+1 718 555 01##' },
  { weight: 8, country: 'US', region: 'TX', city: 'Austin', postal: '787##', phone: '+1 512 555 01##' },
  { weight: 6, country: 'US', region: 'FL', city: 'Miami', postal: '331##', phone: '+1 305 555 01##' },
  { weight: 5, country: 'US', region: 'WA', city: 'Seattle', postal: '981##', phone: '+1 206 555 01##' },
  { weight: 5, country: 'US', region: 'IL', city: 'Chicago', postal: '606##', phone: '+1 312 555 01##' },
  { weight: 4, country: 'US', region: 'PA', city: 'Philadelphia', postal: '191##', phone: '+1 215 555 01##' },
  { weight: 4, country: 'US', region: 'MA', city: 'Boston', postal: '021##', phone: '+1 617 555 01##' },
  { weight: 3, country: 'US', region: 'GA', city: 'Atlanta', postal: '303##', phone: '+1 404 555 01##' },
  { weight: 3, country: 'US', region: 'CO', city: 'Denver', postal: '802##', phone: '+1 303 555 01##' },
  { weight: 2, country: 'US', region: 'AZ', city: 'Phoenix', postal: '850##', phone: '+1 602 555 01##' },
  { weight: 3, country: 'US', region: 'NJ', city: 'Jersey City', postal: '073##', phone: '+1 201 555 01##' },
  { weight: 2, country: 'US', region: 'MN', city: 'Minneapolis', postal: '554##', phone: '+1 612 555 01##' },
  { weight: 3, country: 'US', region: 'OR', city: 'Portland', postal: '972##', phone: '+1 503 555 01##' },
  { weight: 4, country: 'GB', region: '', city: 'London', postal: 'SW1A #AA', phone: '+44 20 7946 0###' },
  { weight: 2, country: 'GB', region: '', city: 'Manchester', postal: 'M1 #AE', phone: '+44 161 496 0###' },
  { weight: 3, country: 'CA', region: 'ON', city: 'Toronto', postal: 'M5V #K#', phone: '+1 416 555 01##' },
  { weight: 2, country: 'CA', region: 'BC', city: 'Vancouver', postal: 'V6B #K#', phone: '+1 604 555 01##' },
  { weight: 2, country: 'DE', region: '', city: 'Berlin', postal: '101##', phone: '+49 30 555 0###' },
  { weight: 2, country: 'FR', region: '', city: 'Paris', postal: '750##', phone: '+33 1 55 55 0###' },
  {
    weight: 2,
    country: 'IE',
    region: 'Dublin',
    city: 'Dublin',
    postal: 'D02 #X##',
    phone: '+353 1 555 0###',
  },
  { weight: 1, country: 'NL', region: '', city: 'Amsterdam', postal: '10## AB', phone: '+31 20 555 0###' },
  { weight: 1, country: 'ES', region: 'M', city: 'Madrid', postal: '280##', phone: '+34 91 555 0###' },
  { weight: 1, country: 'IT', region: 'MI', city: 'Milan', postal: '201##', phone: '+39 02 555 0###' },
];

/**
 * Tax rates (ppm) for those destinations, copied from the rates migration 0011 seeds (standard, reduced): a state's
 * own rate in the US, the VAT rates elsewhere. Canada and Oregon have no seeded rate, so no tax, as at checkout.
 */
export const TAX_RATES: Readonly<Record<string, { standard: number; reduced: number }>> = {
  'US-CA': { standard: 72_500, reduced: 72_500 },
  'US-NY': { standard: 40_000, reduced: 40_000 },
  'US-TX': { standard: 62_500, reduced: 62_500 },
  'US-FL': { standard: 60_000, reduced: 60_000 },
  'US-WA': { standard: 65_000, reduced: 65_000 },
  'US-IL': { standard: 62_500, reduced: 62_500 },
  'US-PA': { standard: 60_000, reduced: 60_000 },
  'US-MA': { standard: 62_500, reduced: 62_500 },
  'US-GA': { standard: 40_000, reduced: 40_000 },
  'US-CO': { standard: 29_000, reduced: 29_000 },
  'US-AZ': { standard: 56_000, reduced: 56_000 },
  'US-NJ': { standard: 66_250, reduced: 66_250 },
  'US-MN': { standard: 68_750, reduced: 68_750 },
  GB: { standard: 200_000, reduced: 50_000 },
  DE: { standard: 190_000, reduced: 70_000 },
  FR: { standard: 200_000, reduced: 55_000 },
  IE: { standard: 230_000, reduced: 135_000 },
  NL: { standard: 210_000, reduced: 90_000 },
  ES: { standard: 210_000, reduced: 100_000 },
  IT: { standard: 220_000, reduced: 100_000 },
};

/** A US state's rates only exist for the states listed: the rest (Oregon here) charge none. */
export function taxRatePpm(country: string, region: string, category: string): number {
  if (category === 'zero') return 0;
  const rates = TAX_RATES[country === 'US' ? `US-${region}` : country];
  if (!rates) return 0;
  return category === 'reduced' ? rates.reduced : rates.standard;
}

/**
 * The seeded shipping methods (migration 0011) by zone: US flat rates (standard free from $75 after discounts),
 * Europe and the rest of the world by parcel weight, express flat everywhere. Amounts in US cents.
 */
export function shippingPrice(
  country: string,
  method: 'standard' | 'express',
  subtotalAfterDiscount: number,
  weightGrams: number,
): number {
  const europe = ['GB', 'DE', 'FR', 'IE', 'NL', 'ES', 'IT'].includes(country);
  if (country === 'US') {
    if (method === 'express') return 1595;
    return subtotalAfterDiscount >= 7500 ? 0 : 595;
  }
  if (method === 'express') return europe ? 3995 : 4995;
  const bands = europe ? [1995, 2995, 4995] : [2495, 3995, 6995];
  const band = weightGrams <= 1000 ? 0 : weightGrams <= 5000 ? 1 : 2;
  return bands[band] as number;
}

/** Which carriers ship to a country, and how their tracking numbers look (# = a digit). */
export const CARRIERS_BY_COUNTRY: Readonly<
  Record<string, readonly { carrier: Carrier; tracking: string }[]>
> = {
  US: [
    { carrier: 'usps', tracking: '9400 1000 0000 #### #### ##' },
    { carrier: 'ups', tracking: '1Z999AA1########' },
    { carrier: 'fedex', tracking: '############' },
  ],
  GB: [{ carrier: 'royal_mail', tracking: 'AA#########GB' }],
  CA: [{ carrier: 'ups', tracking: '1Z999AA1########' }],
  EU: [
    { carrier: 'dhl', tracking: '##########' },
    { carrier: 'dpd', tracking: '##############' },
  ],
};

/** Why shoppers sent things back (refund reasons as staff type them). */
export const REFUND_REASONS = [
  'Too small',
  'Too large',
  'Arrived damaged',
  'Not as described',
  'Changed mind',
] as const;
