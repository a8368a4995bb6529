/**
 * The sales report's figures from the daily rollup rows: what each metric means (net sales = gross − discounts −
 * refunds; total sales = what shoppers paid − refunds; average order value = (gross − discounts) ÷ orders), the
 * sums over a range and the series by day, week or month. Amounts are minor units of the store currency.
 */
import { bucketOf, bucketsOf, type DaySpan, type Grain } from './range';

/** One row of report_sales_daily. */
export interface SalesDay {
  day: string;
  orders: number;
  units: number;
  gross: number;
  discounts: number;
  shipping: number;
  tax: number;
  total: number;
  refunds: number;
  newCustomerOrders: number;
  accountOrders: number;
}

/** The sales figures of a day, a bucket or a whole range. */
export interface SalesFigures {
  orders: number;
  units: number;
  gross: number;
  discounts: number;
  refunds: number;
  net: number;
  shipping: number;
  tax: number;
  total: number;
  averageOrderValue: number;
  newCustomerOrders: number;
  returningCustomerOrders: number;
  accountOrders: number;
  guestOrders: number;
}

/** The metrics a sales chart or comparison can show, in the order the report lists them. */
export const SALES_METRICS = [
  'gross',
  'discounts',
  'refunds',
  'net',
  'shipping',
  'tax',
  'total',
  'orders',
  'averageOrderValue',
] as const satisfies readonly (keyof SalesFigures)[];
export type SalesMetric = (typeof SALES_METRICS)[number];

/** The figures of the days in `rows` added up. */
export function sumSales(rows: readonly SalesDay[]): SalesFigures {
  const s = {
    orders: 0,
    units: 0,
    gross: 0,
    discounts: 0,
    shipping: 0,
    tax: 0,
    total: 0,
    refunds: 0,
    fresh: 0,
    account: 0,
  };
  for (const r of rows) {
    s.orders += r.orders;
    s.units += r.units;
    s.gross += r.gross;
    s.discounts += r.discounts;
    s.shipping += r.shipping;
    s.tax += r.tax;
    s.total += r.total;
    s.refunds += r.refunds;
    s.fresh += r.newCustomerOrders;
    s.account += r.accountOrders;
  }
  return {
    orders: s.orders,
    units: s.units,
    gross: s.gross,
    discounts: s.discounts,
    refunds: s.refunds,
    net: s.gross - s.discounts - s.refunds,
    shipping: s.shipping,
    tax: s.tax,
    total: s.total - s.refunds,
    averageOrderValue: s.orders === 0 ? 0 : Math.round((s.gross - s.discounts) / s.orders),
    newCustomerOrders: s.fresh,
    returningCustomerOrders: s.orders - s.fresh,
    accountOrders: s.account,
    guestOrders: s.orders - s.account,
  };
}

/** One point of a series: the bucket's first day and its figures. */
export interface SalesPoint {
  bucket: string;
  figures: SalesFigures;
}

/** The figures per bucket of `span`, every bucket present (zeros where nothing sold). */
export function salesSeries(rows: readonly SalesDay[], span: DaySpan, grain: Grain): SalesPoint[] {
  const byBucket = new Map<string, SalesDay[]>();
  for (const r of rows) {
    if (r.day < span.from || r.day > span.to) continue;
    const b = bucketOf(r.day, grain);
    byBucket.set(b, [...(byBucket.get(b) ?? []), r]);
  }
  return bucketsOf(span, grain).map((bucket) => ({ bucket, figures: sumSales(byBucket.get(bucket) ?? []) }));
}
