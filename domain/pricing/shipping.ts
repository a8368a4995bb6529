/** Shipping methods and their prices: zone-based flat rates with free standard shipping over a threshold. */

import { fail, ok, type Result } from '@domain/core/result';
import { z } from 'zod';
import { type Money, money } from './money';

/** Shipping methods the shop offers. */
export const SHIPPING_METHOD_IDS = ['standard', 'express'] as const;
export type ShippingMethodId = (typeof SHIPPING_METHOD_IDS)[number];
export const ShippingMethodIdSchema = z.enum(SHIPPING_METHOD_IDS);

/** Where a parcel goes, relative to a shop that ships from the US. */
export type ShippingZone = 'domestic' | 'europe' | 'world';

/** A choice offered at checkout. */
export interface ShippingOption {
  id: ShippingMethodId;
  label: string;
  price: Money;
  /** Business days in transit, as a range for display. */
  estimatedDays: { min: number; max: number };
}

const EUROPE = new Set(
  'AD AL AT BA BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS SE SI SK SM UA VA'.split(
    ' ',
  ),
);

/** Shipping zone of an ISO 3166-1 alpha-2 country code. */
export function shippingZoneOf(country: string): ShippingZone {
  const c = country.trim().toUpperCase();
  if (c === 'US') return 'domestic';
  return EUROPE.has(c) ? 'europe' : 'world';
}

type RateTable = {
  /** Merchandise subtotal (after discounts) from which domestic standard shipping is free. */
  freeStandardFrom: number;
  rates: Record<ShippingZone, Record<ShippingMethodId, number>>;
};

/** Flat rates in minor units, per shop currency (SHOP_CURRENCY). Free standard is domestic only: it is priced for US postage. */
export const SHIPPING_RATES: Readonly<Record<string, RateTable>> = {
  USD: {
    freeStandardFrom: 7500,
    rates: {
      domestic: { standard: 595, express: 1595 },
      europe: { standard: 1995, express: 3995 },
      world: { standard: 2495, express: 4995 },
    },
  },
  EUR: {
    freeStandardFrom: 7000,
    rates: {
      domestic: { standard: 550, express: 1495 },
      europe: { standard: 1850, express: 3695 },
      world: { standard: 2295, express: 4595 },
    },
  },
  GBP: {
    freeStandardFrom: 6000,
    rates: {
      domestic: { standard: 475, express: 1250 },
      europe: { standard: 1595, express: 3195 },
      world: { standard: 1995, express: 3995 },
    },
  },
};

const LABELS: Record<ShippingMethodId, string> = {
  standard: 'Standard shipping',
  express: 'Express shipping',
};

const DAYS: Record<ShippingZone, Record<ShippingMethodId, { min: number; max: number }>> = {
  domestic: { standard: { min: 3, max: 5 }, express: { min: 1, max: 2 } },
  europe: { standard: { min: 7, max: 14 }, express: { min: 3, max: 5 } },
  world: { standard: { min: 10, max: 21 }, express: { min: 4, max: 7 } },
};

/**
 * Options for a destination, cheapest first. Pass the merchandise subtotal after discounts
 * (`subtotal - discountTotal` from priceCart) so a code cannot be used to cross the free threshold.
 * Throws if the shop currency has no rate table: that is configuration, not shopper input.
 */
export function shippingOptionsFor(input: { country: string; subtotal: Money }): ShippingOption[] {
  const { currency } = input.subtotal;
  const table = Object.hasOwn(SHIPPING_RATES, currency) ? SHIPPING_RATES[currency] : undefined;
  if (!table) throw new RangeError(`no shipping rates configured for ${currency}`);
  const zone = shippingZoneOf(input.country);
  const freeStandard = zone === 'domestic' && input.subtotal.amount >= table.freeStandardFrom;
  return SHIPPING_METHOD_IDS.map((id) => ({
    id,
    label: LABELS[id],
    price: money(id === 'standard' && freeStandard ? 0 : table.rates[zone][id], currency),
    estimatedDays: { ...DAYS[zone][id] },
  }));
}

/** The option the shopper picked, re-priced on the server; VALIDATION_FAILED for an unknown method. */
export function selectShippingOption(input: {
  country: string;
  subtotal: Money;
  methodId: string;
}): Result<ShippingOption> {
  const option = shippingOptionsFor(input).find((o) => o.id === input.methodId);
  if (!option) {
    return fail('VALIDATION_FAILED', `Unknown shipping method "${input.methodId}".`, {
      allowed: [...SHIPPING_METHOD_IDS],
    });
  }
  return ok(option);
}
