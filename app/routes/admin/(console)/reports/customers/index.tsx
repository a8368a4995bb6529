/**
 * Customers: new against returning, accounts against guests, and where orders ship, in the range; and, for all
 * time, orders per customer, the repeat customer rate and the top spenders (named only for customers:read).
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { can } from '@domain/identity/permissions';
import { customersReport } from '@worker/services/reports/reports';
import { BarChart } from '~/components/admin/charts/BarChart';
import { DataTable } from '~/components/admin/charts/DataTable';
import { KeyFigures } from '~/components/admin/report-filters/KeyFigures';
import { ReportFilters } from '~/components/admin/report-filters/ReportFilters';
import { TopCustomers } from '~/components/admin/top-customers/TopCustomers';
import { reportPageQuery } from '~/lib/report-page';
import { pageStaff } from '~/lib/session';

export const useCustomersReport = routeLoader$(async (event) => {
  const { platform, url } = event;
  const roles = (await pageStaff(event))?.principal.roles ?? [];
  const db = createDb(platform.env);
  const query = await reportPageQuery(db, url, Date.now(), platform.env.REPORTS);
  const identities = can(roles, 'customers:read');
  const report = query.range ? await customersReport(db, query.range, true, identities) : null;
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
            Who buys: first orders and repeat orders, accounts and guests, where orders go, and the best
            customers.
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
          <section aria-labelledby="all-time-head">
            <div class="adm-card-head">
              <h2 id="all-time-head">All time</h2>
              <a
                class="adm-link"
                href={`/api/admin/reports/customers?${query.search}&format=csv&table=top`}
                download
              >
                Download top customers CSV
              </a>
            </div>
            <p class="adm-lede">
              Every order since the shop opened: the dates chosen above do not apply to these figures.
              {!report.lifetime.identities && ' Names and emails need the customers permission.'}
            </p>
            <KeyFigures
              currency={currency}
              label="All-time customer figures"
              figures={[
                { label: 'Customers', value: report.lifetime.customers, kind: 'count', note: 'All time' },
                {
                  label: 'Average orders per customer',
                  value: report.lifetime.averageOrdersPerCustomer,
                  kind: 'ratio',
                  note: 'All time',
                },
                {
                  label: 'Repeat customer rate (2+ orders)',
                  value: report.lifetime.repeatCustomerRate,
                  kind: 'percent',
                  note: `${report.lifetime.repeatCustomers} customers, all time`,
                },
              ]}
            />
            <div class="adm-card adm-card-flush">
              <TopCustomers
                rows={report.lifetime.top}
                identities={report.lifetime.identities}
                currency={currency}
              />
            </div>
          </section>
        </>
      )}
    </>
  );
});

export const head: DocumentHead = { title: 'Customers · Reports · Admin' };
