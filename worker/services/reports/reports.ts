/**
 * The back office's reports, shared by the API and the pages: sales (figures, series, comparison), best sellers,
 * customers by kind and destination, promotions and traffic. Each reads only rollups (db/repositories/reports.ts)
 * and answers the data a chart, its table and the CSV download are all drawn from.
 */
import type { Db } from '@db/client';
import type { ReportZone } from '@db/repositories/report-rollups';
import {
  type ProductGrouping,
  readCountrySales,
  readCustomerAverages,
  readFunnel,
  readNetUnits,
  readProductSales,
  readPromotionSales,
  readSalesDays,
  readTopCustomers,
  readTrafficBuckets,
  readTrafficTop,
  type TopCustomer,
} from '@db/repositories/reports';
import { readAvailable } from '@db/repositories/stock-cover';
import { FUNNEL_STEPS } from '@domain/analytics/traffic-event';
import {
  bucketsOf,
  changeOf,
  type DaySpan,
  type Grain,
  type ReportRange,
  reportRange,
} from '@domain/reports/range';
import type { RebuildProgress } from '@domain/reports/rebuild';
import {
  SALES_METRICS,
  type SalesFigures,
  type SalesPoint,
  salesSeries,
  sumSales,
} from '@domain/reports/sales';
import { COVER_WINDOW_DAYS, LOW_COVER_DAYS, productCover, stockCover } from '@domain/reports/stock-cover';
import { addDays, localDay } from '@domain/reports/time-zone';
import type { ReportsQueue } from './rebuild-job';
import { readyRunningTotals } from './running';
import { readRunningLow } from './running-low';
import { readyReportZone } from './upkeep';

/** Most rows a grouped report lists (and its CSV holds). */
export const REPORT_ROWS = 100;

/** How many of the biggest spenders the customers report lists. */
export const TOP_CUSTOMERS = 20;

/** The sales report: totals and series for the range and its comparison, and each metric's change. */
export interface SalesReport {
  range: ReportRange;
  totals: SalesFigures;
  comparisonTotals: SalesFigures | null;
  changes: Partial<Record<keyof SalesFigures, number | null>>;
  series: SalesPoint[];
  comparisonSeries: SalesPoint[] | null;
}

export async function salesReport(db: Db, range: ReportRange): Promise<SalesReport> {
  const [current, previous] = await Promise.all([
    readSalesDays(db, range.current),
    range.comparison ? readSalesDays(db, range.comparison) : Promise.resolve(null),
  ]);
  const totals = sumSales(current);
  const comparisonTotals = previous ? sumSales(previous) : null;
  const changes: SalesReport['changes'] = {};
  if (comparisonTotals) {
    for (const m of [...SALES_METRICS, 'units', 'newCustomerOrders'] as const) {
      changes[m] = changeOf(totals[m], comparisonTotals[m]);
    }
  }
  return {
    range,
    totals,
    comparisonTotals,
    changes,
    series: salesSeries(current, range.current, range.grain),
    comparisonSeries:
      previous && range.comparison ? salesSeries(previous, range.comparison, range.grain) : null,
  };
}

/**
 * Best sellers in the range, and stock cover: per SKU (variant rows) and per product (its first variant to run out)
 * at the rate of the last 28 local days up to today whatever the range, and the SKUs running low. Category rows
 * have no cover (null).
 */
export async function productsReport(
  db: Db,
  range: ReportRange,
  group: ProductGrouping,
  by: 'units' | 'net',
  zone: ReportZone,
  now: number,
  queue?: ReportsQueue,
) {
  // `zone`: as the caller read it making the rollups ready (or starting their rebuild).
  const today = localDay(zone.offsets, now);
  const window = { from: addDays(today, 1 - COVER_WINDOW_DAYS), to: today, end: addDays(today, 1) };
  const through = await readyRunningTotals(db, zone, today, queue);
  const sales = await readProductSales(db, range.current, group, by, REPORT_ROWS, through);
  const keys = sales.map((r) => r.key);
  const levels =
    group === 'category'
      ? []
      : await readAvailable(
          db,
          group === 'variant' ? { skus: keys, productIds: [] } : { skus: [], productIds: keys },
        );
  const [netUnits, low] = await Promise.all([
    readNetUnits(
      db,
      window,
      levels.map((l) => l.sku),
      through,
    ),
    readRunningLow(db, window),
  ]);
  const bySku = new Map(levels.map((l) => [l.sku, l]));
  const byProduct = new Map<string, { available: number; netUnits: number }[]>();
  for (const l of levels) {
    if (l.productId === null) continue;
    const list = byProduct.get(l.productId) ?? [];
    list.push({ available: l.available, netUnits: netUnits.get(l.sku) ?? 0 });
    byProduct.set(l.productId, list);
  }
  const rows = sales.map((r) => {
    if (group === 'category') return { ...r, available: null, cover: null };
    if (group === 'variant') {
      const available = bySku.get(r.key)?.available ?? null;
      const cover = available === null ? null : stockCover(available, netUnits.get(r.key) ?? 0);
      return { ...r, available, cover };
    }
    // A product that is gone (its row keyed by a SKU) has no variants left to count: no cover.
    const variants = byProduct.get(r.key) ?? [];
    if (variants.length === 0) return { ...r, available: null, cover: null };
    return {
      ...r,
      available: variants.reduce((t, v) => t + v.available, 0),
      cover: productCover(variants),
    };
  });
  return {
    range,
    runningThrough: through.through,
    group,
    by,
    rows,
    stockCover: { from: window.from, to: window.to, days: COVER_WINDOW_DAYS, lowerThan: LOW_COVER_DAYS },
    runningLow: low.map(({ sku, productId, name, available, netUnits, rate, cover }) => ({
      sku,
      productId,
      name,
      available,
      netUnits,
      rate: Math.round(rate * 100) / 100,
      cover,
    })),
  };
}

