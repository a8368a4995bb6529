/**
 * Traffic, first-party and cookieless: page views and daily visitors, the funnel from product view to order with
 * each step's conversion, and the top pages, products, referrers, campaigns, devices, browsers and countries.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { TRAFFIC_DIMENSIONS } from '@db/repositories/reports';
import { trafficReport } from '@worker/services/reports/reports';
import { DataTable } from '~/components/admin/charts/DataTable';
import { LineChart } from '~/components/admin/charts/LineChart';
import { KeyFigures } from '~/components/admin/report-filters/KeyFigures';
import { ReportFilters } from '~/components/admin/report-filters/ReportFilters';
import { formatBucket } from '~/lib/report-format';
import { reportPageRead } from '~/lib/report-page';

const DIMENSION_LABELS: Record<(typeof TRAFFIC_DIMENSIONS)[number], string> = {
  page: 'Top pages',
  product: 'Products viewed',
  referrer: 'Referrers',
  utm_campaign: 'Campaigns',
  utm_source: 'Campaign sources',
  device: 'Devices',
  browser: 'Browsers',
  country: 'Countries',
};
const STEP_LABELS: Record<string, string> = {
  product_view: 'Viewed a product',
  add_to_cart: 'Added to cart',
  checkout_started: 'Started checkout',
  order_placed: 'Placed an order',
};

export const useTrafficReport = routeLoader$(async ({ platform, url }) => {
  const db = createDb(platform.env);
  const { query, zone } = await reportPageRead(db, url, Date.now(), platform.env.REPORTS);
  const report = query.range
    ? await trafficReport(db, query.range, zone, Date.now(), platform.env.REPORTS)
    : null;
  return { query, report, currency: platform.env.SHOP_CURRENCY };
});

export default component$(() => {
  const data = useTrafficReport();
  const { query, report, currency } = data.value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Traffic</h1>
          <p class="adm-lede">
            Counted by the shop itself: no third-party script, no cookie, no IP address kept. Visitors are
            counted once a day each.
          </p>
        </div>
      </div>
      <ReportFilters query={query} path="/admin/reports/traffic" csv="/api/admin/reports/traffic" />
      {report && (
        <>
          <KeyFigures
            currency={currency}
            figures={[
              {
                label: 'Page views',
                value: report.totals.views,
                kind: 'count',
                change: report.changes?.views,
              },
              {
                label: 'Daily visitors',
                value: report.totals.visitors,
                kind: 'count',
                change: report.changes?.visitors,
              },
            ]}
          />
          <section class="adm-card">
            <LineChart
              title={`Page views by ${report.range.grain}`}
              labels={report.series.map((p) => formatBucket(p.bucket, report.range.grain))}
              values={report.series.map((p) => p.views)}
              previous={report.comparisonSeries?.map((p) => p.views)}
              format={{ kind: 'count' }}
            />
          </section>
          <section class="adm-card adm-card-flush">
            <DataTable
              caption="Funnel: visitors at each step"
              columns={[
                { key: 'step', label: 'Step', kind: 'text' },
                { key: 'visitors', label: 'Daily visitors', kind: 'count' },
                { key: 'fromPrevious', label: 'Of the step before', kind: 'percent' },
              ]}
              rows={report.funnel.map((s) => ({ ...s, step: STEP_LABELS[s.step] ?? s.step }))}
              totals={{ step: 'Product view to order', visitors: null, fromPrevious: report.conversion }}
            />
          </section>
          <div class="adm-grid">
            {TRAFFIC_DIMENSIONS.map((dimension) => (
              <section key={dimension} class="adm-card adm-card-flush">
                <DataTable
                  caption={DIMENSION_LABELS[dimension]}
                  columns={[
                    { key: 'label', label: DIMENSION_LABELS[dimension], kind: 'text' },
                    { key: 'views', label: 'Views', kind: 'count' },
                    { key: 'visitors', label: 'Daily visitors', kind: 'count' },
                  ]}
                  rows={report.top
                    .filter((t) => t.dimension === dimension)
                    .map(({ label, views, visitors }) => ({ label, views, visitors }))}
                />
              </section>
            ))}
          </div>
        </>
      )}
    </>
  );
});

export const head: DocumentHead = { title: 'Traffic · Reports · Admin' };
