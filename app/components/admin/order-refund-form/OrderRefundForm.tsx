/**
 * Refund an order by lines (a quantity per line) or by an amount, less an optional restocking fee and return-shipping
 * deduction; restocking the refunded lines is a checkbox to tick each time. Amounts are typed in the order's currency.
 * A hidden refund id, fresh for each rendering, makes a form sent twice (double click, resend after a dropped
 * connection) one refund.
 */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import type { useRefundOrder } from '~/lib/admin-order-refunds';

interface Props {
  action: ReturnType<typeof useRefundOrder>;
  lines: { id: string; sku: string; name: string; quantity: number }[];
  currency: string;
  /** What is left to refund, formatted. */
  refundable: string;
  /** The id the refund will take: a fresh one per rendering of the form. */
  refundId: string;
}

export const OrderRefundForm = component$<Props>(({ action, lines, currency, refundable, refundId }) => {
  const errors = outcomeOf(action.value).fieldErrors ?? {};
  return (
    <Form action={action} class="adm-card adm-form" id="refund-form" spaReset>
      <h2>Refund</h2>
      <input type="hidden" name="refundId" value={refundId} />
      <p class="adm-muted">Up to {refundable} is left to refund. Give quantities per line, or an amount.</p>
      <fieldset class="adm-checks">
        <legend>Units to refund per line</legend>
        {lines.map((l, i) => (
          <div class="adm-field" key={l.id}>
            <label for={`refund-qty-${i}`}>
              {l.name} ({l.sku}), bought {l.quantity}
            </label>
            <input
              id={`refund-qty-${i}`}
              class="adm-input"
              type="number"
              name={`qty.${l.id}`}
              min={0}
              max={l.quantity}
              value={0}
              inputMode="numeric"
            />
          </div>
        ))}
      </fieldset>
      <div class="adm-field">
        <label for="refund-amount">Or an amount ({currency})</label>
        <input
          id="refund-amount"
          class="adm-input"
          name="amount"
          inputMode="decimal"
          aria-invalid={errors.amount ? 'true' : undefined}
        />
        {errors.amount && <p class="adm-field-error">{errors.amount}</p>}
      </div>
      <div class="adm-field">
        <label for="refund-fee">Restocking fee ({currency}, optional)</label>
        <input id="refund-fee" class="adm-input" name="restockingFee" inputMode="decimal" />
        {errors.restockingFee && <p class="adm-field-error">{errors.restockingFee}</p>}
      </div>
      <div class="adm-field">
        <label for="refund-shipping">Return shipping deduction ({currency}, optional)</label>
        <input id="refund-shipping" class="adm-input" name="returnShippingDeduction" inputMode="decimal" />
        {errors.returnShippingDeduction && <p class="adm-field-error">{errors.returnShippingDeduction}</p>}
      </div>
      <div class="adm-field">
        <label for="refund-reason">Reason (optional, shown to the customer)</label>
        <input id="refund-reason" class="adm-input" name="reason" maxLength={500} />
      </div>
      <label class="adm-check">
        <input type="checkbox" name="restock" /> Put the refunded units back in stock
      </label>
      <FormStatus outcome={outcomeOf(action.value)} />
      <button type="submit" class="adm-btn adm-btn-primary" disabled={action.isRunning}>
        Refund
      </button>
    </Form>
  );
});
