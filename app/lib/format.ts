/** Formatting for shoppers: money, ratings, dates and friendly sentences for domain error codes. */
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '@domain/cart/limits';
import type { DomainError } from '@domain/core/result';

/** Money as the UI receives it: integer minor units and an ISO 4217 currency (see domain/money.ts). */
export interface MoneyValue {
  amount: number;
  currency: string;
}

const LOCALE = 'en-US';
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let f = formatters.get(currency);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
    formatters.set(currency, f);
  }
  return f;
}

/**
 * Formats money with Intl.NumberFormat ("$19.99"). The amount is turned into an exact decimal string first
 * (Intl formats strings without going through a float), using the currency's ISO minor-unit exponent.
 */
export function formatMoney(m: MoneyValue): string {
  const f = formatterFor(m.currency);
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  const abs = Math.abs(m.amount)
    .toString()
    .padStart(digits + 1, '0');
  const decimal = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  // Intl.NumberFormat v3 accepts decimal strings; the cast keeps older lib typings happy.
  return f.format(`${m.amount < 0 ? '-' : ''}${decimal}` as unknown as number);
}

/** "4.3 out of 5 stars" for screen readers and tooltips. */
export function describeRating(rating: number): string {
  return `${rating.toFixed(1)} out of 5 stars`;
}

/** "12 reviews" / "1 review". */
export function pluralise(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A review date such as "Mar 4, 2026" (UTC, so server and browser agree). */
export function formatDate(epochMs: number): string {
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' }).format(epochMs);
}

/** A sentence a shopper can act on, for an error code returned by the cart use cases. */
export function describeCartError(error: Pick<DomainError, 'code' | 'meta'>): string {
  switch (error.code) {
    case 'INSUFFICIENT_STOCK': {
      const available = Number(error.meta?.available ?? 0);
      return available > 0
        ? `Sorry, only ${available} left in stock. Please choose a smaller quantity.`
        : 'Sorry, this item is out of stock right now.';
    }
    case 'UNKNOWN_SKU':
      return 'Sorry, that option is no longer available.';
    case 'QUANTITY_OUT_OF_RANGE':
      return `Please choose a quantity from 1 to ${MAX_LINE_QUANTITY}.`;
    case 'CART_LINE_LIMIT':
      return `Your cart is full: it can hold up to ${MAX_CART_LINES} different items.`;
    case 'RATE_LIMITED':
      return 'Too many requests. Please wait a moment and try again.';
    default:
      return 'Something went wrong updating your cart. Please try again.';
  }
}

const regionNames = new Intl.DisplayNames([LOCALE], { type: 'region' });

/** A country's English name for its ISO code ("United States"), or the code when it has none. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** An order status as shoppers read it: `return_requested` → "Return requested". */
export function formatOrderStatus(status: string): string {
  const words = status.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
