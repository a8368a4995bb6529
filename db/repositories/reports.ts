/**
 * Report reads: only the rollup tables (db/schema/reports.ts), by primary-key range, never orders. A two-year range
 * reads at most 731 sales rows; the grouped reports add up, in SQLite, the monthly rows of the whole months in the
 * range and the daily rows of the days around them. The lifetime customer figures read report_customer_totals by
 * its indexes (a walk of the top N, a count).
 */
import type { Db } from '@db/client';
import { reportSalesDaily } from '@db/schema';
import { type DaySpan, type Grain, type RunningMark, runningParts, spanParts } from '@domain/reports/range';
import type { SalesDay } from '@domain/reports/sales';
import { monthOf, nextMonth } from '@domain/reports/time-zone';
import { and, asc, gte, lt, type SQL, sql } from 'drizzle-orm';
import { CATEGORY_KEY } from './report-running';

/** A rollup with a daily table and a monthly one (db/schema/reports.ts). */
type SplitRollup = 'product' | 'country' | 'traffic';

/**
 * The rows of rollup `kind` covering `s`, as one source for a FROM: the whole months from the monthly table and the
 * days around them from the daily one (spanParts), each branch narrowed by `where` and reading `columns`.
 */
function spanRows(kind: SplitRollup, s: DaySpan, columns: SQL, where: SQL = sql`1`): SQL {
  const { days, months } = spanParts(s);
  const daily = sql.raw(`report_${kind}_daily`);
  const branches = days.map(
    (d) => sql`SELECT ${columns} FROM ${daily} WHERE day >= ${d.from} AND day < ${d.end} AND ${where}`,
  );
  if (months) {
    branches.push(sql`SELECT ${columns} FROM ${sql.raw(`report_${kind}_monthly`)}
      WHERE month >= ${months.from} AND month < ${months.end} AND ${where}`);
  }
  return sql.join(branches, sql` UNION ALL `);
}

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

/** What the rows are added up by: SKU, product, or the product's category now (as the running totals' grains). */
const SUM_KEY: Record<ProductGrouping, SQL> = {
  variant: sql`sku`,
  product: sql`coalesce(product_id, sku)`,
  category: sql.raw(CATEGORY_KEY),
};
const GRAIN = { variant: 'sku', product: 'product', category: 'category' } as const;
const ROW_NAME: Record<'variant' | 'product', SQL> = {
  variant: sql`coalesce(p.name || ' · ' || t.key, t.key)`,
  product: sql`coalesce(p.name, t.key)`,
};

/** Fewest folded days a range needs before the product report reads running totals (about 2,700 SKU rows a day). */
const PRODUCT_RUNNING_MIN_DAYS = 15;
/** The same for categories: a few dozen keys, so two seeks each beat a single day's rows. */
const CATEGORY_RUNNING_MIN_DAYS = 1;
/** The same for traffic, whose few thousand values are far fewer than a day's rows times the days. */
const TRAFFIC_RUNNING_MIN_DAYS = 2;

/** A pair of running-total tables (db/repositories/report-running.ts) and their key columns. */
interface RunningTables {
  running: string;
  totals: string;
  key: string[];
}

/**
 * The running totals of each key over [from, end) (runningParts' folded part): the key's totals row, or its last
 * running row before `end`, less its last running row before `from` (none: nothing before), two index seeks per key;
 * with the key columns and `carried` columns of the totals row. Keys of `where` only (on the totals row `t`).
 */
function runningDifference(
  tables: RunningTables,
  folded: { from: string; end: string; atTotals: boolean },
  columns: { carried: string[]; summed: string[] },
  where: SQL,
): SQL {
  const lastBefore = (alias: string, day: string) => {
    const join = tables.key.map((k) => `${alias}.${k} = t.${k}`).join(' AND ');
    const same = tables.key.map((k) => `x.${k} = t.${k}`).join(' AND ');
    return sql`${sql.raw(join)} AND ${sql.raw(alias)}.day = (SELECT max(x.day) FROM ${sql.raw(tables.running)} x
      WHERE ${sql.raw(same)} AND x.day < ${day})`;
  };
  const end = folded.atTotals ? 't' : 'e';
  const selected = [
    ...tables.key.concat(columns.carried).map((c) => `t.${c}`),
    ...columns.summed.map((c) => `${end}.${c} - coalesce(s.${c}, 0) AS ${c}`),
  ];
  // CROSS JOIN keeps the totals the outer loop (SQLite does not reorder it): with the key's first column fixed on
  // both, the planner would otherwise walk every running row of that grain or dimension (seconds, not milliseconds).
  return sql`SELECT ${sql.raw(selected.join(', '))} FROM ${sql.raw(tables.totals)} t
    ${folded.atTotals ? sql`` : sql`CROSS JOIN ${sql.raw(tables.running)} e ON ${lastBefore('e', folded.end)}`}
    LEFT JOIN ${sql.raw(tables.running)} s ON ${lastBefore('s', folded.from)}
    WHERE ${where}`;
}

