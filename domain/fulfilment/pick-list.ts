/** The pick list: one walk through the warehouse for several orders, each SKU once, in bin order. */
import { compareBins } from './bins';

/** An order line as the pick list needs it (the warehouse queue's line). */
export interface PickSourceLine {
  lineId: string;
  sku: string;
  name: string;
  variantLabel: string | null;
  quantity: number;
  shipped: number;
  picked: number;
  binLocation: string | null;
  barcode: string | null;
}

/** An order as the pick list needs it. */
export interface PickSourceOrder {
  id: string;
  number: string;
  lines: readonly PickSourceLine[];
}

/** One order's share of a pick line: the units this order needs and how many of them are picked. */
export interface PickShare {
  orderId: string;
  orderNumber: string;
  lineId: string;
  needed: number;
  picked: number;
}

/** One stop on the walk: a SKU, how many units to take in all, and how they split across the orders. */
export interface PickLine {
  sku: string;
  name: string;
  variantLabel: string | null;
  binLocation: string | null;
  barcode: string | null;
  needed: number;
  picked: number;
  shares: PickShare[];
}

/**
 * Batches `orders` into a pick list: lines aggregated by SKU across orders (each order's own quantity kept in
 * `shares`, in the order the orders were given), only units still to ship counted, lines with nothing left to ship
 * left out, sorted by bin naturally ("A-2" before "A-10"), lines without a bin last, ties by SKU.
 */
export function buildPickList(orders: readonly PickSourceOrder[]): PickLine[] {
  const bySku = new Map<string, PickLine>();
  for (const order of orders) {
    for (const line of order.lines) {
      const needed = Math.max(0, line.quantity - line.shipped);
      if (needed === 0) continue;
      const picked = Math.min(Math.max(0, line.picked), needed);
      let entry = bySku.get(line.sku);
      if (!entry) {
        entry = {
          sku: line.sku,
          name: line.name,
          variantLabel: line.variantLabel,
          binLocation: line.binLocation,
          barcode: line.barcode,
          needed: 0,
          picked: 0,
          shares: [],
        };
        bySku.set(line.sku, entry);
      }
      // A variant has one bin; an order placed before the bin was set may lack it, so the first known one wins.
      entry.binLocation ??= line.binLocation;
      entry.barcode ??= line.barcode;
      entry.needed += needed;
      entry.picked += picked;
      entry.shares.push({
        orderId: order.id,
        orderNumber: order.number,
        lineId: line.lineId,
        needed,
        picked,
      });
    }
  }
  return [...bySku.values()].sort(
    (a, b) => compareBins(a.binLocation, b.binLocation) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0),
  );
}

/**
 * The SKU a scanned or typed code stands for: a line's barcode or its SKU (case-insensitive, spaces trimmed), or
 * undefined when no line on the list matches.
 */
export function matchScannedCode(lines: readonly PickLine[], code: string): PickLine | undefined {
  const wanted = code.trim().toUpperCase();
  if (!wanted) return undefined;
  return (
    lines.find((l) => l.barcode !== null && l.barcode.toUpperCase() === wanted) ??
    lines.find((l) => l.sku.toUpperCase() === wanted)
  );
}

/**
 * Confirms one more unit of a pick line: the first order (in list order) still short of this SKU gets it. The
 * shares' new picked counts per order line, or undefined when every unit is already picked.
 */
export function pickOneUnit(line: PickLine): { orderId: string; lineId: string; picked: number } | undefined {
  const share = line.shares.find((s) => s.picked < s.needed);
  return share && { orderId: share.orderId, lineId: share.lineId, picked: share.picked + 1 };
}
