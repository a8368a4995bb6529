/** Who placed each demo order: a few seeded accounts, guests coming back, and new guests from the word lists. */
import { DESTINATIONS, FIRST_NAMES, LAST_NAMES, STREETS } from './order-history-data';
import type { Rng } from './random';

/** A shopper as an order records them: the account (if signed in), the email and where the parcel went. */
export interface Shopper {
  customerId: string | null;
  email: string;
  /** The shipping address snapshot, shaped as checkout stores it (AddressInputSchema: blank fields left out). */
  address: Record<string, string>;
}

export interface ShopperPool {
  /** Guests seen so far, so some come back. */
  guests: Shopper[];
  /** Orders placed so far by email (first-order-only codes, and what the reports call new customers). */
  ordersByEmail: Map<string, number>;
  /** Order indexes that belong to a seeded account. */
  accountSlots: Map<number, Shopper>;
}

/** A pattern with each `#` replaced by a random digit. */
export const digits = (rng: Rng, pattern: string) => pattern.replace(/#/g, () => String(rng.int(0, 9)));

const TOTAL_WEIGHT = DESTINATIONS.reduce((a, d) => a + d.weight, 0);

/** The destination a roll in [0, TOTAL_WEIGHT) lands on, each as often as its weight says. */
function pickDestination(roll: number): (typeof DESTINATIONS)[number] {
  let left = roll;
  for (const d of DESTINATIONS) {
    left -= d.weight;
    if (left < 0) return d;
  }
  return DESTINATIONS.at(-1) as (typeof DESTINATIONS)[number];
}

/** A new guest: a name from the lists, an example.com/.org address (reserved domains, never a real inbox). */
export function newGuest(rng: Rng): Shopper {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const place = pickDestination(rng.next() * TOTAL_WEIGHT);
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  const address: Record<string, string> = {
    name: `${first} ${last}`,
    line1: `${rng.int(1, 9899)} ${rng.pick(STREETS)}`,
    ...(rng.chance(0.2) ? { line2: `Apt ${rng.int(1, 40)}` } : {}),
    city: place.city,
    ...(place.region ? { region: place.region } : {}),
    postalCode: digits(rng, place.postal),
    country: place.country,
    phone: digits(rng, place.phone),
  };
  return {
    customerId: null,
    email: `${local}${rng.int(1, 999)}@example.${rng.chance(0.7) ? 'com' : 'org'}`,
    address,
  };
}

/** The shopper of order `i`: its seeded account if it has one, else a returning guest (1 in 5) or a new one. */
export function pickShopper(rng: Rng, pool: ShopperPool, i: number): Shopper {
  const account = pool.accountSlots.get(i);
  if (account) return account;
  if (pool.guests.length > 30 && rng.chance(0.2)) return rng.pick(pool.guests);
  const guest = newGuest(rng);
  pool.guests.push(guest);
  return guest;
}