/** No running totals: every range is added up from the rollups. */
const NOT_FOLDED: RunningMark = { through: null, totalsThrough: null };

const PRODUCT_COLUMNS = ['units', 'gross', 'discounts', 'refunded_units', 'refunded'];

/**
 * Each key's sales in `s` as rows (key, product_id, units, gross, discounts, refunded_units, refunded), more than
 * one per key: the folded part from the running totals, the rest from the daily and monthly rollups.
 */
function productRows(s: DaySpan, group: ProductGrouping, mark: RunningMark, keys?: readonly string[]): SQL {
  const minDays = group === 'category' ? CATEGORY_RUNNING_MIN_DAYS : PRODUCT_RUNNING_MIN_DAYS;
  const { folded, rest } = runningParts(s, mark, minDays);
  // Only some keys (SKUs, or products): each is two seeks in the running totals.
  const only = (column: SQL) =>
    keys ? sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(keys)}))` : sql`1`;
  const parts: SQL[] = [];
  if (folded) {
    const tables = {
      running: 'report_product_running',
      totals: 'report_product_totals',
      key: ['grain', 'key'],
    };
    const columns = { carried: ['product_id'], summed: PRODUCT_COLUMNS };
    const where = sql`t.grain = ${GRAIN[group]} AND ${only(sql`t.key`)}`;
    parts.push(sql`SELECT key, product_id, ${sql.raw(PRODUCT_COLUMNS.join(', '))}
      FROM (${runningDifference(tables, folded, columns, where)})`);
  }
  if (rest) {
    const values = sql.raw(PRODUCT_COLUMNS.join(', '));
    const daily = spanRows('product', rest, sql`sku, product_id, ${values}`, only(SUM_KEY[group]));
    // Categories: rows are added up by product first, so a product's category is looked up once, not per row.
    parts.push(
      group === 'category'
        ? sql`SELECT ${SUM_KEY.category} AS key, product_id, ${values} FROM (
            SELECT max(product_id) AS product_id, ${sql.raw(PRODUCT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', '))}
            FROM (${spanRows('product', rest, sql`sku, product_id, ${values}`)}) GROUP BY coalesce(product_id, sku))
            WHERE ${only(SUM_KEY.category)}`
        : sql`SELECT ${SUM_KEY[group]} AS key, product_id, ${values} FROM (${daily})`,
    );
  }
  return sql.join(parts, sql` UNION ALL `);
}

/** Keys whose exact figures are computed before the others are ruled out, per row listed. */
const CANDIDATES_PER_ROW = 10;

/**
 * Most calendar months whose own best sellers (report_product_monthly by SKU, report_product_monthly_products by
 * product, both indexed by units and by gross) a list takes its candidates from; longer ranges take the best sellers
 * of all time. Over a month or a quarter, the months' best sellers match the range's far better than all time does.
 */
const MONTHLY_CANDIDATE_MONTHS = 4;

/**
 * The keys that can be best sellers in `s`, when part of it is read from the running totals, and `others`, a bound
 * on the units (or gross sales, which bound net sales) of every other key in the range. A day's units and gross are
 * never negative, so a key's figures over some days are at most its figures over more days:
 * - a range over a few months: each month's `limit` × CANDIDATES_PER_ROW best SKUs or products; a key in none of
 *   the lists sold at most the next key of each list in its month (the sum of those);
 * - otherwise the keys with the largest totals (every folded day); any other key sold at most the next one's totals;
 * plus, for either, the most any key sold in the range after the mark. Null when nothing is folded.
 */
async function bestSellerCandidates(
  db: Db,
  s: DaySpan,
  group: 'product' | 'variant',
  by: 'units' | 'net',
  limit: number,
  mark: RunningMark,
): Promise<{ keys: string[]; others: number } | null> {
  const { folded, rest } = runningParts(s, mark, PRODUCT_RUNNING_MIN_DAYS);
  if (!folded) return null;
  const bound = sql.raw(by === 'units' ? 'units' : 'gross');
  const n = limit * CANDIDATES_PER_ROW;
  const months = monthsOf(folded.from, folded.end);
  const monthly = sql.raw(group === 'variant' ? 'report_product_monthly' : 'report_product_monthly_products');
  const key = sql.raw(group === 'variant' ? 'sku' : 'key');
  const lists =
    months.length <= MONTHLY_CANDIDATE_MONTHS
      ? months.map(
          (m) => sql`SELECT * FROM (SELECT ${m} AS list, ${key} AS key, ${bound} AS bound
            FROM ${monthly} WHERE month = ${m} ORDER BY ${bound} DESC, ${key} LIMIT ${n + 1})`,
        )
      : [
          sql`SELECT * FROM (SELECT '' AS list, key, ${bound} AS bound FROM report_product_totals
            WHERE grain = ${GRAIN[group]} ORDER BY ${bound} DESC, key LIMIT ${n + 1})`,
        ];
  // The most any key sold after the mark (today): added to every bound.
  const sinceMark = rest
    ? sql`(SELECT max(v) FROM (SELECT sum(${bound}) AS v
        FROM (${spanRows('product', rest, sql`sku, product_id, units, gross`)}) GROUP BY ${SUM_KEY[group]}))`
    : sql`0`;
  // One row back, not every list's rows: D1 hands rows to the Worker at a few microseconds each.
  const [chosen] = await db.all<{ keys: string; others: number | null; sinceMark: number | null }>(sql`
    WITH ranked AS (SELECT key, bound, row_number() OVER (PARTITION BY list ORDER BY bound DESC, key) AS rank
      FROM (${sql.join(lists, sql` UNION ALL `)}))
    SELECT (SELECT json_group_array(DISTINCT key) FROM ranked WHERE rank <= ${n}) AS keys,
      (SELECT sum(bound) FROM ranked WHERE rank = ${n + 1}) AS others, ${sinceMark} AS sinceMark`);
  const keys = JSON.parse(chosen?.keys ?? '[]') as string[];
  // Each list's next key bounds every key the list left out.
  const others = Math.max(0, Number(chosen?.others ?? 0)) + Math.max(0, Number(chosen?.sinceMark ?? 0));
  return { keys, others };
}

/** The calendar months ('YYYY-MM') holding the days of [from, end). */
function monthsOf(from: string, end: string): string[] {
  const months: string[] = [];
  for (let m = monthOf(from); m < end; m = nextMonth(m)) months.push(m.slice(0, 7));
  return months;
}

/**
 * Best sellers in `s` grouped by product, variant or category, by units or by net revenue, at most `limit`. The
 * rows are added up by SKU or product first and only the rows listed are joined to their names: a join per rollup
 * row would cost as much again as the sum. `mark`: where the running totals stand (see productRows).
 */
export async function readProductSales(
  db: Db,
  s: DaySpan,
  group: ProductGrouping,
  by: 'units' | 'net',
  limit: number,
  mark: RunningMark = NOT_FOLDED,
): Promise<ProductSales[]> {
  const candidates = group === 'category' ? null : await bestSellerCandidates(db, s, group, by, limit, mark);
  if (candidates) {
    const rows = await sumProductSales(db, s, group, by, limit, mark, candidates.keys);
    const last = rows.length === limit ? rows[limit - 1]! : null;
    // Exact when no other key can reach the last row listed: their bound is at most `candidates.others`.
    if (last && candidates.others < (by === 'units' ? last.units : last.net)) return rows;
  }
  return sumProductSales(db, s, group, by, limit, mark);
}

/**
 * A page of a full export: the sales in `s` of each of `keys` that sold (every category when `keys` is omitted), in
 * key order. `mark`: where the running totals stand (see productRows).
 */
export function readProductSalesPage(
  db: Db,
  s: DaySpan,
  group: ProductGrouping,
  mark: RunningMark,
  keys?: readonly string[],
): Promise<ProductSales[]> {
  return sumProductSales(db, s, group, 'key', keys ? keys.length : EXPORT_CATEGORY_LIMIT, mark, keys);
}

/** Categories an export lists at most (they are a shop's few dozen; this only bounds the statement). */
const EXPORT_CATEGORY_LIMIT = 100_000;

/**
 * The keys a full export of `group` over `s` goes through, `limit` at a time after `after` (null: from the start), in
 * key order: every SKU or product in the catalogue, any that sold and is gone since (in the running totals, or in
 * the range's daily rows after `mark`, not folded yet).
 */
export async function readExportKeys(
  db: Db,
  s: DaySpan,
  group: 'product' | 'variant',
  mark: RunningMark,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await db.all<{ key: string }>(sql`SELECT key FROM (${exportKeys(s, group, mark)})
    WHERE key > ${after ?? ''} ORDER BY key LIMIT ${limit}`);
  return rows.map((r) => r.key);
}

/** How many keys a full export of `group` over `s` goes through (its progress's whole). */
export async function countExportKeys(
  db: Db,
  s: DaySpan,
  group: ProductGrouping,
  mark: RunningMark,
): Promise<number> {
  const keys = group === 'category' ? sql`SELECT id FROM categories` : exportKeys(s, group, mark);
  const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM (${keys})`);
  return Number(row?.n ?? 0);
}

