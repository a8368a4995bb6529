/**
 * The reports' shared header: the report tabs (links that keep the range), the progress of a background recount of
 * the rollups while one runs, and the range form (a plain GET form: from, to, grain, comparison) with each field's
 * error beside it.
 */
import { component$ } from '@builder.io/qwik';
import { RebuildStatus } from '~/components/admin/report-filters/RebuildStatus';
import { TextField } from '~/components/admin/text-field/TextField';
import type { ReportPageQuery } from '~/lib/report-page';

const TABS = [
  { href: '/admin/reports', label: 'Sales' },
  { href: '/admin/reports/products', label: 'Products' },
  { href: '/admin/reports/customers', label: 'Customers' },
  { href: '/admin/reports/promotions', label: 'Promotions' },
  { href: '/admin/reports/traffic', label: 'Traffic' },
] as const;

interface Props {
  query: ReportPageQuery;
  /** This page's address, for the form and the current tab. */
  path: (typeof TABS)[number]['href'];
  /** The CSV download's API path (`/api/admin/reports/sales`). */
  csv: string;
  /** More of the report's own query for the download (`group=variant&by=net`). */
  csvQuery?: string;
}

export const ReportFilters = component$<Props>(({ query, path, csv, csvQuery }) => (
  <>
    <nav class="adm-tabs" aria-label="Reports">
      <ul>
        {TABS.map((t) => (
          <li key={t.href}>
            <a
              href={query.search ? `${t.href}?${query.search}` : t.href}
              aria-current={t.href === path ? 'page' : undefined}
            >
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
    <RebuildStatus timeZone={query.timeZone} progress={query.rebuilding} />
    <form class="adm-card adm-filters" method="get" action={path} aria-labelledby="range-title">
      <h2 id="range-title" class="visually-hidden">
        Date range
      </h2>
      <div class="adm-filter-grid">
        <TextField
          id="r-from"
          name="from"
          type="date"
          label="From"
          value={query.values.from}
          error={query.errors.from}
        />
        <TextField
          id="r-to"
          name="to"
          type="date"
          label="To"
          value={query.values.to}
          error={query.errors.to}
        />
        <div class="adm-field">
          <label for="r-grain">Group by</label>
          <select id="r-grain" name="grain" class="adm-input">
            {(['day', 'week', 'month'] as const).map((g) => (
              <option key={g} value={g} selected={query.values.grain === g}>
                {g[0]!.toUpperCase() + g.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div class="adm-field">
          <label for="r-compare">Compare with</label>
          <select id="r-compare" name="compare" class="adm-input">
            <option value="previous" selected={query.values.compare === 'previous'}>
              Previous period
            </option>
            <option value="last-year" selected={query.values.compare === 'last-year'}>
              Same dates last year
            </option>
            <option value="none" selected={query.values.compare === 'none'}>
              No comparison
            </option>
          </select>
        </div>
      </div>
      <div class="adm-actions">
        <button type="submit" class="adm-btn adm-btn-primary">
          Show report
        </button>
        {query.range && (
          <a
            class="adm-btn adm-btn-secondary"
            href={`${csv}?${query.search}&format=csv${csvQuery ? `&${csvQuery}` : ''}`}
            download
          >
            Download CSV
          </a>
        )}
        <p class="adm-hint">Days in {query.timeZone}.</p>
      </div>
    </form>
  </>
));
