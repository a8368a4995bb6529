/**
 * The checkout's payment step: one block per provider the shop offers (Stripe's card form, PayPal's approval, the
 * local test gateway's cards), all placing the order through the same action with the same idempotency key.
 */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { TEST_CARD_LABELS, TEST_CARDS } from '@domain/checkout/payment';
import type { CheckoutView } from '@worker/services/checkout/checkout';
import { StripePayment } from '~/components/shop/stripe-payment/StripePayment';
import { FormStatus } from '~/components/ui/form-status/FormStatus';
import { formatMoney } from '~/lib/format';
import type { PlaceOrderStore } from '~/routes/(shop)/checkout/index';

interface Props {
  checkout: CheckoutView;
  /** Minted when the page was rendered: a double submit pays once. */
  placeKey: string;
  /** Stripe's publishable key when Stripe is offered. */
  stripeKey: string | null;
  action: PlaceOrderStore;
}

export const PaymentStep = component$<Props>(({ checkout, placeKey, stripeKey, action }) => {
  return (
    <div class="form-stack">
      <FormStatus
        error={action.value?.failed ? action.value.message : (checkout.paymentError ?? undefined)}
      />
      {checkout.providers.length === 0 && (
        <p class="alert alert-error">No payment method is set up in this shop yet.</p>
      )}
      {stripeKey && checkout.providers.includes('stripe') && (
        <fieldset class="option-list">
          <legend>Card</legend>
          <StripePayment
            publishableKey={stripeKey}
            amount={checkout.totals.total.amount}
            currency={checkout.totals.total.currency}
            checkoutId={checkout.id}
            placeKey={placeKey}
            label={`Pay by card · ${formatMoney(checkout.totals.total)}`}
            action={action}
          />
        </fieldset>
      )}
      {checkout.providers.includes('paypal') && (
        <Form action={action} class="form-stack">
          <input type="hidden" name="checkout" value={checkout.id} />
          <input type="hidden" name="key" value={placeKey} />
          <input type="hidden" name="provider" value="paypal" />
          <fieldset class="option-list">
            <legend>PayPal</legend>
            <p class="field-hint">You approve the payment on PayPal's site and come back here.</p>
            <button type="submit" class="btn btn-secondary btn-block">
              Pay with PayPal · {formatMoney(checkout.totals.total)}
            </button>
          </fieldset>
        </Form>
      )}
      {checkout.providers.includes('test') && (
        <Form action={action} class="form-stack">
          <input type="hidden" name="checkout" value={checkout.id} />
          <input type="hidden" name="key" value={placeKey} />
          <input type="hidden" name="provider" value="test" />
          <fieldset class="option-list">
            <legend>
              Test gateway <span class="badge badge-warning">No real money</span>
            </legend>
            <p class="field-hint">This shop takes test payments: choose what the test card does.</p>
            {TEST_CARDS.map((card, i) => (
              <div key={card} class="option-row">
                <input id={`card-${card}`} type="radio" name="paymentToken" value={card} checked={i === 0} />
                <label for={`card-${card}`}>
                  <span class="option-title">{TEST_CARD_LABELS[card]}</span>
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" class="btn btn-primary btn-block">
            Place order · {formatMoney(checkout.totals.total)}
          </button>
        </Form>
      )}
    </div>
  );
});
