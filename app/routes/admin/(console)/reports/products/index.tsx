/** Best sellers: by units or net sales, grouped by product, variant or category, as bars and a table. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { productsReport } from '@worker/services/reports/reports';
import { BarChart } from '~/components/admin/charts/BarChart';
import { DataTable } from '~/components/admin/charts/DataTable';
import { ReportFilters } from '~/components/admin/report-filters/ReportFilters';
import { reportPageRead } from '~/lib/report-page';

const GROUPS = ['product', 'variant', 'category'] as const;
const GROUP_PLURALS = { product: 'Products', variant: 'Variants', category: 'Categories' } as const;

export const useProductsReport = routeLoader$(async ({ platform, url }) => {
  const db = createDb(platform.env);
  const { query, zone } = await reportPageRead(db, url, Date.now(), platform.env.REPORTS);
  const group = GROUPS.find((g) => g === url.searchParams.get('group')) ?? 'product';
  const by: 'net' | 'units' = url.searchParams.get('by') === 'net' ? 'net' : 'units';
  const report = query.range
    ? await productsReport(db, query.range, group, by, zone, Date.now(), platform.env.REPORTS)
    : null;
  return { query, report, group, by, currency: platform.env.SHOP_CURRENCY };
});

/** Days of cover as read: "4.5 days", "No recent sales" (in stock, no rate), or null (no stock row: a dash). */
function coverText(cover: number | null, available: number | null): string | null {
  if (available === null) return null;
  if (cover === null) return 'No recent sales';
  // A product's cover is its first variant to run out: none left of one while others remain.
  if (cover === 0 && available > 0) return 'A variant is sold out';
  return `${cover.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${cover === 1 ? 'day' : 'days'}`;
}

export default component$(() => {
  const data = useProductsReport();
  const { query, report, group, by, currency } = data.value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Best sellers</h1>
          <p class="adm-lede">
            Units sold and net sales (after discounts and refunds) in the range, and days of stock left at the
            last 28 days' sales rate.
          </p>
        </div>
      </div>
      <ReportFilters
        query={query}
        path="/admin/reports/products"
        csv="/api/admin/reports/products"
        csvQuery={`group=${group}&by=${by}`}
        keep={{ group, by }}
        exportAll={{
          href: '/admin/reports/exports',
          query: `group=${group}`,
          label: `Export every ${group}`,
        }}
      />
      <nav class="adm-tabs" aria-label="Best sellers by">
        <ul>
          {GROUPS.flatMap((g) =>
            (['units', 'net'] as const).map((b) => (
              <li key={`${g}-${b}`}>
                <a
                  href={`/admin/reports/products?${query.search}&group=${g}&by=${b}`}
                  aria-current={g === group && b === by ? 'page' : undefined}
                >
                  {`${GROUP_PLURALS[g]} by ${b === 'units' ? 'units' : 'net sales'}`}
                </a>
              </li>
            )),
          )}
        </ul>
      </nav>
      {report && (
        <>
          <section class="adm-card">
            <BarChart
              title={`Top ${group}s by ${by === 'units' ? 'units sold' : 'net sales'}`}
              items={report.rows.slice(0, 10).map((r) => ({ label: r.name, value: r[by] }))}
              format={by === 'units' ? { kind: 'count' } : { kind: 'money', currency }}
            />
          </section>
          <section class="adm-card adm-card-flush">
            <DataTable
              caption={`Best sellers by ${group}`}
              currency={currency}
              columns={[
                { key: 'name', label: group[0]!.toUpperCase() + group.slice(1), kind: 'text' },
                // What a merchant acts on first (sales, stock left), then the parts of net sales: on a laptop the
                // table scrolls sideways after about six columns.
                { key: 'units', label: 'Units sold', kind: 'count' },
                { key: 'net', label: 'Net sales', kind: 'money' },
                ...(group === 'category'
                  ? []
                  : [
                      { key: 'available', label: 'Available', kind: 'count' as const },
                      { key: 'cover', label: 'Stock cover', kind: 'text' as const },
                    ]),
                { key: 'refundedUnits', label: 'Units refunded', kind: 'count' },
                { key: 'gross', label: 'Gross sales', kind: 'money' },
                { key: 'discounts', label: 'Discounts', kind: 'money' },
                { key: 'refunded', label: 'Refunds', kind: 'money' },
              ]}
              rows={report.rows.map(({ key: _key, cover, ...r }) => ({
                ...r,
                cover: coverText(cover, r.available),
              }))}
            />
          </section>
          <section class="adm-card adm-card-flush" aria-labelledby="running-low">
            <div class="adm-card-head adm-card-head-pad">
              <h2 id="running-low">Running low</h2>
            </div>
            <p class="adm-muted adm-card-pad">
              {`SKUs with less than ${report.stockCover.lowerThan} days of stock at the rate they sold over the last ${report.stockCover.days} days (${report.stockCover.from} to ${report.stockCover.to}, net of refunds), whatever the range above.`}
            </p>
            {report.runningLow.length === 0 ? (
              <p class="adm-empty adm-card-pad">No SKU is running low.</p>
            ) : (
              <DataTable
                caption="SKUs running low, least cover first"
                captionHidden
                columns={[
                  { key: 'name', label: 'SKU', kind: 'text' },
                  { key: 'available', label: 'Available', kind: 'count' },
                  { key: 'rate', label: 'Sold per day', kind: 'text' },
                  { key: 'cover', label: 'Stock cover', kind: 'text' },
                ]}
                rows={report.runningLow.map((s) => ({
                  name: s.name,
                  available: s.available,
                  rate: s.rate.toLocaleString('en-US', { maximumFractionDigits: 2 }),
                  cover: coverText(s.cover, s.available),
                }))}
              />
            )}
          </section>
        </>
      )}
    </>
  );
});

export const head: DocumentHead = { title: 'Best sellers · Reports · Admin' };