function exportKeys(s: DaySpan, group: 'product' | 'variant', mark: RunningMark): SQL {
  const since = mark.through !== null && mark.through > s.from ? mark.through : s.from;
  const [catalog, grain, sold] =
    group === 'variant'
      ? [sql`SELECT sku AS key FROM product_variants`, 'sku', sql`sku`]
      : [sql`SELECT id AS key FROM products`, 'product', sql`coalesce(product_id, sku)`];
  return sql`${catalog} UNION SELECT key FROM report_product_totals WHERE grain = ${grain}
    UNION SELECT ${sold} FROM report_product_daily WHERE day >= ${since} AND day < ${s.end}`;
}

/** Best sellers in `s` added up over every key, or over `keys` only; 'key' orders them by key (exports). */
async function sumProductSales(
  db: Db,
  s: DaySpan,
  group: ProductGrouping,
  by: 'units' | 'net' | 'key',
  limit: number,
  mark: RunningMark,
  keys?: readonly string[],
): Promise<ProductSales[]> {
  const order = {
    units: sql`units DESC, net DESC, key`,
    net: sql`net DESC, units DESC, key`,
    key: sql`key`,
  }[by];
  // Keys the range did not touch sum to zero everywhere (units and refunded units only add up): they are left out.
  const summed = sql`SELECT key, max(product_id) AS product_id, sum(units) AS units,
      sum(gross) AS gross, sum(discounts) AS discounts, sum(refunded_units) AS refunded_units,
      sum(refunded) AS refunded, sum(gross) - sum(discounts) - sum(refunded) AS net
    FROM (${productRows(s, group, mark, keys)})
    GROUP BY 1 HAVING sum(units) <> 0 OR sum(refunded_units) <> 0 OR sum(gross) <> 0 OR sum(refunded) <> 0`;
  const rows = await db.all<{
    key: string;
    name: string;
    units: number;
    gross: number;
    discounts: number;
    refundedUnits: number;
    refunded: number;
  }>(
    group === 'category'
      ? sql`SELECT t.key, coalesce(c.name, 'No category') AS name, t.units, t.gross, t.discounts,
          t.refunded_units AS refundedUnits, t.refunded, t.net
        FROM (${summed} ORDER BY ${order} LIMIT ${limit}) t LEFT JOIN categories c ON c.id = t.key
        ORDER BY ${order}`
      : sql`SELECT t.key, ${ROW_NAME[group]} AS name, t.units, t.gross, t.discounts,
          t.refunded_units AS refundedUnits, t.refunded, t.net
        FROM (${summed} ORDER BY ${order} LIMIT ${limit}) t LEFT JOIN products p ON p.id = t.product_id
        ORDER BY ${order}`,
  );
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

/**
 * Units sold net of refunds in `s` for each of `skus` (stock cover's rate; a SKU with no sale in `s` is left out),
 * through the running totals where `mark` allows: two seeks per SKU instead of a row per SKU and day.
 */
export async function readNetUnits(
  db: Db,
  s: DaySpan,
  skus: readonly string[],
  mark: RunningMark = NOT_FOLDED,
): Promise<Map<string, number>> {
  if (skus.length === 0) return new Map();
  const rows = await db.all<{ sku: string; netUnits: number }>(sql`
    SELECT key AS sku, sum(units) - sum(refunded_units) AS netUnits FROM (${productRows(s, 'variant', mark, skus)})
    GROUP BY key HAVING sum(units) <> 0 OR sum(refunded_units) <> 0`);
  return new Map(rows.map((r) => [r.sku, Number(r.netUnits)]));
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
    FROM (${spanRows('country', s, sql`country, region, orders, net, total`)})
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

/** A customer among the biggest spenders of all time. */
export interface TopCustomer {
  /** The account id, or `guest:` + lower(email). */
  key: string;
  customerId: string | null;
  /** The account's name now (null for a guest). */
  name: string | null;
  /** The account's email now, else the guest's (lower-cased) email. */
  email: string;
  orders: number;
  /** gross − discounts − refunds. */
  net: number;
  total: number;
  lastOrderAt: number;
}

/** The `limit` customers with the most net spend of all time (ties by key): a walk of the net index. */
export async function readTopCustomers(db: Db, limit: number): Promise<TopCustomer[]> {
  const rows = await db.all<TopCustomer>(sql`
    SELECT t.customer_key AS key, t.customer_id AS customerId, c.name AS name, coalesce(c.email, t.email) AS email,
      t.orders AS orders, t.net AS net, t.total AS total, t.last_order_at AS lastOrderAt
    FROM report_customer_totals t LEFT JOIN customers c ON c.id = t.customer_id
    ORDER BY t.net DESC, t.customer_key LIMIT ${limit}`);
  return rows.map((r) => ({
    ...r,
    orders: Number(r.orders),
    net: Number(r.net),
    total: Number(r.total),
    lastOrderAt: Number(r.lastOrderAt),
  }));
}

/**
 * Customers of all time, their orders and how many ordered twice or more. Every row has at least one order, so
 * sum(orders) = (customers − repeat customers) + the repeat customers' orders: a count of the table plus a range of
 * the orders index, not a pass over every row (that alone took ~45 ms at 400,000 customers).
 */
export async function readCustomerAverages(
  db: Db,
): Promise<{ customers: number; orders: number; repeatCustomers: number }> {
  const [row] = await db.all<{ customers: number; repeatCustomers: number; repeatOrders: number | null }>(sql`
    SELECT (SELECT count(*) FROM report_customer_totals) AS customers, count(*) AS repeatCustomers,
      sum(orders) AS repeatOrders
    FROM report_customer_totals WHERE orders >= 2`);
  const customers = Number(row?.customers ?? 0);
  const repeatCustomers = Number(row?.repeatCustomers ?? 0);
  return {
    customers,
    orders: customers - repeatCustomers + Number(row?.repeatOrders ?? 0),
    repeatCustomers,
  };
}

/** Traffic dimensions a report lists the top values of (report_traffic_daily; 'total' is the series). */
export const TRAFFIC_DIMENSIONS = [
  'page',
  'product',
  'referrer',
  'utm_campaign',
  'utm_source',
  'device',
  'browser',
  'country',
] as const;
export type TrafficDimension = (typeof TRAFFIC_DIMENSIONS)[number];

/** bucketOf (domain/reports/range.ts) in SQL, of a `day` column: the day, its month's first day or its week's Monday. */
export function bucketSql(grain: Grain): SQL {
  if (grain === 'day') return sql`day`;
  if (grain === 'month') return sql`substr(day, 1, 7) || '-01'`;
  return sql`date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days')`;
}

/**
 * Page views and daily unique visitors per bucket of `grain` in `s` (the 'total' rows added up, as the series adds
 * them), oldest first: a two-year range by month is 25 rows to hand over, not 730.
 */
export async function readTrafficBuckets(
  db: Db,
  s: DaySpan,
  grain: Grain,
): Promise<{ bucket: string; views: number; visitors: number }[]> {
  const rows = await db.all<{ bucket: string; views: number; visitors: number }>(sql`
    SELECT ${bucketSql(grain)} AS bucket, sum(views) AS views, sum(visitors) AS visitors FROM report_traffic_daily
    WHERE day >= ${s.from} AND day < ${s.end} AND dimension = 'total' AND value = '' GROUP BY 1 ORDER BY 1`);
  return rows.map((r) => ({ bucket: r.bucket, views: Number(r.views), visitors: Number(r.visitors) }));
}

/**
 * The dimensions ranked together: page and product alone (thousands of values each, so a sort keeping `limit` rows
 * beats ranking them all), the small ones with one window. Three parts, because D1 refuses a compound SELECT of more
 * than a handful of terms ("too many terms in compound SELECT").
 */
const TRAFFIC_RANKS: readonly (readonly TrafficDimension[])[] = [
  ['page'],
  ['product'],
  TRAFFIC_DIMENSIONS.filter((d) => d !== 'page' && d !== 'product'),
];

/**
 * The top values of every dimension in `s` by views (products by name), `limit` each, in one query. The days after
 * the running mark (today) are added up once per value (`rest`), then added to the values' running totals.
 * Visitors are daily uniques added over the days: a person seen on three days counts three times.
 */
export async function readTrafficTop(
  db: Db,
  s: DaySpan,
  limit: number,
  mark: RunningMark = NOT_FOLDED,
): Promise<{ dimension: TrafficDimension; value: string; label: string; views: number; visitors: number }[]> {
  const { folded, rest } = runningParts(s, mark, TRAFFIC_RUNNING_MIN_DAYS);
  const tables = {
    running: 'report_traffic_running',
    totals: 'report_traffic_totals',
    key: ['dimension', 'value'],
  };
  const branches = TRAFFIC_RANKS.map((dimensions) => {
    const of = (column: SQL) =>
      sql`${column} IN (${sql.join(
        dimensions.map((d) => sql`${d}`),
        sql`, `,
      )})`;
    const parts: SQL[] = [];
    if (folded) {
      const columns = { carried: [], summed: ['views', 'visitors'] };
      parts.push(runningDifference(tables, folded, columns, of(sql`t.dimension`)));
    }
    if (rest) parts.push(sql`SELECT dimension, value, views, visitors FROM rest WHERE ${of(sql`dimension`)}`);
    // One row per value unless both parts are there.
    const values =
      parts.length === 1
        ? sql`SELECT dimension, value, views, visitors FROM (${parts[0]!}) WHERE views <> 0 OR visitors <> 0`
        : sql`SELECT dimension, value, sum(views) AS views, sum(visitors) AS visitors
          FROM (${sql.join(parts, sql` UNION ALL `)})
          GROUP BY dimension, value HAVING sum(views) <> 0 OR sum(visitors) <> 0`;
    return dimensions.length === 1
      ? sql`SELECT * FROM (SELECT dimension, value, views, visitors FROM (${values})
          ORDER BY views DESC, value LIMIT ${limit})`
      : sql`SELECT dimension, value, views, visitors FROM (SELECT dimension, value, views, visitors,
            row_number() OVER (PARTITION BY dimension ORDER BY views DESC, value) AS rank FROM (${values}))
          WHERE rank <= ${limit}`;
  });
  const restRows = rest
    ? sql`WITH rest AS (SELECT dimension, value, sum(views) AS views, sum(visitors) AS visitors
        FROM (${spanRows('traffic', rest, sql`dimension, value, views, visitors`, sql`dimension <> 'total'`)})
        GROUP BY dimension, value) `
    : sql``;
  const rows = await db.all<{
    dimension: TrafficDimension;
    value: string;
    label: string | null;
    views: number;
    visitors: number;
  }>(sql`${restRows}
    SELECT t.dimension, t.value, CASE WHEN t.dimension = 'product' THEN (SELECT p.name FROM products p WHERE p.id = t.value) END AS label,
      t.views, t.visitors
    FROM (${sql.join(branches, sql` UNION ALL `)}) t ORDER BY t.dimension, t.views DESC, t.value`);
  return rows.map((r) => ({
    dimension: r.dimension,
    value: r.value,
    label: r.label ?? (r.value || '(none)'),
    views: Number(r.views),
    visitors: Number(r.visitors),
  }));
}

/** Daily unique visitors per funnel step in `s`, added over the days. */
export async function readFunnel(db: Db, s: DaySpan): Promise<Record<string, number>> {
  const rows = await db.all<{ step: string; visitors: number }>(sql`
    SELECT step, sum(visitors) AS visitors FROM report_funnel_daily
    WHERE day >= ${s.from} AND day < ${s.end} GROUP BY step`);
  return Object.fromEntries(rows.map((r) => [r.step, Number(r.visitors)]));
}
