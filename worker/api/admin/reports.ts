/**
 * Back office reports (reports:read): sales, products, customers and promotions over a range of local days, with
 * a comparison period. `format=csv` downloads the rows the report's table shows. Reads rollups only, so any range
 * up to two years costs the same few indexed reads. JSON answers carry `rebuilding` while the rollups are recounted.
 */
import { can } from '@domain/identity/permissions';
import { checkRange, ReportQueryFields, reportRange } from '@domain/reports/range';
import { SALES_METRICS } from '@domain/reports/sales';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '@worker/http/app-env';
import { faultResponses, newApi } from '@worker/http/openapi';
import { problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import {
  customersCsv,
  productsCsv,
  promotionsCsv,
  salesCsv,
  topCustomersCsv,
  trafficCsv,
} from '@worker/services/reports/report-csv';
import {
  customersReport,
  productsReport,
  promotionsReport,
  salesReport,
  trafficReport,
} from '@worker/services/reports/reports';
import { readyReportZone } from '@worker/services/reports/upkeep';
import type { Context } from 'hono';

const Format = { format: z.enum(['json', 'csv']).default('json') };
const SalesQuery = checkRange(ReportQueryFields.extend(Format).strict());
const ProductsQuery = checkRange(
  ReportQueryFields.extend({
    ...Format,
    group: z.enum(['product', 'variant', 'category']).default('product'),
    by: z.enum(['units', 'net']).default('units'),
  }).strict(),
);
const CustomersQuery = checkRange(
  ReportQueryFields.extend({
    ...Format,
    byRegion: z.enum(['0', '1']).default('0'),
    /** Which table `format=csv` downloads: destinations in the range, or the top customers of all time. */
    table: z.enum(['places', 'top']).default('places'),
  }).strict(),
);

const Span = z.object({ from: z.string(), to: z.string(), end: z.string() });
const Range = z
  .object({ current: Span, comparison: Span.nullable(), compare: z.string(), grain: z.string() })
  .openapi('ReportRange');
/** Set while the rollups are being recounted in the background (figures incomplete until then): months done of all. */
const Rebuilding = z
  .object({ done: z.number().int(), total: z.number().int() })
  .nullable()
  .openapi('ReportRebuild');
const Figures = z.record(z.string(), z.number()).openapi('SalesFigures');
const Point = z.object({ bucket: z.string(), figures: Figures });

/** Where the running totals stand (worker/services/reports/running.ts): long ranges before this day read them. */
const RunningThrough = z.string().nullable().openapi({
  description:
    'Long ranges read running totals for the days before this one (null: none folded yet; the REPORTS queue folds the finished days in the background)',
});

/**
 * A report as JSON, or as the CSV `toCsv` writes with a file name saying what and when (the range, or `when` for a
 * table that ignores it); never cached (it is staff data, and the rollups change with every order).
 */
function answer<R extends { range: { current: { from: string; to: string } } }>(
  c: Context<AppEnv>,
  format: 'json' | 'csv',
  name: string,
  report: R,
  toCsv: (report: R, currency: string) => string,
  when?: string,
) {
  if (format === 'json') {
    c.header('Cache-Control', 'private, no-store');
    return c.json({ ...report, rebuilding: c.var.reportZone?.rebuilding ?? null }, 200);
  }
  const { from, to } = report.range.current;
  return c.body(toCsv(report, c.env.SHOP_CURRENCY), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name}-${when ?? `${from}-to-${to}`}.csv"`,
    'Cache-Control': 'private, no-store',
  }) as never;
}

function reportResponses(description: string, schema: z.ZodType) {
  return {
    200: {
      description,
      content: {
        'application/json': { schema },
        'text/csv': { schema: { type: 'string' as const } },
      },
    },
    ...problemResponses(400, 401, 403),
    ...faultResponses(),
  };
}

export const adminReports = newApi();

/** The zone the middleware below read (every route here runs after it). */
function zoneOf(c: Context<AppEnv>) {
  const zone = c.var.reportZone;
  if (!zone) throw new Error('the report zone is read by the /admin/reports/* middleware');
  return zone;
}

// Rollups never rebuilt (orders from before them) are rebuilt once: in the background on the REPORTS queue (the
// answers say how far it is meanwhile), inline before the first report read without that binding.
adminReports.use('/admin/reports/*', async (c, next) => {
  c.set('reportZone', await readyReportZone(c.var.db, Date.now(), c.env.REPORTS));
  await next();
});

