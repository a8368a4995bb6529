/**
 * Shipping: which zone an address is in and what each of the zone's methods costs for a cart. The zones and methods
 * are data (`shipping_zones`, `shipping_methods`, edited by administrators); this file holds only the rules.
 *
 * - A zone lists countries; one zone may cover "the rest of the world". A country in no zone cannot be shipped to.
 * - A method is a flat rate, or a weight table (the first band whose limit the parcel's weight does not exceed; a
 *   parcel heavier than the last band cannot go by that method), optionally free from a merchandise subtotal.
 * - The subtotal that unlocks free shipping is AFTER discounts, so a code cannot be used to cross the threshold.
 */
import { fail, ok, type Result } from '@domain/core/result';
import { z } from 'zod';
import { type Money, money } from './money';

export const SHIPPING_RATE_KINDS = ['flat', 'weight'] as const;
export type ShippingRateKind = (typeof SHIPPING_RATE_KINDS)[number];

/** A method's code: what a checkout stores and the API takes ("standard", "express"). */
export const ShippingMethodCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use 1–40 lowercase letters, digits and hyphens.');

/** One band of a weight table: up to and including `upToGrams`, the method costs `amount`. */
export interface WeightBand {
  upToGrams: number;
  amount: number;
}

/** A shipping method as stored, prices in minor units of `currency`. */
export interface ShippingMethodRule {
  code: string;
  name: string;
  kind: ShippingRateKind;
  /** The flat price (kind `flat`); ignored for weight tables. */
  amount: number;
  /** Ascending by `upToGrams` (kind `weight`). */
  weightBands: readonly WeightBand[];
  /** Merchandise subtotal (after discounts) from which this method is free; null: never free. */
  freeFrom: number | null;
  currency: string;
  minDays: number;
  maxDays: number;
  active: boolean;
}

/** A zone as stored: its countries (ISO 3166-1 alpha-2) and methods in display order. */
export interface ShippingZoneRule {
  id: string;
  name: string;
  countries: readonly string[];
  /** Covers every country no other zone lists. */
  restOfWorld: boolean;
  methods: readonly ShippingMethodRule[];
}

/** A choice offered at checkout. */
export interface ShippingOption {
  id: string;
  label: string;
  price: Money;
  /** Business days in transit, as a range for display. */
  estimatedDays: { min: number; max: number };
}

/** The zone `country` ships in: the zone listing it, else the rest-of-world zone, else null (no shipping there). */
export function zoneFor(zones: readonly ShippingZoneRule[], country: string): ShippingZoneRule | null {
  const c = country.trim().toUpperCase();
  return zones.find((z) => z.countries.includes(c)) ?? zones.find((z) => z.restOfWorld) ?? null;
}

/** What `method` costs for this cart, or null when it cannot carry the parcel (heavier than its last band). */
export function priceOfMethod(
  method: ShippingMethodRule,
  cart: { subtotal: number; weightGrams: number },
): number | null {
  let price: number | null = method.amount;
  if (method.kind === 'weight') {
    price = method.weightBands.find((b) => cart.weightGrams <= b.upToGrams)?.amount ?? null;
  }
  if (price === null) return null;
  return method.freeFrom !== null && cart.subtotal >= method.freeFrom ? 0 : price;
}

/**
 * The options for a destination in the zone's order: active methods priced in the cart's currency that can carry
 * the parcel. `subtotal` is the merchandise subtotal after discounts; `weightGrams` the parcel's weight.
 */
export function shippingOptionsFor(
  zones: readonly ShippingZoneRule[],
  input: { country: string; subtotal: Money; weightGrams: number },
): ShippingOption[] {
  const zone = zoneFor(zones, input.country);
  if (!zone) return [];
  const { currency, amount } = input.subtotal;
  const options: ShippingOption[] = [];
  for (const method of zone.methods) {
    if (!method.active || method.currency !== currency) continue;
    const price = priceOfMethod(method, { subtotal: amount, weightGrams: input.weightGrams });
    if (price === null) continue;
    options.push({
      id: method.code,
      label: method.name,
      price: money(price, currency),
      estimatedDays: { min: method.minDays, max: method.maxDays },
    });
  }
  return options;
}

/** The option the shopper picked, re-priced on the server; VALIDATION_FAILED when it is not offered here. */
export function selectShippingOption(
  options: readonly ShippingOption[],
  code: string,
): Result<ShippingOption> {
  const option = options.find((o) => o.id === code);
  if (!option) {
    return fail('VALIDATION_FAILED', `Shipping method "${code}" is not offered for this address.`, {
      allowed: options.map((o) => o.id),
    });
  }
  return ok(option);
}

/** Checks a weight table: at least one band, limits strictly ascending, whole non-negative amounts. */
export function checkWeightBands(bands: readonly WeightBand[]): string | null {
  if (bands.length === 0) return 'A weight table needs at least one band.';
  for (const [i, band] of bands.entries()) {
    if (!Number.isSafeInteger(band.upToGrams) || band.upToGrams <= 0)
      return 'Weights must be whole grams above 0.';
    if (!Number.isSafeInteger(band.amount) || band.amount < 0) return 'Prices must not be negative.';
    if (i > 0 && band.upToGrams <= bands[i - 1]!.upToGrams)
      return 'Each band must go up to more than the one before.';
  }
  return null;
}
