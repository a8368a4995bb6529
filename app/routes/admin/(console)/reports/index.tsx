/**
 * The sales report: the range's key figures with their change against the comparison period, net sales as a line
 * (the comparison dashed), and every bucket's figures as a table, all downloadable as CSV.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { can } from '@domain/identity/permissions';
import { salesReport } from '@worker/services/reports/reports';
import { changeReportZone } from '@worker/services/reports/upkeep';
import { DataTable } from '~/components/admin/charts/DataTable';
import { LineChart } from '~/components/admin/charts/LineChart';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { KeyFigures } from '~/components/admin/report-filters/KeyFigures';
import { ReportFilters } from '~/components/admin/report-filters/ReportFilters';
import { staffWith } from '~/lib/admin-session';
import { formatBucket } from '~/lib/report-format';
import { reportPageQuery } from '~/lib/report-page';
import { pageStaff } from '~/lib/session';

export const useSalesReport = routeLoader$(async (event) => {
  const db = createDb(event.platform.env);
  const query = await reportPageQuery(db, event.url, Date.now(), event.platform.env.REPORTS);
  const report = query.range ? await salesReport(db, query.range) : null;
  const roles = (await pageStaff(event))?.principal.roles ?? [];
  return {
    query,
    report,
    currency: event.platform.env.SHOP_CURRENCY,
    // Only those who may change it get the (long) list of zones.
    zones: can(roles, 'reports:write') ? Intl.supportedValuesOf('timeZone') : null,
  };
});

/**
 * Changes the report time zone (reports:write) and starts the recount of every rollup in its days, in the background
 * (the REPORTS queue; inline without it), so the answer comes at once and the pages show the recount's progress.
 */
export const useChangeZone = routeAction$(
  async ({ timeZone }, event) => {
    const actor = await staffWith(event, 'reports:write');
    if (!actor) return event.fail(403, { message: 'Only administrators change the report time zone.' });
    const env = event.platform.env;
    const changed = await changeReportZone(createDb(env), actor, timeZone, Date.now(), env.REPORTS);
    if (!changed.ok) return event.fail(400, { message: changed.error.detail });
    return {
      message: changed.value.rebuilding
        ? `Reports now count days in ${changed.value.timeZone}. Recounting the history in the background.`
        : `Reports now count days in ${changed.value.timeZone}.`,
    };
  },
  zod$({ timeZone: z.string().trim().min(1).max(64) }),
);

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
  const { query, report, currency, zones } = data.value;
  const change = useChangeZone();
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
      {zones && (
        <section class="adm-card" aria-labelledby="zone-head">
          <h2 id="zone-head">Report time zone</h2>
          <p class="adm-hint">
            Every report counts days in this zone. Changing it recounts the whole history in the background;
            the reports say how far it is and are incomplete until it finishes.
          </p>
          <Form action={change} class="adm-filters">
            <div class="adm-field">
              <label for="report-zone">Time zone</label>
              <select id="report-zone" name="timeZone" class="adm-input">
                {zones.map((z) => (
                  <option key={z} value={z} selected={z === query.timeZone}>
                    {z}
                  </option>
                ))}
              </select>
            </div>
            <div class="adm-actions">
              <button type="submit" class="adm-btn adm-btn-secondary">
                Change time zone
              </button>
            </div>
          </Form>
          <FormStatus outcome={outcomeOf(change.value)} />
        </section>
      )}
    </>
  );
});

export const head: DocumentHead = { title: 'Sales report · Admin' };