adminReports
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/reports/sales',
      tags: ['Admin'],
      summary: `Sales over a range (${SALES_METRICS.join(', ')}), by day, week or month, with a comparison period`,
      middleware: [requirePermission('reports:read')],
      request: { query: SalesQuery },
      responses: reportResponses(
        'Totals, series and changes',
        z.object({
          range: Range,
          rebuilding: Rebuilding,
          totals: Figures,
          comparisonTotals: Figures.nullable(),
          changes: z.record(z.string(), z.number().nullable()),
          series: z.array(Point),
          comparisonSeries: z.array(Point).nullable(),
        }),
      ),
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const report = await salesReport(c.var.db, reportRange(q));
      return answer(c, format, 'sales', report, salesCsv);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/reports/products',
      tags: ['Admin'],
      summary:
        'Best sellers by units or net sales, grouped by product, variant or category (at most 100 rows), with stock cover and the SKUs running low',
      middleware: [requirePermission('reports:read')],
      request: { query: ProductsQuery },
      responses: reportResponses(
        'Best sellers',
        z.object({
          range: Range,
          rebuilding: Rebuilding,
          runningThrough: RunningThrough,
          group: z.string(),
          by: z.string(),
          rows: z.array(
            z.object({
              key: z.string(),
              name: z.string(),
              units: z.number(),
              gross: z.number(),
              discounts: z.number(),
              refundedUnits: z.number(),
              refunded: z.number(),
              net: z.number(),
              available: z.number().nullable().openapi({
                description: 'Units available now (a product: all its SKUs); null for categories',
              }),
              cover: z.number().nullable().openapi({
                description:
                  'Days of stock at the last 28 days’ net sales rate (a product: its first SKU to run out); null when nothing sold',
              }),
            }),
          ),
          stockCover: z.object({
            from: z.string(),
            to: z.string(),
            days: z.number().int(),
            lowerThan: z.number().int(),
          }),
          runningLow: z.array(
            z.object({
              sku: z.string(),
              productId: z.string().nullable(),
              name: z.string(),
              available: z.number().int(),
              netUnits: z.number().int(),
              rate: z.number(),
              cover: z.number(),
            }),
          ),
        }),
      ),
    }),
    async (c) => {
      const { format, group, by, ...q } = c.req.valid('query');
      const report = await productsReport(
        c.var.db,
        reportRange(q),
        group,
        by,
        zoneOf(c),
        Date.now(),
        c.env.REPORTS,
      );
      return answer(c, format, 'products', report, productsCsv);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/reports/customers',
      tags: ['Admin'],
      summary:
        'New and returning customers, accounts and guests, orders by country (or region); top customers and orders per customer of all time (names and emails need customers:read)',
      middleware: [requirePermission('reports:read')],
      request: { query: CustomersQuery },
      responses: reportResponses(
        'Customers',
        z.object({
          range: Range,
          rebuilding: Rebuilding,
          orders: z.number(),
          newCustomerOrders: z.number(),
          returningCustomerOrders: z.number(),
          accountOrders: z.number(),
          guestOrders: z.number(),
          changes: z.record(z.string(), z.number().nullable()),
          places: z.array(
            z.object({
              country: z.string(),
              region: z.string(),
              orders: z.number(),
              net: z.number(),
              total: z.number(),
            }),
          ),
          lifetime: z.object({
            customers: z.number(),
            orders: z.number(),
            repeatCustomers: z.number(),
            averageOrdersPerCustomer: z.number().nullable(),
            repeatCustomerRate: z.number().nullable(),
            identities: z.boolean(),
            top: z.array(
              z.object({
                rank: z.number(),
                kind: z.enum(['account', 'guest']),
                customerId: z.string().nullable(),
                name: z.string().nullable(),
                email: z.string().nullable(),
                orders: z.number(),
                net: z.number(),
                total: z.number(),
                lastOrderAt: z.number(),
              }),
            ),
          }),
        }),
      ),
    }),
    async (c) => {
      const { format, byRegion, table, ...q } = c.req.valid('query');
      const identities = can(c.var.staff?.principal.roles ?? [], 'customers:read');
      const report = await customersReport(c.var.db, reportRange(q), byRegion === '1', identities);
      return table === 'top'
        ? answer(c, format, 'top-customers', report, topCustomersCsv, 'all-time')
        : answer(c, format, 'customers', report, customersCsv);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/reports/promotions',
      tags: ['Admin'],
      summary: 'Uses, discount given and revenue per promotion and code',
      middleware: [requirePermission('reports:read')],
      request: { query: checkRange(ReportQueryFields.extend(Format).strict()) },
      responses: reportResponses(
        'Promotions',
        z.object({
          range: Range,
          rebuilding: Rebuilding,
          rows: z.array(
            z.object({
              promotionId: z.string(),
              name: z.string(),
              code: z.string(),
              uses: z.number(),
              discount: z.number(),
              revenue: z.number(),
            }),
          ),
        }),
      ),
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const report = await promotionsReport(c.var.db, reportRange(q));
      return answer(c, format, 'promotions', report, promotionsCsv);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/reports/traffic',
      tags: ['Admin'],
      summary:
        'First-party traffic: views and visitors, top pages, products, referrers, campaigns, devices, countries, funnel',
      middleware: [requirePermission('reports:read')],
      request: { query: checkRange(ReportQueryFields.extend(Format).strict()) },
      responses: reportResponses(
        'Traffic',
        z.object({
          range: Range,
          rebuilding: Rebuilding,
          runningThrough: RunningThrough,
          totals: z.object({ views: z.number(), visitors: z.number() }),
          changes: z.object({ views: z.number().nullable(), visitors: z.number().nullable() }).nullable(),
          series: z.array(z.object({ bucket: z.string(), views: z.number(), visitors: z.number() })),
          comparisonSeries: z
            .array(z.object({ bucket: z.string(), views: z.number(), visitors: z.number() }))
            .nullable(),
          top: z.array(
            z.object({
              dimension: z.string(),
              value: z.string(),
              label: z.string(),
              views: z.number(),
              visitors: z.number(),
            }),
          ),
          funnel: z.array(
            z.object({ step: z.string(), visitors: z.number(), fromPrevious: z.number().nullable() }),
          ),
          conversion: z.number().nullable(),
        }),
      ),
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const report = await trafficReport(c.var.db, reportRange(q), zoneOf(c), Date.now(), c.env.REPORTS);
      return answer(c, format, 'traffic', report, trafficCsv);
    },
  );
