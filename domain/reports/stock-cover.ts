/**
 * Stock cover: how many days a SKU's available units last at its recent sales rate, so low stock is seen before it
 * runs out. Pure: the caller reads net units sold over the window (report_product_daily) and available units.
 */

/** Days of sales the rate is measured over: the last 28 local days up to and including today. */
export const COVER_WINDOW_DAYS = 28;
/** Below this many days of cover a SKU is "running low". */
export const LOW_COVER_DAYS = 14;
/** Most SKUs the "Running low" list shows. */
export const RUNNING_LOW_ROWS = 20;

/** Units sold per day: units net of refunded units over `days` (never negative). */
export function salesRate(netUnits: number, days = COVER_WINDOW_DAYS): number {
  return days > 0 && netUnits > 0 ? netUnits / days : 0;
}

/**
 * Days of cover: available ÷ daily rate, to one decimal, rounded down (so 13.97 days is 13.9, still "running low");
 * null when nothing sold in the window (no rate, no forecast). Negative available counts as none.
 */
export function stockCover(available: number, netUnits: number, days = COVER_WINDOW_DAYS): number | null {
  if (salesRate(netUnits, days) === 0) return null;
  // available × days ÷ units rather than ÷ rate: exact for whole numbers (13 units at 26 in 28 days is 14.0, not 13.9).
  return Math.floor((Math.max(0, available) * days * 10) / netUnits) / 10;
}

/**
 * A product's cover: the smallest cover of its SKUs that sold (it starts running out when its first variant does,
 * for the customer who wants that one); null when none of them sold.
 */
export function productCover(variants: readonly { available: number; netUnits: number }[]): number | null {
  let least: number | null = null;
  for (const v of variants) {
    const cover = stockCover(v.available, v.netUnits);
    if (cover !== null && (least === null || cover < least)) least = cover;
  }
  return least;
}

/** SKUs with cover below `LOW_COVER_DAYS`, least cover first (then by SKU), at most `limit`. */
export function runningLow<T extends { sku: string; available: number; netUnits: number }>(
  skus: readonly T[],
  limit = RUNNING_LOW_ROWS,
): (T & { cover: number; rate: number })[] {
  return skus
    .map((s) => ({ ...s, cover: stockCover(s.available, s.netUnits), rate: salesRate(s.netUnits) }))
    .filter((s): s is T & { cover: number; rate: number } => s.cover !== null && s.cover < LOW_COVER_DAYS)
    .sort((a, b) => a.cover - b.cover || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
    .slice(0, limit);
}
