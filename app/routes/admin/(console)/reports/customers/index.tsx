/** Customers: new against returning, accounts against guests, and where orders ship, as bars and tables. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { customersReport } from '@worker/services/reports/reports';
import { BarChart } from '~/components/admin/charts/BarChart';
import { DataTable } from '~/components/admin/charts/DataTable';
import { KeyFigures } from '~/components/admin/report-filters/KeyFigures';
import { ReportFilters } from '~/components/admin/report-filters/ReportFilters';
import { reportPageQuery } from '~/lib/report-page';

export const useCustomersReport = routeLoader$(async ({ platform, url }) => {
  const db = createDb(platform.env);
  const query = await reportPageQuery(db, url, Date.now());
  const report = query.range ? await customersReport(db, query.range, true) : null;
  return { query, report, currency: platform.env.SHOP_CURRENCY };
});

export default component$(() => {
  const data = useCustomersReport();
  const { query, report, currency } = data.value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Customers</h1>
          <p class="adm-lede">
            Who buys: first orders and repeat orders, accounts and guests, and where orders go.
          </p>
        </div>
      </div>
      <ReportFilters
        query={query}
        path="/admin/reports/customers"
        csv="/api/admin/reports/customers"
        csvQuery="byRegion=1"
      />
      {report && (
        <>
          <KeyFigures
            currency={currency}
            figures={[
              { label: 'Orders', value: report.orders, kind: 'count', change: report.changes.orders },
              {
                label: 'First orders (new customers)',
                value: report.newCustomerOrders,
                kind: 'count',
                change: report.changes.newCustomerOrders,
              },
              { label: 'Repeat orders', value: report.returningCustomerOrders, kind: 'count' },
              { label: 'Guest orders', value: report.guestOrders, kind: 'count' },
            ]}
          />
          <section class="adm-card">
            <BarChart
              title="Net sales by destination"
              items={report.places
                .slice(0, 10)
                .map((p) => ({ label: p.region ? `${p.country} · ${p.region}` : p.country, value: p.net }))}
              format={{ kind: 'money', currency }}
            />
          </section>
          <section class="adm-card adm-card-flush">
            <DataTable
              caption="Orders by destination"
              currency={currency}
              columns={[
                { key: 'country', label: 'Country', kind: 'text' },
                { key: 'region', label: 'Region', kind: 'text' },
                { key: 'orders', label: 'Orders', kind: 'count' },
                { key: 'net', label: 'Net sales', kind: 'money' },
                { key: 'total', label: 'Total sales', kind: 'money' },
              ]}
              rows={report.places.map((p) => ({ ...p, region: p.region || '—' }))}
            />
          </section>
        </>
      )}
    </>
  );
});

export const head: DocumentHead = { title: 'Customers · Reports · Admin' };
