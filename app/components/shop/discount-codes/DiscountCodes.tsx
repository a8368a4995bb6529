/**
 * The checkout's discount codes: the field to enter one, what each applied promotion saves (automatic ones too), and
 * each entered code that does not apply with the shop's reason and a button to remove it. Plain forms: no JavaScript
 * needed.
 */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import type { CheckoutView } from '@worker/services/checkout/checkout';
import { FormField } from '~/components/ui/form-field/FormField';
import { FormStatus } from '~/components/ui/form-status/FormStatus';
import { formatMoney } from '~/lib/format';
import type { ApplyCodeStore, RemoveCodeStore } from '~/routes/(shop)/checkout/index';

interface Props {
  checkout: CheckoutView;
  apply: ApplyCodeStore;
  remove: RemoveCodeStore;
}

/** The button that takes one code off, named by its code. */
const RemoveCode = component$<{ checkoutId: string; code: string; action: RemoveCodeStore }>(
  ({ checkoutId, code, action }) => (
    <Form action={action} class="discount-remove">
      <input type="hidden" name="checkout" value={checkoutId} />
      <input type="hidden" name="code" value={code} />
      <button type="submit" class="btn-link" aria-label={`Remove code ${code}`}>
        Remove
      </button>
    </Form>
  ),
);

export const DiscountCodes = component$<Props>(({ checkout, apply, remove }) => {
  const { applied, rejected } = checkout.discounts;
  const a = apply.value;
  const r = remove.value;
  const error = a?.failed ? (a.fieldErrors?.code ?? a.message) : undefined;
  const status = a && !a.failed ? `Applied ${a.applied}.` : r && !r.failed ? `Removed ${r.removed}.` : '';
  return (
    <section class="discount-codes" aria-labelledby="discount-codes-title">
      <h3 id="discount-codes-title">Discounts</h3>
      {applied.length > 0 && (
        <ul class="discount-list" aria-label="Discounts applied">
          {applied.map((a) => (
            <li key={a.code ?? a.name}>
              <span>
                {a.code ? <strong>{a.code}</strong> : null} {a.name}
              </span>
              <span class="discount-amount">−{formatMoney(a.amount)}</span>
              {a.code && <RemoveCode checkoutId={checkout.id} code={a.code} action={remove} />}
            </li>
          ))}
        </ul>
      )}
      {rejected.length > 0 && (
        <ul class="discount-list discount-rejected" aria-label="Codes that do not apply">
          {rejected.map((r) => (
            <li key={r.code}>
              <span>
                <strong>{r.code}</strong> does not apply: {r.message}
              </span>
              <RemoveCode checkoutId={checkout.id} code={r.code} action={remove} />
            </li>
          ))}
        </ul>
      )}
      <Form action={apply} class="discount-form" spaReset>
        <FormStatus status={status} error={r?.failed ? r.message : undefined} />
        <input type="hidden" name="checkout" value={checkout.id} />
        <FormField
          id="discount-code"
          name="code"
          label="Discount code"
          autoComplete="off"
          maxLength={32}
          error={error}
        />
        <button type="submit" class="btn btn-secondary">
          Apply code
        </button>
      </Form>
    </section>
  );
});
