/**
 * The reports' shared header: the report tabs (links that keep the range), the progress of a background recount of
 * the rollups while one runs, and the range form (a plain GET form: from, to, and for reports drawn over time grain
 * and comparison) with each field's error beside it. A report that totals the range keeps the grain and comparison
 * as hidden fields, so the links to the other reports still carry what was chosen there.
 */
import { component$ } from '@builder.io/qwik';
import { RebuildStatus } from '~/components/admin/report-filters/RebuildStatus';
import { TextField } from '~/components/admin/text-field/TextField';
import { REPORT_PAGES, type ReportPath, shownRangeFields } from '~/lib/report-fields';
import type { ReportPageQuery } from '~/lib/report-page';

interface Props {
  query: ReportPageQuery;
  /** This page's address, for the form, the current tab and the fields it shows. */
  path: ReportPath;
  /** The CSV download's API path (`/api/admin/reports/sales`). */
  csv: string;
  /** More of the report's own query for the download (`group=variant&by=net`). */
  csvQuery?: string;
  /** The report's own choices the form keeps as hidden fields (`{ group: 'variant' }`), so a new range keeps them. */
  keep?: Record<string, string>;
  /** Where to export every row of the range in the background (the table shows the top ones only), with more query. */
  exportAll?: { href: string; query: string; label: string };
}

export const ReportFilters = component$<Props>(({ query, path, csv, csvQuery, keep, exportAll }) => {
  const shown = shownRangeFields(path, query.errors);
  return (
    <>
      <nav class="adm-tabs" aria-label="Reports">
        <ul>
          {REPORT_PAGES.map((t) => (
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
        {Object.entries(keep ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
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
          {shown.grain ? (
            <div class="adm-field">
              <label for="r-grain">Group by</label>
              <select
                id="r-grain"
                name="grain"
                class="adm-input"
                aria-invalid={query.errors.grain ? 'true' : undefined}
                aria-describedby={query.errors.grain ? 'r-grain-error' : undefined}
              >
                {(['day', 'week', 'month'] as const).map((g) => (
                  <option key={g} value={g} selected={query.values.grain === g}>
                    {g[0]!.toUpperCase() + g.slice(1)}
                  </option>
                ))}
              </select>
              {query.errors.grain && (
                <p id="r-grain-error" class="adm-field-error">
                  {query.errors.grain}
                </p>
              )}
            </div>
          ) : (
            <input type="hidden" name="grain" value={query.values.grain} />
          )}
          {shown.compare ? (
            <div class="adm-field">
              <label for="r-compare">Compare with</label>
              <select
                id="r-compare"
                name="compare"
                class="adm-input"
                aria-invalid={query.errors.compare ? 'true' : undefined}
                aria-describedby={query.errors.compare ? 'r-compare-error' : undefined}
              >
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
              {query.errors.compare && (
                <p id="r-compare-error" class="adm-field-error">
                  {query.errors.compare}
                </p>
              )}
            </div>
          ) : (
            <input type="hidden" name="compare" value={query.values.compare} />
          )}
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
          {query.range && exportAll && (
            <a
              class="adm-btn adm-btn-secondary"
              href={`${exportAll.href}?${query.search}&${exportAll.query}`}
            >
              {exportAll.label}
            </a>
          )}
          <p class="adm-hint">Days in {query.timeZone}.</p>
        </div>
      </form>
    </>
  );
});
