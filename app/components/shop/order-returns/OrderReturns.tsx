/**
 * The shopper's returns of an order: each return with its status and what happened to it, and — within the return
 * window — the "Return items" form: per item a quantity and a reason (a note for "Other"). Works without JavaScript.
 */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { RETURN_REASON_LABELS, RETURN_REASONS } from '@domain/orders/returns';
import { formatDate } from '~/lib/format';
import type { ShownReturns, useRequestReturn } from '~/lib/shop-returns';

interface Props {
  returns: ShownReturns;
  action: ReturnType<typeof useRequestReturn>;
}

function quantities(n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => i);
}

function outcome(r: ShownReturns['returns'][number]['lines'][number]): string {
  if (r.restocked === null) return '';
  return ` · received: ${r.restocked + (r.damaged ?? 0)} arrived${r.missing ? `, ${r.missing} missing` : ''}`;
}

export const OrderReturns = component$<Props>(({ returns: d, action }) => {
  const failed = action.value?.failed ? action.value : null;
  const errors = (failed?.fieldErrors ?? {}) as Record<string, string | undefined>;
  // After a refusal the form shows what was chosen (without JavaScript the page is rendered anew).
  const posted = failed ? action.formData : undefined;
  function chosen(name: string): string {
    return posted ? String(posted.get(name) ?? '') : '';
  }
  return (
    <section class="panel order-returns" id="returns" aria-labelledby="returns-title">
      <h2 id="returns-title">Returns</h2>
      <div class="alert alert-success" role="status">
        {d.requested && <p>Return {d.requested} requested. We will email you once we have looked at it.</p>}
      </div>
      {d.returns.length > 0 && (
        <ul class="return-list">
          {d.returns.map((r) => (
            <li key={r.id} class="return-item">
              <p class="return-head">
                <strong>Return {r.number}</strong>{' '}
                <span class={['status-badge', `return-${r.status}`]}>{r.statusLabel}</span>{' '}
                <span class="muted">requested {formatDate(r.requestedAt)}</span>
              </p>
              <ul class="return-lines">
                {r.lines.map((l) => (
                  <li key={l.orderLineId}>
                    {l.quantity} × {l.name}{' '}
                    <span class="muted">
                      ({l.reason}){outcome(l)}
                    </span>
                  </li>
                ))}
              </ul>
              {r.decisionReason && (
                <p class="form-note">
                  {r.status === 'rejected' ? 'Reason' : 'Note'}: {r.decisionReason}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {d.canRequest ? (
        <Form action={action} class="form-stack return-form">
          <h3>Return items</h3>
          <p class="form-note">
            You can start a return until {d.windowUntil ? formatDate(d.windowUntil) : 'the window closes'}.
            Choose how many of each item to send back and why.
          </p>
          <div class="alert alert-error" role="alert">
            {failed?.message && <p>{failed.message}</p>}
          </div>
          {d.lines.map((l, i) => (
            <fieldset key={l.id} class="return-line">
              <legend>{l.name}</legend>
              <div class="return-line-fields">
                <div class="field">
                  <label for={`return-qty-${i}`}>Quantity to return</label>
                  <select id={`return-qty-${i}`} class="select" name={`qty.${l.id}`}>
                    {quantities(l.returnable).map((n) => (
                      <option key={n} value={String(n)} selected={chosen(`qty.${l.id}`) === String(n)}>
                        {n === 0 ? 'None' : String(n)}
                      </option>
                    ))}
                  </select>
                </div>
                <div class={['field', errors[`reason.${l.id}`] ? 'field-invalid' : '']}>
                  <label for={`return-reason-${i}`}>Reason</label>
                  <select
                    id={`return-reason-${i}`}
                    class="select"
                    name={`reason.${l.id}`}
                    aria-invalid={errors[`reason.${l.id}`] ? 'true' : undefined}
                    aria-describedby={errors[`reason.${l.id}`] ? `return-reason-error-${i}` : undefined}
                  >
                    <option value="">Choose a reason</option>
                    {RETURN_REASONS.map((r) => (
                      <option key={r} value={r} selected={chosen(`reason.${l.id}`) === r}>
                        {RETURN_REASON_LABELS[r]}
                      </option>
                    ))}
                  </select>
                  {errors[`reason.${l.id}`] && (
                    <p class="field-error" id={`return-reason-error-${i}`}>
                      {errors[`reason.${l.id}`]}
                    </p>
                  )}
                </div>
              </div>
              <div class={['field', errors[`lineNote.${l.id}`] ? 'field-invalid' : '']}>
                <label for={`return-note-${i}`}>Note (needed for “Other”)</label>
                <input
                  id={`return-note-${i}`}
                  class="input"
                  name={`lineNote.${l.id}`}
                  maxLength={500}
                  value={chosen(`lineNote.${l.id}`)}
                  aria-invalid={errors[`lineNote.${l.id}`] ? 'true' : undefined}
                  aria-describedby={errors[`lineNote.${l.id}`] ? `return-note-error-${i}` : undefined}
                />
                {errors[`lineNote.${l.id}`] && (
                  <p class="field-error" id={`return-note-error-${i}`}>
                    {errors[`lineNote.${l.id}`]}
                  </p>
                )}
              </div>
            </fieldset>
          ))}
          <div class="field">
            <label for="return-comment">Anything else we should know (optional)</label>
            <textarea
              id="return-comment"
              class="input"
              name="comment"
              rows={2}
              maxLength={1000}
              value={chosen('comment')}
            />
          </div>
          <input type="hidden" name="key" value={d.key} />
          <button type="submit" class="btn btn-primary" disabled={action.isRunning}>
            Request return
          </button>
        </Form>
      ) : (
        <p class="muted">
          {d.windowUntil === null
            ? 'You can return items once they have shipped.'
            : d.windowUntil < Date.now()
              ? `The ${d.windowDays}-day return window closed on ${formatDate(d.windowUntil)}.`
              : 'Everything that shipped is already in a return.'}
        </p>
      )}
    </section>
  );
});
