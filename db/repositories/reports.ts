/**
 * Report reads: only the rollup tables (db/schema/reports.ts), by primary-key range on the day, never orders. A
 * two-year range reads at most 731 sales rows; the grouped reports add up the rows of the range in SQLite.
 */
import type { Db } from '@db/client';
import { reportSalesDaily } from '@db/schema';
import type { DaySpan } from '@domain/reports/range';
import type { SalesDay } from '@domain/reports/sales';
import { and, asc, gte, lt, sql } from 'drizzle-orm';

/** The sales rows of the days in `s`, oldest first. */
export async function readSalesDays(db: Db, s: DaySpan): Promise<SalesDay[]> {
  return db
    .select()
    .from(reportSalesDaily)
    .where(and(gte(reportSalesDaily.day, s.from), lt(reportSalesDaily.day, s.end)))
    .orderBy(asc(reportSalesDaily.day));
}

/** How products are grouped in the product report. */
export type ProductGrouping = 'product' | 'variant' | 'category';

/** One row of the product report. */
export interface ProductSales {
  key: string;
  name: string;
  units: number;
  gross: number;
  discounts: number;
  refundedUnits: number;
  refunded: number;
  /** gross − discounts − refunded. */
  net: number;
}

const GROUP_KEY: Record<ProductGrouping, ReturnType<typeof sql>> = {
  variant: sql`r.sku`,
  product: sql`coalesce(r.product_id, r.sku)`,
  category: sql`coalesce(p.category_id, '')`,
};
const GROUP_NAME: Record<ProductGrouping, ReturnType<typeof sql>> = {
  variant: sql`coalesce(max(p.name) || ' · ' || r.sku, r.sku)`,
  product: sql`coalesce(max(p.name), r.sku)`,
  category: sql`coalesce(max(c.name), 'No category')`,
};

/** Best sellers in `s` grouped by product, variant or category, by units or by net revenue, at most `limit`. */
export async function readProductSales(
  db: Db,
  s: DaySpan,
  group: ProductGrouping,
  by: 'units' | 'net',
  limit: number,
): Promise<ProductSales[]> {
  const order = by === 'units' ? sql`units DESC, net DESC` : sql`net DESC, units DESC`;
  const rows = await db.all<{
    key: string;
    name: string;
    units: number;
    gross: number;
    discounts: number;
    refundedUnits: number;
    refunded: number;
  }>(sql`
    SELECT ${GROUP_KEY[group]} AS key, ${GROUP_NAME[group]} AS name, sum(r.units) AS units, sum(r.gross) AS gross,
      sum(r.discounts) AS discounts, sum(r.refunded_units) AS refundedUnits, sum(r.refunded) AS refunded,
      sum(r.gross) - sum(r.discounts) - sum(r.refunded) AS net
    FROM report_product_daily r
    LEFT JOIN products p ON p.id = r.product_id
    LEFT JOIN categories c ON c.id = p.category_id
    WHERE r.day >= ${s.from} AND r.day < ${s.end}
    GROUP BY 1 ORDER BY ${order}, key LIMIT ${limit}`);
  return rows.map((r) => {
    const [gross, discounts, refunded] = [Number(r.gross), Number(r.discounts), Number(r.refunded)];
    return {
      key: r.key,
      name: r.name,
      units: Number(r.units),
      gross,
      discounts,
      refundedUnits: Number(r.refundedUnits),
      refunded,
      net: gross - discounts - refunded,
    };
  });
}

/** Orders and revenue per destination in `s`: by country, or by country and region. */
export async function readCountrySales(
  db: Db,
  s: DaySpan,
  byRegion: boolean,
  limit: number,
): Promise<{ country: string; region: string; orders: number; net: number; total: number }[]> {
  const region = byRegion ? sql`region` : sql`''`;
  const rows = await db.all<{
    country: string;
    region: string;
    orders: number;
    net: number;
    total: number;
  }>(sql`
    SELECT country, ${region} AS region, sum(orders) AS orders, sum(net) AS net, sum(total) AS total
    FROM report_country_daily WHERE day >= ${s.from} AND day < ${s.end}
    GROUP BY 1, 2 ORDER BY net DESC, orders DESC, 1, 2 LIMIT ${limit}`);
  return rows.map((r) => ({ ...r, orders: Number(r.orders), net: Number(r.net), total: Number(r.total) }));
}

/** Uses, discount given and revenue per promotion and code in `s`, most used first. */
export async function readPromotionSales(
  db: Db,
  s: DaySpan,
  limit: number,
): Promise<
  { promotionId: string; name: string; code: string; uses: number; discount: number; revenue: number }[]
> {
  const rows = await db.all<{
    promotionId: string;
    name: string | null;
    code: string;
    uses: number;
    discount: number;
    revenue: number;
  }>(sql`
    SELECT r.promotion_id AS promotionId, max(p.name) AS name, r.code AS code, sum(r.uses) AS uses,
      sum(r.discount) AS discount, sum(r.revenue) AS revenue
    FROM report_promotion_daily r LEFT JOIN promotions p ON p.id = r.promotion_id
    WHERE r.day >= ${s.from} AND r.day < ${s.end}
    GROUP BY 1, 3 HAVING sum(r.uses) <> 0 ORDER BY uses DESC, discount DESC, 1, 3 LIMIT ${limit}`);
  return rows.map((r) => ({
    ...r,
    name: r.name ?? 'Deleted promotion',
    uses: Number(r.uses),
    discount: Number(r.discount),
    revenue: Number(r.revenue),
  }));
}
