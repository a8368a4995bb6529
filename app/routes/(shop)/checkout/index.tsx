/**
 * Checkout: contact → shipping address → shipping method → payment, on one page. Each step is a plain form (works
 * without JavaScript) that the server checks and saves in order; done steps show what was chosen with a link to
 * change it. Totals always come from the server.
 */
import { component$, type JSXOutput } from '@builder.io/qwik';
import { type DocumentHead, Form, type RequestHandler, routeLoader$ } from '@builder.io/qwik-city';
import { listAddresses } from '@db/repositories/addresses';
import { CHECKOUT_STEPS, type CheckoutStep } from '@domain/checkout/checkout';
import { newId } from '@domain/core/ids';
import { addressFieldLabels, SUPPORTED_COUNTRIES, SUPPORTED_COUNTRY_CODES } from '@domain/customers/address';
import { startCheckout } from '@worker/services/checkout/checkout';
import { stripePublishableKey } from '@worker/services/checkout/gateways';
import { AddressForm } from '~/components/shop/address-form/AddressForm';
import { AddressLines } from '~/components/shop/address-lines/AddressLines';
import { CheckoutSummary } from '~/components/shop/checkout-summary/CheckoutSummary';
import { DiscountCodes } from '~/components/shop/discount-codes/DiscountCodes';
import { PaymentStep } from '~/components/shop/payment-step/PaymentStep';
import { FormField } from '~/components/ui/form-field/FormField';
import { FormStatus } from '~/components/ui/form-status/FormStatus';
import { readCartId } from '~/lib/cart-cookie';
import { pageCheckoutContext } from '~/lib/checkout-context';
import { countryName, formatMoney } from '~/lib/format';
import { pageCustomer } from '~/lib/session';
import { recordPageStep } from '~/lib/traffic';
import {
  useApplyDiscountCode,
  useCheckoutAddress,
  useContact,
  usePlaceOrder,
  useRemoveDiscountCode,
  useSavedAddress,
  useShippingMethod,
} from './actions';

export {
  useApplyDiscountCode,
  useCheckoutAddress,
  useContact,
  usePlaceOrder,
  useRemoveDiscountCode,
  useSavedAddress,
  useShippingMethod,
} from './actions';

export type PlaceOrderStore = ReturnType<typeof usePlaceOrder>;
export type ApplyCodeStore = ReturnType<typeof useApplyDiscountCode>;
export type RemoveCodeStore = ReturnType<typeof useRemoveDiscountCode>;

/** One shopper's checkout: kept out of every cache (the service worker's too). */
export const onRequest: RequestHandler = ({ headers }) => {
  headers.set('Cache-Control', 'no-store');
};

const TITLES: Record<CheckoutStep, string> = {
  contact: 'Contact',
  address: 'Shipping address',
  shipping: 'Shipping method',
  payment: 'Payment',
};

export const useCheckoutPage = routeLoader$(async (event) => {
  const cartId = readCartId(event.cookie, event.url);
  if (!cartId) throw event.redirect(302, '/cart');
  const customer = await pageCustomer(event);
  const ctx = await pageCheckoutContext(event);
  const started = await startCheckout(ctx, cartId, {
    email: customer?.principal.email ?? null,
  });
  if (!started.ok) throw event.redirect(302, '/cart');
  recordPageStep(event, 'checkout_started');
  const checkout = started.value;
  if (checkout.status === 'completed' && checkout.order) {
    throw event.redirect(302, `/orders/${encodeURIComponent(checkout.order.token)}`);
  }
  // A done step may be reopened with ?step=; a step not reached yet may not.
  const asked = event.url.searchParams.get('step') as CheckoutStep | null;
  const reachable = CHECKOUT_STEPS.slice(0, CHECKOUT_STEPS.indexOf(checkout.nextStep) + 1);
  const open = asked && reachable.includes(asked) ? asked : checkout.nextStep;
  return {
    checkout,
    open,
    // Minted per render: a double submit of this page's form pays once (it is the payment's idempotency key).
    placeKey: newId('request'),
    labels: Object.fromEntries(SUPPORTED_COUNTRY_CODES.map((c) => [c, addressFieldLabels(c)])),
    countries: SUPPORTED_COUNTRIES.map((c) => ({ code: c.code, name: c.name })),
    shopCountry: event.platform.env.SHOP_COUNTRY ?? 'US',
    // Public by design (Stripe.js needs it in the browser); null when Stripe is not offered.
    stripeKey: stripePublishableKey(event.platform.env),
    saved: customer
      ? (await listAddresses(ctx.db, customer.principal.id)).map((a) => ({
          id: a.id,
          address: a,
          isDefault: a.isDefaultShipping,
        }))
      : [],
  };
});

