/**
 * Cancel an order that has not shipped: a reason (required) and whether to put its units back in stock, asked every
 * time (never implied). What was captured is refunded in full to the original payment method.
 */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import type { useCancelOrder } from '~/lib/admin-order-refunds';

interface Props {
  action: ReturnType<typeof useCancelOrder>;
  /** The refund it will make, formatted ("$42.00"), or null when nothing was captured. */
  refund: string | null;
}

export const OrderCancelForm = component$<Props>(({ action, refund }) => {
  return (
    <Form action={action} class="adm-card adm-form" id="cancel-form" spaReset>
      <h2>Cancel the order</h2>
      <p class="adm-muted">
        {refund
          ? `Cancelling refunds ${refund} to the original payment method.`
          : 'Nothing was captured, so nothing is refunded.'}
      </p>
      <div class="adm-field">
        <label for="cancel-reason">Reason for cancelling</label>
        <input
          id="cancel-reason"
          class="adm-input"
          name="reason"
          maxLength={500}
          required
          aria-invalid={action.value?.fieldErrors?.reason ? 'true' : undefined}
        />
      </div>
      <label class="adm-check">
        <input type="checkbox" name="restock" /> Put the units back in stock
      </label>
      <FormStatus outcome={outcomeOf(action.value)} />
      <button type="submit" class="adm-btn adm-btn-danger" disabled={action.isRunning}>
        Cancel order
      </button>
    </Form>
  );
});
