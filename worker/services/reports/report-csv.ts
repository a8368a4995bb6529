/** Each report's CSV download: the same rows its table shows. */
import type { ProductGrouping, ProductSales } from '@db/repositories/reports';
import type { SalesPoint } from '@domain/reports/sales';
import { type CsvColumn, toCsv } from './csv';
import type {
  customersReport,
  productsReport,
  promotionsReport,
  SalesReport,
  trafficReport,
} from './reports';

/** The sales series, one row per bucket, with the comparison bucket's net sales beside it when there is one. */
export function salesCsv(report: SalesReport, currency: string): string {
  const rows = report.series.map((point, i) => ({ point, previous: report.comparisonSeries?.[i] ?? null }));
  type Row = { point: SalesPoint; previous: SalesPoint | null };
  const f = (pick: (p: SalesPoint) => number) => (r: Row) => pick(r.point);
  return toCsv<Row>(
    [
      { header: `${report.range.grain} starting`, value: (r) => r.point.bucket },
      { header: 'orders', value: f((p) => p.figures.orders) },
      { header: 'units', value: f((p) => p.figures.units) },
      { header: 'gross sales', value: f((p) => p.figures.gross), money: true },
      { header: 'discounts', value: f((p) => p.figures.discounts), money: true },
      { header: 'refunds', value: f((p) => p.figures.refunds), money: true },
      { header: 'net sales', value: f((p) => p.figures.net), money: true },
      { header: 'shipping', value: f((p) => p.figures.shipping), money: true },
      { header: 'tax', value: f((p) => p.figures.tax), money: true },
      { header: 'total sales', value: f((p) => p.figures.total), money: true },
      { header: 'average order value', value: f((p) => p.figures.averageOrderValue), money: true },
      ...(report.comparisonSeries
        ? [
            { header: 'comparison starting', value: (r: Row) => r.previous?.bucket ?? null },
            {
              header: 'comparison net sales',
              value: (r: Row) => r.previous?.figures.net ?? null,
              money: true,
            },
          ]
        : []),
    ],
    rows,
    currency,
  );
}

/** A product, variant or category's sales columns: the best sellers' CSV and the full export (exports.ts) share them. */
export function productSalesColumns(group: ProductGrouping): CsvColumn<ProductSales>[] {
  return [
    { header: group, value: (r) => r.name },
    { header: 'id', value: (r) => r.key },
    { header: 'units sold', value: (r) => r.units },
    { header: 'units refunded', value: (r) => r.refundedUnits },
    { header: 'gross sales', value: (r) => r.gross, money: true },
    { header: 'discounts', value: (r) => r.discounts, money: true },
    { header: 'refunds', value: (r) => r.refunded, money: true },
    { header: 'net sales', value: (r) => r.net, money: true },
  ];
}

/** Best sellers; for products and variants, available units and days of cover (empty when nothing sold lately). */
export function productsCsv(report: Awaited<ReturnType<typeof productsReport>>, currency: string): string {
  type Row = (typeof report.rows)[number];
  return toCsv<Row>(
    [
      ...productSalesColumns(report.group),
      ...(report.group === 'category'
        ? []
        : [
            { header: 'available', value: (r: Row) => r.available },
            { header: 'days of cover', value: (r: Row) => r.cover },
          ]),
    ],
    report.rows,
    currency,
  );
}

/** The customers report's destinations table (`table=places`, the default). */
export function customersCsv(report: Awaited<ReturnType<typeof customersReport>>, currency: string): string {
  return toCsv(
    [
      { header: 'country', value: (r) => r.country },
      { header: 'region', value: (r) => r.region },
      { header: 'orders', value: (r) => r.orders },
      { header: 'net sales', value: (r) => r.net, money: true },
      { header: 'total sales', value: (r) => r.total, money: true },
    ],
    report.places,
    currency,
  );
}

/**
 * The top customers of all time (`table=top`): names, emails and account ids only when the report carries them
 * (the reader holds customers:read), else the rank, kind and figures alone.
 */
export function topCustomersCsv(
  report: Awaited<ReturnType<typeof customersReport>>,
  currency: string,
): string {
  const identities = report.lifetime.identities;
  type Row = (typeof report.lifetime.top)[number];
  return toCsv<Row>(
    [
      { header: 'rank', value: (r) => r.rank },
      { header: 'kind', value: (r) => r.kind },
      ...(identities
        ? [
            { header: 'name', value: (r: Row) => r.name },
            { header: 'email', value: (r: Row) => r.email },
            { header: 'customer id', value: (r: Row) => r.customerId },
          ]
        : []),
      { header: 'orders', value: (r) => r.orders },
      { header: 'net sales', value: (r) => r.net, money: true },
      { header: 'total sales', value: (r) => r.total, money: true },
      { header: 'last order', value: (r) => new Date(r.lastOrderAt).toISOString() },
    ],
    report.lifetime.top,
    currency,
  );
}

export function promotionsCsv(
  report: Awaited<ReturnType<typeof promotionsReport>>,
  currency: string,
): string {
  return toCsv(
    [
      { header: 'promotion', value: (r) => r.name },
      { header: 'promotion id', value: (r) => r.promotionId },
      { header: 'code', value: (r) => r.code || null },
      { header: 'uses', value: (r) => r.uses },
      { header: 'discount given', value: (r) => r.discount, money: true },
      { header: 'revenue', value: (r) => r.revenue, money: true },
    ],
    report.rows,
    currency,
  );
}

/** Traffic's top values of every dimension (the series is in the JSON and on the page). */
export function trafficCsv(report: Awaited<ReturnType<typeof trafficReport>>, currency: string): string {
  return toCsv(
    [
      { header: 'dimension', value: (r) => r.dimension },
      { header: 'value', value: (r) => r.label },
      { header: 'views', value: (r) => r.views },
      { header: 'daily visitors', value: (r) => r.visitors },
    ],
    report.top,
    currency,
  );
}