/** A top customer as a report shows it: without who it is when the reader may not see customers. */
export type TopCustomerRow = Omit<TopCustomer, 'key' | 'customerId' | 'name' | 'email'> & {
  rank: number;
  kind: 'account' | 'guest';
  customerId: string | null;
  name: string | null;
  email: string | null;
};

/**
 * Customers: new and returning, accounts and guests (from the sales rollup) and orders by destination, in the range;
 * and, for all time (report_customer_totals has no days), the top spenders, orders per customer and the share who
 * came back. `identities` (the reader holds customers:read) decides whether the top spenders carry names and emails.
 */
export async function customersReport(db: Db, range: ReportRange, byRegion: boolean, identities: boolean) {
  const [sales, places, top, counts] = await Promise.all([
    salesReport(db, range),
    readCountrySales(db, range.current, byRegion, REPORT_ROWS),
    readTopCustomers(db, TOP_CUSTOMERS),
    readCustomerAverages(db),
  ]);
  const { orders, newCustomerOrders, returningCustomerOrders, accountOrders, guestOrders } = sales.totals;
  return {
    range,
    orders,
    newCustomerOrders,
    returningCustomerOrders,
    accountOrders,
    guestOrders,
    changes: {
      newCustomerOrders: sales.changes.newCustomerOrders ?? null,
      orders: sales.changes.orders ?? null,
    },
    places,
    lifetime: {
      customers: counts.customers,
      orders: counts.orders,
      repeatCustomers: counts.repeatCustomers,
      averageOrdersPerCustomer: counts.customers ? counts.orders / counts.customers : null,
      repeatCustomerRate: counts.customers ? counts.repeatCustomers / counts.customers : null,
      identities,
      top: top.map(
        ({ key: _key, customerId, name, email, ...figures }, i): TopCustomerRow => ({
          rank: i + 1,
          kind: customerId ? 'account' : 'guest',
          customerId: identities ? customerId : null,
          name: identities ? name : null,
          email: identities ? email : null,
          ...figures,
        }),
      ),
    },
  };
}

/** Uses, discount given and revenue per promotion and code. */
export async function promotionsReport(db: Db, range: ReportRange) {
  return { range, rows: await readPromotionSales(db, range.current, REPORT_ROWS) };
}

/** The dashboard's sales, with the report zone and the progress of a background recount, as the report pages show. */
export interface RecentSales extends SalesReport {
  timeZone: string;
  /** Set while the rollups are recounted: the figures are incomplete until it finishes. */
  rebuilding: RebuildProgress | null;
}

/** The dashboard's sales: the last 30 local days to today against the 30 before, by day (today is the last point). */
export async function recentSales(db: Db, now: number, queue?: ReportsQueue): Promise<RecentSales> {
  const { offsets, timeZone, rebuilding } = await readyReportZone(db, now, queue);
  const today = localDay(offsets, now);
  const report = await salesReport(
    db,
    reportRange({ from: addDays(today, -29), to: today, grain: 'day', compare: 'previous' }),
  );
  return { ...report, timeZone, rebuilding };
}

/** Traffic: views and visitors by bucket, the top values of each dimension, and the funnel with its conversions. */
export async function trafficReport(
  db: Db,
  range: ReportRange,
  zone: ReportZone,
  now: number,
  queue?: ReportsQueue,
) {
  const through = await readyRunningTotals(db, zone, localDay(zone.offsets, now), queue);
  const [buckets, previousBuckets, top, funnel] = await Promise.all([
    readTrafficBuckets(db, range.current, range.grain),
    range.comparison ? readTrafficBuckets(db, range.comparison, range.grain) : Promise.resolve(null),
    readTrafficTop(db, range.current, 10, through),
    readFunnel(db, range.current),
  ]);
  const steps = FUNNEL_STEPS.map((step, i) => {
    const visitors = funnel[step] ?? 0;
    const before = i === 0 ? null : (funnel[FUNNEL_STEPS[i - 1]!] ?? 0);
    return { step, visitors, fromPrevious: before ? visitors / before : null };
  });
  const sum = (rows: { views: number; visitors: number }[]) =>
    rows.reduce((t, r) => ({ views: t.views + r.views, visitors: t.visitors + r.visitors }), {
      views: 0,
      visitors: 0,
    });
  const totals = sum(buckets);
  const previous = previousBuckets ? sum(previousBuckets) : null;
  return {
    range,
    runningThrough: through.through,
    totals,
    changes: previous
      ? {
          views: changeOf(totals.views, previous.views),
          visitors: changeOf(totals.visitors, previous.visitors),
        }
      : null,
    series: trafficSeries(buckets, range.current, range.grain),
    comparisonSeries:
      previousBuckets && range.comparison
        ? trafficSeries(previousBuckets, range.comparison, range.grain)
        : null,
    top,
    funnel: steps,
    conversion: steps[0]!.visitors ? steps[3]!.visitors / steps[0]!.visitors : null,
  };
}

/** Every bucket of `span` in order, zero where the rollups had no row for it (rows already added up per bucket). */
function trafficSeries(
  rows: { bucket: string; views: number; visitors: number }[],
  span: DaySpan,
  grain: Grain,
) {
  const byBucket = new Map(rows.map((r) => [r.bucket, { views: r.views, visitors: r.visitors }]));
  return bucketsOf(span, grain).map((bucket) => ({
    bucket,
    ...(byBucket.get(bucket) ?? { views: 0, visitors: 0 }),
  }));
}
