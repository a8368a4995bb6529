/**
 * The dashboard's sales tiles: today and the last 30 days, each figure in words with its change and a trend line.
 * While the rollups are recounted in the background the tiles are incomplete, so they carry the report pages' note.
 */
import { component$ } from '@builder.io/qwik';
import type { RebuildProgress } from '@domain/reports/rebuild';
import type { SalesFigures } from '@domain/reports/sales';
import { Sparkline } from '~/components/admin/charts/Sparkline';
import { RebuildStatus } from '~/components/admin/report-filters/RebuildStatus';
import { formatAmount, formatChange, formatCount } from '~/lib/report-format';

interface Props {
  sales: {
    today: SalesFigures;
    month: SalesFigures;
    changes: Partial<Record<keyof SalesFigures, number | null>>;
    trend: number[];
    orders: number[];
    currency: string;
    timeZone: string;
    rebuilding: RebuildProgress | null;
  };
}

export const DashboardSales = component$<Props>(({ sales }) => {
  return (
    <section class="adm-card adm-dash-sales" aria-labelledby="sales-head">
      <div class="adm-card-head">
        <h2 id="sales-head">Sales</h2>
        <a class="adm-link" href="/admin/reports">
          Open reports
        </a>
      </div>
      <RebuildStatus timeZone={sales.timeZone} progress={sales.rebuilding} />
      <ul class="adm-stats" aria-label="Sales figures">
        <li class="adm-stat">
          <div>
            <p class="adm-stat-label">Net sales today</p>
            <p class="adm-stat-value">{formatAmount(sales.today.net, sales.currency)}</p>
            <p class="adm-stat-note">{formatCount(sales.today.orders)} orders today</p>
          </div>
        </li>
        <li class="adm-stat">
          <div>
            <p class="adm-stat-label">Net sales, last 30 days</p>
            <p class="adm-stat-value">{formatAmount(sales.month.net, sales.currency)}</p>
            <p class="adm-stat-note">{formatChange(sales.changes.net ?? null)} vs the 30 days before</p>
            <Sparkline values={sales.trend} />
          </div>
        </li>
        <li class="adm-stat">
          <div>
            <p class="adm-stat-label">Orders, last 30 days</p>
            <p class="adm-stat-value">{formatCount(sales.month.orders)}</p>
            <p class="adm-stat-note">{formatChange(sales.changes.orders ?? null)} vs the 30 days before</p>
            <Sparkline values={sales.orders} />
          </div>
        </li>
        <li class="adm-stat">
          <div>
            <p class="adm-stat-label">Average order value</p>
            <p class="adm-stat-value">{formatAmount(sales.month.averageOrderValue, sales.currency)}</p>
            <p class="adm-stat-note">
              {formatChange(sales.changes.averageOrderValue ?? null)} vs the 30 days before
            </p>
          </div>
        </li>
      </ul>
    </section>
  );
});
