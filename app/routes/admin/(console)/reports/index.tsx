/**
 * The sales report: the range's key figures with their change against the comparison period, net sales as a line
 * (the comparison dashed), and every bucket's figures as a table, all downloadable as CSV.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { salesReport } from '@worker/services/reports/reports';
import { DataTable } from '~/components/admin/charts/DataTable';
import { LineChart } from '~/components/admin/charts/LineChart';
import { KeyFigures } from '~/components/admin/report-filters/KeyFigures';
import { ReportFilters } from '~/components/admin/report-filters/ReportFilters';
import { formatBucket } from '~/lib/report-format';
import { reportPageQuery } from '~/lib/report-page';

export const useSalesReport = routeLoader$(async ({ platform, url }) => {
  const db = createDb(platform.env);
  const query = await reportPageQuery(db, url, Date.now());
  const report = query.range ? await salesReport(db, query.range) : null;
  return { query, report, currency: platform.env.SHOP_CURRENCY };
});

const COLUMNS = [
  { key: 'bucket', label: 'Period', kind: 'text' },
  { key: 'orders', label: 'Orders', kind: 'count' },
  { key: 'gross', label: 'Gross sales', kind: 'money' },
  { key: 'discounts', label: 'Discounts', kind: 'money' },
  { key: 'refunds', label: 'Refunds', kind: 'money' },
  { key: 'net', label: 'Net sales', kind: 'money' },
  { key: 'shipping', label: 'Shipping', kind: 'money' },
  { key: 'tax', label: 'Tax', kind: 'money' },
  { key: 'total', label: 'Total sales', kind: 'money' },
] as const;

export default component$(() => {
  const data = useSalesReport();
  const { query, report, currency } = data.value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Reports</h1>
          <p class="adm-lede">How the shop is doing, from the orders and refunds as they happen.</p>
        </div>
      </div>
      <ReportFilters query={query} path="/admin/reports" csv="/api/admin/reports/sales" />
      {report && (
        <>
          <KeyFigures
            currency={currency}
            figures={[
              { label: 'Net sales', value: report.totals.net, kind: 'money', change: report.changes.net },
              { label: 'Orders', value: report.totals.orders, kind: 'count', change: report.changes.orders },
              {
                label: 'Average order value',
                value: report.totals.averageOrderValue,
                kind: 'money',
                change: report.changes.averageOrderValue,
              },
              {
                label: 'Refunds',
                value: report.totals.refunds,
                kind: 'money',
                change: report.changes.refunds,
              },
            ]}
          />
          <section class="adm-card">
            <LineChart
              title={`Net sales by ${report.range.grain}`}
              labels={report.series.map((p) => formatBucket(p.bucket, report.range.grain))}
              values={report.series.map((p) => p.figures.net)}
              previous={report.comparisonSeries?.map((p) => p.figures.net)}
              format={{ kind: 'money', currency }}
            />
          </section>
          <section class="adm-card adm-card-flush">
            <DataTable
              caption={`Sales by ${report.range.grain}`}
              columns={[...COLUMNS]}
              currency={currency}
              rows={report.series.map((p) => ({
                ...p.figures,
                bucket: formatBucket(p.bucket, report.range.grain),
              }))}
              totals={{ ...report.totals, bucket: 'Total' }}
            />
          </section>
        </>
      )}
    </>
  );
});

export const head: DocumentHead = { title: 'Sales report · Admin' };
