/**
 * Reads behind stock cover (domain/reports/stock-cover.ts): units sold net of refunds per SKU over a window of local
 * days, from report_product_daily by a primary-key range on the day (never orders), and available units from the D1
 * mirror of the StockDOs: `inventory_levels.on_hand` (what the back office's product page shows) less the units
 * reserved after the last movement mirrored (`stock_movements` at `(sku, ledger_seq)`, a unique-index lookup).
 */
import type { Db } from '@db/client';
import type { DaySpan } from '@domain/reports/range';
import { sql } from 'drizzle-orm';

/** A SKU's stock and recent sales. */
export interface SkuStock {
  sku: string;
  productId: string | null;
  /** "Product · SKU", or the SKU when the product is gone. */
  name: string;
  /** Null when the SKU has no inventory row (a product deleted since it sold). */
  available: number | null;
  /** Units sold less units refunded in the window. */
  netUnits: number;
}

const AVAILABLE = sql`max(l.on_hand - coalesce(m.reserved_after, 0), 0)`;

/** Every SKU that sold (net of refunds) in `s`, with its available units. */
export async function readRecentSkuStock(db: Db, s: DaySpan): Promise<SkuStock[]> {
  const rows = await db.all<SkuStock>(sql`
    SELECT r.sku AS sku, r.productId AS productId, coalesce(p.name || ' · ' || r.sku, r.sku) AS name,
      ${AVAILABLE} AS available, r.netUnits AS netUnits
    FROM (
      SELECT sku, max(product_id) AS productId, sum(units) - sum(refunded_units) AS netUnits
      FROM report_product_daily WHERE day >= ${s.from} AND day < ${s.end}
      GROUP BY sku HAVING netUnits > 0
    ) r
    LEFT JOIN products p ON p.id = r.productId
    LEFT JOIN inventory_levels l ON l.sku = r.sku
    LEFT JOIN stock_movements m ON m.sku = l.sku AND m.seq = l.ledger_seq`);
  return rows.map((r) => ({
    ...r,
    available: r.available === null ? null : Number(r.available),
    netUnits: Number(r.netUnits),
  }));
}

/** Available units of the given SKUs and of every SKU of the given products (SKUs without a row are left out). */
export async function readAvailable(
  db: Db,
  of: { skus: readonly string[]; productIds: readonly string[] },
): Promise<{ sku: string; productId: string | null; available: number }[]> {
  if (of.skus.length === 0 && of.productIds.length === 0) return [];
  // Two indexed lookups (inventory_levels by key, product_variants by product) joined by UNION, not one OR.
  const rows = await db.all<{ sku: string; productId: string | null; available: number }>(sql`
    SELECT l.sku AS sku, v.product_id AS productId, ${AVAILABLE} AS available
    FROM inventory_levels l
    LEFT JOIN product_variants v ON v.sku = l.sku
    LEFT JOIN stock_movements m ON m.sku = l.sku AND m.seq = l.ledger_seq
    WHERE l.sku IN (SELECT value FROM json_each(${JSON.stringify(of.skus)}))
    UNION
    SELECT l.sku, v.product_id, ${AVAILABLE}
    FROM product_variants v
    JOIN inventory_levels l ON l.sku = v.sku
    LEFT JOIN stock_movements m ON m.sku = l.sku AND m.seq = l.ledger_seq
    WHERE v.product_id IN (SELECT value FROM json_each(${JSON.stringify(of.productIds)}))`);
  return rows.map((r) => ({ ...r, available: Number(r.available) }));
}