export default component$(() => {
  const page = useCheckoutPage().value;
  const contact = useContact();
  const address = useCheckoutAddress();
  const shipping = useShippingMethod();
  const place = usePlaceOrder();
  const savedAddress = useSavedAddress();
  const applyCode = useApplyDiscountCode();
  const removeCode = useRemoveDiscountCode();
  const { checkout, open } = page;
  const hidden = { checkout: checkout.id };
  const doneSteps: readonly CheckoutStep[] = CHECKOUT_STEPS.slice(
    0,
    CHECKOUT_STEPS.indexOf(checkout.nextStep),
  );
  const chosen = checkout.shippingOptions.find((o) => o.id === checkout.shippingMethod);

  const body: Record<CheckoutStep, () => JSXOutput> = {
    contact: () => (
      <Form action={contact} class="form-stack" noValidate>
        <FormStatus error={contact.value?.failed ? contact.value.message : undefined} />
        <input type="hidden" name="checkout" value={checkout.id} />
        <FormField
          id="checkout-email"
          name="email"
          type="email"
          label="Email"
          required
          autoComplete="email"
          value={checkout.email ?? ''}
          hint="We send the order confirmation here."
          error={contact.value?.failed ? contact.value.fieldErrors?.email : undefined}
        />
        <button type="submit" class="btn btn-primary">
          Continue to shipping address
        </button>
      </Form>
    ),
    address: () => (
      <>
        {page.saved.length > 0 && (
          <Form action={savedAddress} class="form-stack saved-addresses">
            <FormStatus error={savedAddress.value?.failed ? savedAddress.value.message : undefined} />
            <input type="hidden" name="checkout" value={checkout.id} />
            <fieldset class="option-list">
              <legend>Ship to a saved address</legend>
              {page.saved.map((a, i) => (
                <div key={a.id} class="option-row">
                  <input
                    id={`saved-${a.id}`}
                    type="radio"
                    name="address"
                    value={a.id}
                    checked={page.saved.some((x) => x.isDefault) ? a.isDefault : i === 0}
                  />
                  <label for={`saved-${a.id}`}>
                    <AddressLines address={a.address} countryName={countryName(a.address.country)} />
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit" class="btn btn-primary">
              Ship to this address
            </button>
            <h3 class="saved-or">Or enter another address</h3>
          </Form>
        )}
        <AddressForm
          action={address}
          labels={page.labels}
          countries={page.countries}
          start={{
            values: { country: page.shopCountry, ...(checkout.shippingAddress ?? {}) },
            defaultShipping: false,
            defaultBilling: false,
          }}
          hidden={hidden}
          submitLabel="Continue to shipping method"
        />
      </>
    ),
    shipping: () =>
      checkout.shippingOptions.length === 0 ? (
        <p class="alert alert-error">
          We cannot ship this order to that address: no shipping method covers it (or the parcel is too heavy
          for the ones that do). Change the address, or remove some items.
        </p>
      ) : (
        <Form action={shipping} class="form-stack">
          <FormStatus error={shipping.value?.failed ? shipping.value.message : undefined} />
          <input type="hidden" name="checkout" value={checkout.id} />
          <fieldset class="option-list">
            <legend>Choose how your order travels</legend>
            {checkout.shippingOptions.map((o, i) => (
              <div key={o.id} class="option-row">
                <input
                  id={`ship-${o.id}`}
                  type="radio"
                  name="method"
                  value={o.id}
                  checked={checkout.shippingMethod ? checkout.shippingMethod === o.id : i === 0}
                />
                <label for={`ship-${o.id}`}>
                  <span class="option-title">{o.label}</span>
                  <span class="option-note">
                    {o.estimatedDays.min}–{o.estimatedDays.max} business days
                  </span>
                  <span class="option-price">{o.price.amount === 0 ? 'Free' : formatMoney(o.price)}</span>
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" class="btn btn-primary">
            Continue to payment
          </button>
        </Form>
      ),
    payment: () => (
      <PaymentStep checkout={checkout} placeKey={page.placeKey} stripeKey={page.stripeKey} action={place} />
    ),
  };

  const summaryOf: Record<Exclude<CheckoutStep, 'payment'>, () => JSXOutput> = {
    contact: () => <p>{checkout.email}</p>,
    address: () =>
      checkout.shippingAddress ? (
        <AddressLines
          address={checkout.shippingAddress}
          countryName={countryName(checkout.shippingAddress.country)}
        />
      ) : null,
    shipping: () => (
      <p>
        {chosen ? `${chosen.label} · ${chosen.price.amount === 0 ? 'Free' : formatMoney(chosen.price)}` : ''}
      </p>
    ),
  };

  return (
    <>
      <div class="listing-head">
        <h1>Checkout</h1>
      </div>
      <div class="cart-layout checkout-layout">
        <ol class="checkout-steps">
          {CHECKOUT_STEPS.map((step, i) => (
            <li key={step} class={['checkout-step', step === open && 'checkout-step-open']}>
              <section aria-labelledby={`step-${step}`}>
                <div class="checkout-step-head">
                  <h2 id={`step-${step}`}>
                    <span class="checkout-step-number">{i + 1}</span> {TITLES[step]}
                  </h2>
                  {step !== open && step !== 'payment' && doneSteps.includes(step) && (
                    <a href={`/checkout?step=${step}`} aria-label={`Change ${TITLES[step].toLowerCase()}`}>
                      Change
                    </a>
                  )}
                </div>
                {step === open
                  ? body[step]()
                  : step !== 'payment' && doneSteps.includes(step)
                    ? summaryOf[step]()
                    : null}
              </section>
            </li>
          ))}
        </ol>
        <CheckoutSummary checkout={checkout}>
          <DiscountCodes checkout={checkout} apply={applyCode} remove={removeCode} />
        </CheckoutSummary>
      </div>
    </>
  );
});

export const head: DocumentHead = { title: 'Checkout', meta: [{ name: 'robots', content: 'noindex' }] };
