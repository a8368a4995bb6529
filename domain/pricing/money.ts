/** Money as integer minor units + ISO 4217 currency, with exact arithmetic and the platform's one rounding rule. */
import { z } from 'zod';

/**
 * An amount of money. `amount` is an integer count of the currency's minor units
 * (cents for USD, yen for JPY); floats never appear.
 */
export type Money = { amount: number; currency: string };

/**
 * Currencies the platform accepts and their minor-unit exponent (ISO 4217).
 * Only listed currencies are valid: an unknown one would make minor units ambiguous.
 */
export const CURRENCY_MINOR_UNITS = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  MXN: 2,
  BRL: 2,
  INR: 2,
  SGD: 2,
  HKD: 2,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  BHD: 3,
} as const satisfies Record<string, number>;

/** A currency code the platform supports. */
export type CurrencyCode = keyof typeof CURRENCY_MINOR_UNITS;

/** True when `code` is a supported ISO 4217 code (exact, upper case). */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.hasOwn(CURRENCY_MINOR_UNITS, code);
}

/** Minor-unit exponent of a supported currency (2 for USD, 0 for JPY). Throws for an unknown code. */
export function minorUnitsOf(currency: string): number {
  if (!isCurrencyCode(currency)) throw new RangeError(`unsupported currency: ${currency}`);
  return CURRENCY_MINOR_UNITS[currency];
}

/*
 * Error policy: arithmetic helpers THROW on misuse (non-integer amounts, unknown or mixed
 * currencies, overflow). By the time values reach them they have passed the zod schemas
 * below and the cart/promotion rules, which report currency mismatches as Result values
 * (CURRENCY_MISMATCH / PROMOTION_NOT_APPLICABLE). So a throw here is a bug, never user input.
 */

function assertSafe(amount: number): void {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`money amount must be a safe integer, got ${amount}`);
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new TypeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

/** Builds a Money value; throws if `amount` is not a safe integer or the currency is unsupported. */
export function money(amount: number, currency: string): Money {
  assertSafe(amount);
  minorUnitsOf(currency);
  // -0 would print as "0" but compare oddly in Object.is-based test matchers.
  return { amount: amount === 0 ? 0 : amount, currency };
}

/** Zero in `currency`. */
export const zeroMoney = (currency: string): Money => money(0, currency);

/** a + b; both must share a currency. */
export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

/** a - b; both must share a currency. The result may be negative. */
export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/** m × qty for an integer quantity (a line total). */
export function multiplyMoney(m: Money, qty: number): Money {
  if (!Number.isSafeInteger(qty)) throw new RangeError(`quantity must be an integer, got ${qty}`);
  return money(m.amount * qty, m.currency);
}

/** Sum of `list`, all in `currency`; an empty list is zero. */
export function sumMoney(list: readonly Money[], currency: string): Money {
  let total = zeroMoney(currency);
  for (const m of list) total = addMoney(total, m);
  return total;
}

/** Negative, zero or positive as a < b, a = b, a > b (same currency). */
export function compareMoney(a: Money, b: Money): number {
  assertSameCurrency(a, b);
  return Math.sign(a.amount - b.amount);
}

/** The smaller of a and b (same currency). */
export const minMoney = (a: Money, b: Money): Money => (compareMoney(a, b) <= 0 ? a : b);

/** n / d rounded half to even; d > 0. BigInt keeps it exact for any safe amount × rate. */
function divideHalfEven(n: bigint, d: bigint): bigint {
  const q = n / d; // truncates toward zero
  const r = n - q * d;
  const twice = 2n * (r < 0n ? -r : r);
  if (twice < d) return q;
  const away = n < 0n ? q - 1n : q + 1n;
  if (twice > d) return away;
  return q % 2n === 0n ? q : away; // exact half: pick the even neighbour
}

/** divideHalfEven for a safe-integer n and a small positive d, in numbers: `%` and the division below are exact. */
function divideHalfEvenSmall(n: number, d: number): number {
  const r = n % d; // same sign as n
  const q = (n - r) / d;
  const twice = 2 * Math.abs(r);
  if (twice < d) return q;
  const away = n < 0 ? q - 1 : q + 1;
  if (twice > d) return away;
  return q % 2 === 0 ? q : away;
}

/**
 * `basisPoints`/10000 of `m` (725 bps = 7.25%), rounded half to even ("banker's rounding"):
 * exact halves go to the even minor unit, so over many orders rounding neither favours
 * the shop nor the customer. This is the single rounding rule for tax and percentage discounts.
 */
