/**
 * A code promotion's batches of generated single-use codes: a form to generate more, and each batch with its CSV and
 * a "Deactivate batch" button behind a confirmation (a native popover: no JavaScript needed). The forms post as
 * documents, so the page comes back with the outcome whatever the browser runs.
 */
import { component$ } from '@builder.io/qwik';
import { type ActionStore, Form } from '@builder.io/qwik-city';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { TextField } from '~/components/admin/text-field/TextField';
import { formatDateTime, isoOf } from '~/lib/admin-format';

/** One batch as the table shows it. */
export interface BatchView {
  id: string;
  prefix: string;
  quantity: number;
  createdAt: number;
  deactivatedAt: number | null;
}

interface Props {
  promotionId: string;
  batches: BatchView[];
  canWrite: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: the page's routeAction$ stores; only their outcome is read here.
  generate: ActionStore<any, any, true>;
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  deactivate: ActionStore<any, any, true>;
}

export const CodeBatches = component$<Props>(({ promotionId, batches, canWrite, generate, deactivate }) => {
  const posted = (generate.value?.failed && generate.formData && Object.fromEntries(generate.formData)) || {};
  const errors = generate.value?.fieldErrors ?? {};
  return (
    <section class="adm-card adm-form" id="code-batches" aria-labelledby="code-batches-title">
      <div>
        <h2 id="code-batches-title">Single-use codes</h2>
        <p class="adm-hint">
          Generate unique codes that each work once, e.g. for a mailing. Up to 10,000 at a time; download them
          as CSV.
        </p>
      </div>
      {canWrite && (
        <Form action={generate} reloadDocument class="adm-batch-form">
          <TextField
            id="batch-quantity"
            name="quantity"
            type="number"
            label="Number of codes"
            hint="From 1 to 10,000."
            value={posted.quantity ?? '100'}
            error={errors.quantity}
            required
          />
          <TextField
            id="batch-prefix"
            name="prefix"
            label="Prefix (optional)"
            hint="Up to 12 letters or digits."
            value={posted.prefix ?? ''}
            error={errors.prefix}
            maxLength={12}
          />
          <button type="submit" class="adm-btn adm-btn-primary">
            Generate codes
          </button>
        </Form>
      )}
      <FormStatus outcome={outcomeOf(generate.value ?? deactivate.value)} />
      {batches.length === 0 ? (
        <p class="adm-empty">No codes generated yet.</p>
      ) : (
        <div class="adm-table-wrap">
          <table class="adm-table">
            <caption class="visually-hidden">Batches of generated codes, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Generated (UTC)</th>
                <th scope="col">Prefix</th>
                <th scope="col" class="adm-num">
                  Codes
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => {
                const what = `batch of ${b.quantity.toLocaleString('en-US')} codes generated ${formatDateTime(b.createdAt)}`;
                const popId = `deactivate-${b.id}`;
                return (
                  <tr key={b.id} class={b.deactivatedAt !== null ? 'adm-row-muted' : undefined}>
                    <th scope="row" class="adm-cell-main">
                      <time dateTime={isoOf(b.createdAt)}>{formatDateTime(b.createdAt)}</time>
                    </th>
                    <td>
                      {b.prefix ? (
                        <code class="adm-code">{b.prefix}</code>
                      ) : (
                        <span class="adm-muted">None</span>
                      )}
                    </td>
                    <td class="adm-num">{b.quantity.toLocaleString('en-US')}</td>
                    <td>
                      {b.deactivatedAt === null ? (
                        <span class="adm-badge adm-badge-ok">Active</span>
                      ) : (
                        <span class="adm-badge adm-badge-muted">
                          Deactivated {formatDateTime(b.deactivatedAt)}
                        </span>
                      )}
                    </td>
                    <td>
                      <div class="adm-row-actions">
                        <a
                          class="adm-btn adm-btn-secondary adm-btn-sm"
                          href={`/api/admin/promotions/${promotionId}/code-batches/${b.id}/codes.csv`}
                          download
                        >
                          Download CSV<span class="visually-hidden"> of the {what}</span>
                        </a>
                        {canWrite && b.deactivatedAt === null && (
                          <>
                            <button
                              type="button"
                              class="adm-btn adm-btn-danger-ghost adm-btn-sm"
                              popovertarget={popId}
                            >
                              Deactivate batch<span class="visually-hidden">: {what}</span>
                            </button>
                            <div
                              id={popId}
                              popover="auto"
                              class="adm-pop"
                              role="dialog"
                              aria-labelledby={`${popId}-title`}
                            >
                              <Form action={deactivate} reloadDocument>
                                <h2 id={`${popId}-title`}>Deactivate this batch?</h2>
                                <p>
                                  All {b.quantity.toLocaleString('en-US')} codes stop working at once,
                                  including any already sent out. Orders that used a code keep their discount.
                                  This cannot be undone.
                                </p>
                                <input type="hidden" name="batchId" value={b.id} />
                                <div class="adm-pop-actions">
                                  <button
                                    type="button"
                                    class="adm-btn adm-btn-secondary"
                                    popovertarget={popId}
                                    popovertargetaction="hide"
                                  >
                                    Cancel
                                  </button>
                                  <button type="submit" class="adm-btn adm-btn-danger">
                                    Yes, deactivate
                                  </button>
                                </div>
                              </Form>
                            </div>
                          </>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});
