/** Decimal prices in a CSV cell ("19.99") to integer minor units and back, exactly (no floats). */
import { minorUnitsOf } from '@domain/pricing/money';

/** Highest price a cell may hold, in major units (ten million). */
export const MAX_CSV_PRICE_MAJOR = 10_000_000;

export type PriceParse = { ok: true; amount: number } | { ok: false; message: string };

/** "19.99" in USD → 1999; refuses signs, exponents, thousands separators and more decimals than the currency has. */
export function parseCsvPrice(text: string, currency: string): PriceParse {
  const digits = minorUnitsOf(currency);
  const s = text.trim();
  if (s.startsWith('-')) return { ok: false, message: 'must not be negative' };
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m)
    return {
      ok: false,
      message: `must be a decimal number such as ${digits ? `19.${'9'.repeat(digits)}` : '1999'}`,
    };
  const [, whole, fraction = ''] = m;
  if (fraction.length > digits) {
    return {
      ok: false,
      message: digits
        ? `has more than ${digits} decimals (${currency})`
        : `must be a whole number (${currency})`,
    };
  }
  const major = Number(whole);
  if (major > MAX_CSV_PRICE_MAJOR || (major === MAX_CSV_PRICE_MAJOR && /[1-9]/.test(fraction))) {
    return { ok: false, message: `must be at most ${MAX_CSV_PRICE_MAJOR}` };
  }
  return { ok: true, amount: major * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0') };
}

/** 1999 in USD → "19.99"; 500 in JPY → "500". */
export function formatCsvPrice(amount: number, currency: string): string {
  const digits = minorUnitsOf(currency);
  if (digits === 0) return String(amount);
  const s = String(amount).padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}