export function percentOf(m: Money, basisPoints: number): Money {
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) {
    throw new RangeError(`basis points must be a non-negative integer, got ${basisPoints}`);
  }
  // Exact in plain numbers while the product stays a safe integer (every real price): promotions call this per
  // promotion and line, and BigInt is an order of magnitude slower. Larger products take the BigInt path.
  const product = m.amount * basisPoints;
  if (Number.isSafeInteger(product)) return money(divideHalfEvenSmall(product, 10_000), m.currency);
  const result = divideHalfEven(BigInt(m.amount) * BigInt(basisPoints), 10_000n);
  return money(Number(result), m.currency);
}

/**
 * Splits `m` across parts in proportion to non-negative integer `weights` (e.g. a discount across
 * line totals). Largest-remainder method: each part gets its floor share, and leftover minor units
 * go one by one to the parts with the largest remainders (earlier part wins a tie), so the parts
 * always sum exactly to `m`. All-zero weights split evenly.
 */
export function allocate(m: Money, weights: readonly number[]): Money[] {
  minorUnitsOf(m.currency);
  return allocateAmounts(m.amount, weights).map((amount) => ({
    amount: amount === 0 ? 0 : amount,
    currency: m.currency,
  }));
}

/** allocate in minor units, for callers that split many amounts (promotions) and need no Money objects. */
export function allocateAmounts(amount: number, weights: readonly number[]): number[] {
  assertSafe(amount);
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  let weightSum = 0;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0)
      throw new RangeError(`weights must be non-negative integers, got ${w}`);
    weightSum += w;
  }
  const even = weightSum === 0;
  if (even) weightSum = weights.length;
  // Allocate the magnitude and restore the sign, so negative amounts split symmetrically.
  const sign = amount < 0 ? -1 : 1;
  // Plain numbers are exact while |amount| × the weights' sum is a safe integer (always, for a cart); else BigInt.
  if (Number.isSafeInteger(Math.abs(amount) * weightSum)) {
    return allocateSmall(Math.abs(amount), even ? weights.map(() => 1) : weights, weightSum).map(
      (f) => sign * f,
    );
  }
  const ws = even ? weights.map(() => 1n) : weights.map(BigInt);
  const total = ws.reduce((a, b) => a + b, 0n);
  const abs = BigInt(Math.abs(amount));
  const floors = ws.map((w) => (abs * w) / total);
  const remainders = ws.map((w, i) => ({ i, r: abs * w - floors[i]! * total }));
  let left = abs - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    floors[i]! += 1n;
    left -= 1n;
  }
  return floors.map((f) => sign * Number(f));
}

/** The largest-remainder split of a non-negative `abs` in numbers, for abs × total within the safe-integer range. */
function allocateSmall(abs: number, ws: readonly number[], total: number): number[] {
  const floors = new Array<number>(ws.length);
  const remainders = new Array<number>(ws.length);
  let left = abs;
  for (let i = 0; i < ws.length; i++) {
    const n = abs * ws[i]!;
    remainders[i] = n % total;
    floors[i] = (n - remainders[i]!) / total;
    left -= floors[i]!;
  }
  if (left > 0) {
    const order = ws.map((_, i) => i).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
    for (let k = 0; k < left; k++) floors[order[k]!]! += 1;
  }
  return floors;
}

/**
 * Plain decimal string of `m` in major units ("1999 USD" → "19.99"), exact, for logs and error
 * sentences. Shoppers see prices formatted with Intl.NumberFormat in the UI, not this.
 */
export function toDecimalString(m: Money): string {
  const digits = minorUnitsOf(m.currency);
  const abs = Math.abs(m.amount)
    .toString()
    .padStart(digits + 1, '0');
  const sign = m.amount < 0 ? '-' : '';
  if (digits === 0) return sign + abs;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** Zod schema for a supported currency code. */
export const CurrencySchema = z
  .string()
  // `: boolean` stops TS inferring a type guard, so the output stays `string` and matches Money.
  .refine((code): boolean => isCurrencyCode(code), {
    message: 'Unsupported currency (ISO 4217 code expected)',
  });

/**
 * Zod schema for Money at the API edge: a non-negative safe integer of minor units and a
 * supported currency. Prices, totals and discounts are never negative on the wire.
 */
export const MoneySchema = z
  .object({
    amount: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    currency: CurrencySchema,
  })
  .strict();
