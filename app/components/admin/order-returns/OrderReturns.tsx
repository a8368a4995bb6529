/**
 * The order page's Returns section: each return with its lines, the customer's reasons and notes; staff with
 * returns:write approve or reject a requested return (a reason the customer reads), and record what arrived of an
 * approved one — per line restocked (back on sale), damaged, missing. Receiving does not refund: the Refund form
 * on this page is that separate step. Every form works without JavaScript.
 */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { formatDateTime, isoOf } from '~/lib/admin-format';
import type { AdminReturns, useDecideReturn, useReceiveReturn } from '~/lib/admin-order-returns';

interface Props {
  data: AdminReturns;
  decide: ReturnType<typeof useDecideReturn>;
  receive: ReturnType<typeof useReceiveReturn>;
  /** True when the page shows the Refund form (receiving links to it). */
  canRefund: boolean;
}

const BADGE: Record<string, string> = {
  requested: 'adm-status-pending',
  approved: 'adm-status-processing',
  rejected: 'adm-status-cancelled',
  received: 'adm-status-delivered',
};

type Return = AdminReturns['returns'][number];

function received(l: Return['lines'][number]): string {
  return l.restocked === null
    ? '—'
    : `${l.restocked} restocked, ${l.damaged ?? 0} damaged, ${l.missing ?? 0} missing`;
}

export const OrderReturns = component$<Props>(({ data, decide, receive, canRefund }) => {
  const decided = decide.value?.failed ? decide.value : null;
  const receiving = receive.value?.failed ? receive.value : null;
  return (
    <section class="adm-card" id="returns" aria-labelledby="returns-title">
      <div class="adm-card-head">
        <h2 id="returns-title">Returns</h2>
        <p class="adm-muted">
          Customers may start a return within {data.windowDays} days of delivery.
          {data.canSeeSettings && (
            <>
              {' '}
              <a href="/admin/settings/returns">Change the return window</a>
            </>
          )}
        </p>
      </div>
      {data.returns.length === 0 && <p class="adm-empty">The customer has not asked to return anything.</p>}
      {data.returns.map((r) => (
        <article key={r.id} class="adm-return" aria-labelledby={`return-${r.id}`}>
          <h3 id={`return-${r.id}`}>
            Return {r.number} <span class={['adm-badge', BADGE[r.status] ?? '']}>{r.statusLabel}</span>
          </h3>
          <p class="adm-muted">
            Requested <time dateTime={isoOf(r.requestedAt)}>{formatDateTime(r.requestedAt)}</time> ·{' '}
            {r.reasonSummary}
          </p>
          {r.customerNote && <p>Customer’s note: {r.customerNote}</p>}
          {r.decisionReason && (
            <p>
              {r.status === 'rejected' ? 'Rejected because' : 'Note to the customer'}: {r.decisionReason}
            </p>
          )}
          <div class="adm-table-wrap">
            <table class="adm-table">
              <caption class="visually-hidden">Items in return {r.number}</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" class="adm-num">
                    Units
                  </th>
                  <th scope="col">Reason</th>
                  <th scope="col">Received</th>
                </tr>
              </thead>
              <tbody>
                {r.lines.map((l) => (
                  <tr key={l.orderLineId}>
                    <th scope="row" class="adm-cell-main">
                      {l.name} <code class="adm-code">{l.sku}</code>
                    </th>
                    <td class="adm-num">{l.quantity}</td>
                    <td>
                      {l.reason}
                      {l.note && <span class="adm-muted"> · {l.note}</span>}
                    </td>
                    <td>{received(l)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.canWrite && r.status === 'requested' && (
            <div class="adm-return-decide">
              <Form action={decide} class="adm-form">
                <input type="hidden" name="returnId" value={r.id} />
                <input type="hidden" name="decision" value="approve" />
                <div class="adm-field">
                  <label for={`approve-note-${r.id}`}>Note to the customer (optional)</label>
                  <input id={`approve-note-${r.id}`} class="adm-input" name="reason" maxLength={500} />
                </div>
                <button type="submit" class="adm-btn adm-btn-primary" disabled={decide.isRunning}>
                  Approve return {r.number}
                </button>
              </Form>
              <Form action={decide} class="adm-form">
                <input type="hidden" name="returnId" value={r.id} />
                <input type="hidden" name="decision" value="reject" />
                <div class="adm-field">
                  <label for={`reject-reason-${r.id}`}>Reason for rejecting (the customer reads it)</label>
                  <input
                    id={`reject-reason-${r.id}`}
                    class="adm-input"
                    name="reason"
                    maxLength={500}
                    required
                  />
                </div>
                <button type="submit" class="adm-btn adm-btn-secondary" disabled={decide.isRunning}>
                  Reject return {r.number}
                </button>
              </Form>
            </div>
          )}
          {decided?.returnId === r.id && <FormStatus outcome={outcomeOf(decide.value)} />}
          {data.canWrite && r.status === 'approved' && (
            <Form action={receive} class="adm-form adm-return-receive">
              <input type="hidden" name="returnId" value={r.id} />
              <fieldset>
                <legend>What arrived of return {r.number}</legend>
                {r.lines.map((l, i) => (
                  <div key={l.orderLineId} class="adm-return-receive-line">
                    <p class="adm-cell-main">
                      {l.name} <span class="adm-muted">({l.quantity} returned)</span>
                    </p>
                    <div class="adm-field">
                      <label for={`restocked-${r.id}-${i}`}>Restock</label>
                      <input
                        id={`restocked-${r.id}-${i}`}
                        class="adm-input"
                        type="number"
                        inputMode="numeric"
                        name={`restocked.${l.orderLineId}`}
                        min={0}
                        max={l.quantity}
                        value={l.quantity}
                      />
                    </div>
                    <div class="adm-field">
                      <label for={`damaged-${r.id}-${i}`}>Damaged</label>
                      <input
                        id={`damaged-${r.id}-${i}`}
                        class="adm-input"
                        type="number"
                        inputMode="numeric"
                        name={`damaged.${l.orderLineId}`}
                        min={0}
                        max={l.quantity}
                        value={0}
                      />
                    </div>
                    <div class="adm-field">
                      <label for={`missing-${r.id}-${i}`}>Missing</label>
                      <input
                        id={`missing-${r.id}-${i}`}
                        class="adm-input"
                        type="number"
                        inputMode="numeric"
                        name={`missing.${l.orderLineId}`}
                        min={0}
                        max={l.quantity}
                        value={0}
                      />
                    </div>
                  </div>
                ))}
              </fieldset>
              <p class="adm-hint">Restocked units go back on sale. Receiving does not refund the customer.</p>
              {receiving?.returnId === r.id && <FormStatus outcome={outcomeOf(receive.value)} />}
              <button type="submit" class="adm-btn adm-btn-primary" disabled={receive.isRunning}>
                Record receipt of {r.number}
              </button>
            </Form>
          )}
          {r.status === 'received' && canRefund && (
            <p class="adm-hint">
              To refund these items, use the <a href="#refund-form">Refund form</a> (receiving did not
              refund).
            </p>
          )}
        </article>
      ))}
    </section>
  );
});
