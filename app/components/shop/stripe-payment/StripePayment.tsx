/**
 * Paying by card with Stripe's Payment Element. Card details are typed into Stripe's own iframes (PCI DSS SAQ A: no
 * card data touches this page or our server); this component only asks Stripe.js for a confirmation token and posts
 * it with the place-order action, and the server creates and confirms the PaymentIntent for the amount it computed.
 * Stripe.js is loaded here, on the payment step only, from js.stripe.com (it must never be bundled or self-hosted).
 */
import { $, component$, type NoSerialize, noSerialize, useSignal, useVisibleTask$ } from '@builder.io/qwik';
import type { PlaceOrderStore } from '~/routes/(shop)/checkout/index';

/** Where Stripe.js comes from; the checkout page's CSP names this origin (worker/middleware/payment-page-csp.ts). */
export const STRIPE_JS_URL = 'https://js.stripe.com/v3';

/** The part of Stripe.js this component uses (the library ships no types of its own for a script-tag load). */
interface StripeJs {
  elements(options: { mode: 'payment'; amount: number; currency: string }): StripeElements;
  createConfirmationToken(options: {
    elements: StripeElements;
  }): Promise<{ confirmationToken?: { id: string }; error?: { message?: string } }>;
}
interface StripeElements {
  create(type: 'payment'): { mount(target: HTMLElement): void };
  submit(): Promise<{ error?: { message?: string } }>;
}
declare global {
  interface Window {
    Stripe?: (publishableKey: string) => StripeJs;
  }
}

/** Adds the Stripe.js script once; resolves when `window.Stripe` exists. */
function loadStripeJs(): Promise<NonNullable<Window['Stripe']>> {
  return new Promise((resolve, reject) => {
    if (window.Stripe) return resolve(window.Stripe);
    const script = document.createElement('script');
    script.src = STRIPE_JS_URL;
    script.async = true;
    script.onload = () =>
      window.Stripe ? resolve(window.Stripe) : reject(new Error('Stripe.js did not start'));
    script.onerror = () => reject(new Error('Stripe.js could not be loaded'));
    document.head.appendChild(script);
  });
}

interface Props {
  publishableKey: string;
  /** What the Element shows and checks the card for; the charge itself is set on the server. */
  amount: number;
  currency: string;
  checkoutId: string;
  placeKey: string;
  label: string;
  action: PlaceOrderStore;
}

export const StripePayment = component$<Props>((props) => {
  const mount = useSignal<HTMLElement>();
  const stripe = useSignal<NoSerialize<{ js: StripeJs; elements: StripeElements }>>();
  const error = useSignal('');
  const busy = useSignal(false);

  // Stripe.js exists only in the browser, and the card form must be mounted as soon as the payment step is seen.
  // biome-ignore lint/correctness/noQwikUseVisibleTask: loads and mounts Stripe's browser-only Payment Element.
  useVisibleTask$(async () => {
    try {
      const Stripe = await loadStripeJs();
      const js = Stripe(props.publishableKey);
      const elements = js.elements({
        mode: 'payment',
        amount: props.amount,
        currency: props.currency.toLowerCase(),
      });
      if (mount.value) elements.create('payment').mount(mount.value);
      stripe.value = noSerialize({ js, elements });
    } catch (e) {
      error.value = `${e instanceof Error ? e.message : 'Stripe is unavailable'}; please try again later.`;
    }
  });

  const onSubmit$ = $(async () => {
    const ready = stripe.value;
    if (!ready || busy.value) return;
    busy.value = true;
    error.value = '';
    try {
      const checked = await ready.elements.submit();
      if (checked.error) {
        error.value = checked.error.message ?? 'Check your card details.';
        return;
      }
      const token = await ready.js.createConfirmationToken({ elements: ready.elements });
      if (!token.confirmationToken) {
        error.value = token.error?.message ?? 'Your card could not be checked.';
        return;
      }
      // The action redirects to the order, to the bank's authentication page, or answers with the decline.
      await props.action.submit({
        checkout: props.checkoutId,
        key: props.placeKey,
        provider: 'stripe',
        paymentToken: token.confirmationToken.id,
      });
    } finally {
      busy.value = false;
    }
  });

  return (
    <form class="form-stack stripe-payment" preventdefault:submit onSubmit$={onSubmit$}>
      <div ref={mount} class="stripe-payment-element" />
      <noscript>
        <p class="alert alert-error">Paying by card needs JavaScript for Stripe's secure card form.</p>
      </noscript>
      <div class="alert alert-error" role="alert">
        {error.value && <p>{error.value}</p>}
      </div>
      <button type="submit" class="btn btn-primary btn-block" disabled={busy.value}>
        {props.label}
      </button>
    </form>
  );
});
