/** Promotions: uses, discount given and the revenue of the orders that used each promotion and code. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { promotionsReport } from '@worker/services/reports/reports';
import { BarChart } from '~/components/admin/charts/BarChart';
import { DataTable } from '~/components/admin/charts/DataTable';
import { ReportFilters } from '~/components/admin/report-filters/ReportFilters';
import { reportPageQuery } from '~/lib/report-page';

export const usePromotionsReport = routeLoader$(async ({ platform, url }) => {
  const db = createDb(platform.env);
  const query = await reportPageQuery(db, url, Date.now(), platform.env.REPORTS);
  const report = query.range ? await promotionsReport(db, query.range) : null;
  return { query, report, currency: platform.env.SHOP_CURRENCY };
});

export default component$(() => {
  const data = usePromotionsReport();
  const { query, report, currency } = data.value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Promotions</h1>
          <p class="adm-lede">Confirmed uses only: a use counts when its order's payment succeeded.</p>
        </div>
      </div>
      <ReportFilters query={query} path="/admin/reports/promotions" csv="/api/admin/reports/promotions" />
      {report && (
        <>
          <section class="adm-card">
            <BarChart
              title="Discount given by promotion"
              items={report.rows
                .slice(0, 10)
                .map((r) => ({ label: r.code ? `${r.name} (${r.code})` : r.name, value: r.discount }))}
              format={{ kind: 'money', currency }}
            />
          </section>
          <section class="adm-card adm-card-flush">
            <DataTable
              caption="Promotions and codes"
              currency={currency}
              columns={[
                { key: 'name', label: 'Promotion', kind: 'text' },
                { key: 'code', label: 'Code', kind: 'text' },
                { key: 'uses', label: 'Uses', kind: 'count' },
                { key: 'discount', label: 'Discount given', kind: 'money' },
                { key: 'revenue', label: 'Revenue', kind: 'money' },
              ]}
              rows={report.rows.map(({ promotionId: _id, ...r }) => ({ ...r, code: r.code || 'Automatic' }))}
            />
          </section>
        </>
      )}
    </>
  );
});

export const head: DocumentHead = { title: 'Promotions · Reports · Admin' };
