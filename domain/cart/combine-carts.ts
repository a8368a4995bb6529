/**
 * A guest cart joining the account's cart at login. Nothing is lost and nothing doubles: a SKU in both carts gets
 * the sum of its quantities, a SKU only in the guest cart is added, every line is capped at MAX_LINE_QUANTITY and
 * at what is in stock now, and lines beyond MAX_CART_LINES are left out (and reported). Pure.
 */
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from './limits';

export interface QuantityLine {
  sku: string;
  quantity: number;
}

export interface CombinedCart {
  /** The account cart's new quantity for every SKU the guest cart touched (only lines that change). */
  changes: QuantityLine[];
  /** Guest SKUs left out: out of stock, or no room for another line. */
  dropped: string[];
}

/** `available(sku)`: units in stock now (0 for an unknown SKU). */
export function combineCarts(
  account: readonly QuantityLine[],
  guest: readonly QuantityLine[],
  available: (sku: string) => number,
): CombinedCart {
  const current = new Map(account.map((l) => [l.sku, l.quantity]));
  let lineCount = current.size;
  const changes: QuantityLine[] = [];
  const dropped: string[] = [];
  for (const line of guest) {
    const had = current.get(line.sku);
    if (had === undefined && lineCount >= MAX_CART_LINES) {
      dropped.push(line.sku);
      continue;
    }
    const target = Math.min((had ?? 0) + line.quantity, MAX_LINE_QUANTITY, Math.max(0, available(line.sku)));
    if (target <= 0) {
      if (had === undefined) dropped.push(line.sku);
      continue;
    }
    if (had === undefined) lineCount += 1;
    if (target !== had) changes.push({ sku: line.sku, quantity: target });
  }
  return { changes, dropped };
}
