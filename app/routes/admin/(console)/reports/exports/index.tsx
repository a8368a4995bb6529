/**
 * Report exports: every product, variant or category that sold in a range, written in the background (the best
 * sellers page lists the top 100). A form starts one (reports:read, checked again by the action); the table lists
 * the last 7 days' exports with their progress and, when done, the CSV to download.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { statusOfError } from '@domain/core/errors';
import { addDays } from '@domain/reports/time-zone';
import {
  ExportRequest,
  listExports,
  type ReportExport,
  startProductsExport,
} from '@worker/services/reports/exports';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { TextField } from '~/components/admin/text-field/TextField';
import { staffWith } from '~/lib/admin-session';

const GROUPS = [
  { value: 'product', label: 'Products', plural: 'products' },
  { value: 'variant', label: 'Variants (SKUs)', plural: 'variants' },
  { value: 'category', label: 'Categories', plural: 'categories' },
] as const;

export const useExports = routeLoader$(async ({ platform, url }) => {
  const now = Date.now();
  const today = new Date(now).toISOString().slice(0, 10);
  // The form starts from the range and grouping the best sellers page linked with, or the last 30 days.
  const asked = ExportRequest.safeParse({
    from: url.searchParams.get('from'),
    to: url.searchParams.get('to'),
    group: url.searchParams.get('group') ?? 'product',
  });
  const values = asked.success ? asked.data : { from: addDays(today, -29), to: today, group: 'product' };
  return { values, exports: await listExports(createDb(platform.env), now) };
});

export const useStartExport = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'reports:read');
    if (!actor) return event.fail(403, { message: 'Your roles do not allow reading reports.' });
    const request = ExportRequest.safeParse(input);
    if (!request.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of request.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
      return event.fail(400, { message: 'Check the range and the grouping.', fieldErrors });
    }
    const started = await startProductsExport(
      createDb(event.platform.env),
      event.platform.env,
      request.data,
      { staffId: actor.id, currency: event.platform.env.SHOP_CURRENCY },
      Date.now(),
    );
    if (!started.ok) return event.fail(statusOfError(started.error.code), { message: started.error.detail });
    return {
      message: `Export started: ${exportName(started.value)}. It is listed below; refresh to follow it.`,
    };
  },
  zod$({ from: z.string().max(10), to: z.string().max(10), group: z.string().max(20) }),
);

function exportName(e: Pick<ReportExport, 'group' | 'from' | 'to'>): string {
  const group = GROUPS.find((g) => g.value === e.group)?.plural ?? e.group;
  return `${group} from ${e.from} to ${e.to}`;
}

function capitalised(text: string): string {
  return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
}

function statusText(e: ReportExport): string {
  if (e.status === 'done') return `Done: ${e.rows.toLocaleString('en-US')} rows`;
  if (e.status === 'failed') return 'Stopped: start it again';
  const percent = e.total === 0 ? 0 : Math.floor((e.done / e.total) * 100);
  return `Running: ${percent} % (${e.done.toLocaleString('en-US')} of ${e.total.toLocaleString('en-US')})`;
}

export default component$(() => {
  const { values, exports } = useExports().value;
  const start = useStartExport();
  const outcome = outcomeOf(start.value);
  const running = exports.some((e) => e.status === 'running');
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Report exports</h1>
          <p class="adm-lede">
            Every product, variant or category that sold in a range, with units, gross sales, discounts,
            refunds and net sales, as a CSV file. Large shops take a few minutes; exports are kept for 7 days.
          </p>
        </div>
        <a class="adm-btn adm-btn-secondary" href="/admin/reports/products">
          Back to best sellers
        </a>
      </div>
      <Form action={start} class="adm-card adm-filters" aria-labelledby="new-export">
        <h2 id="new-export">New export</h2>
        <div class="adm-filter-grid">
          <TextField
            id="x-from"
            name="from"
            type="date"
            label="From"
            value={values.from}
            error={outcome.fieldErrors?.from}
            required
          />
          <TextField
            id="x-to"
            name="to"
            type="date"
            label="To"
            value={values.to}
            error={outcome.fieldErrors?.to}
            required
          />
          <div class="adm-field">
            <label for="x-group">One row per</label>
            <select id="x-group" name="group" class="adm-input">
              {GROUPS.map((g) => (
                <option key={g.value} value={g.value} selected={g.value === values.group}>
                  {g.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="adm-actions">
          <button type="submit" class="adm-btn adm-btn-primary">
            Start export
          </button>
        </div>
        <FormStatus outcome={outcome} />
      </Form>
      <section class="adm-card adm-card-flush" aria-labelledby="recent-exports">
        <div class="adm-card-head adm-card-head-pad">
          <h2 id="recent-exports">Last 7 days</h2>
          {running && (
            <a class="adm-btn adm-btn-secondary" href="/admin/reports/exports">
              Refresh progress
            </a>
          )}
        </div>
        {exports.length === 0 ? (
          <p class="adm-empty adm-card-pad">No exports yet.</p>
        ) : (
          <div class="adm-table-wrap">
            <table class="adm-table">
              <caption class="visually-hidden">Exports of the last 7 days, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Export</th>
                  <th scope="col">Status</th>
                  <th scope="col">Started</th>
                  <th scope="col">File</th>
                </tr>
              </thead>
              <tbody>
                {exports.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{capitalised(exportName(e))}</th>
                    <td>{statusText(e)}</td>
                    <td>
                      <time dateTime={new Date(e.createdAt).toISOString()}>
                        {new Date(e.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC
                      </time>
                    </td>
                    <td>
                      {e.status === 'done' ? (
                        <a href={`/api/admin/report-exports/${e.id}/download`} download>
                          Download CSV<span class="visually-hidden">: {exportName(e)}</span>
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
});

export const head: DocumentHead = { title: 'Report exports' };
