/**
 * Where the shopper lands after a provider's page: the payment is looked up at the provider and settled. A paid
 * order goes to its page; a payment still being confirmed shows a page that checks again; a failed one goes back to
 * the payment step with the reason.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, type RequestHandler, routeLoader$ } from '@builder.io/qwik-city';
import { PaymentProviderSchema } from '@domain/checkout/payment';
import { isId } from '@domain/core/ids';
import { loadCheckout } from '@worker/services/checkout/checkout';
import { syncPayment } from '@worker/services/checkout/complete';
import { deliverWebhook } from '@worker/services/checkout/deliver';
import { gatewayFor } from '@worker/services/checkout/gateways';
import { pageCheckoutContext } from '~/lib/checkout-context';
import { recordPageOrder } from '~/lib/traffic';

export const onRequest: RequestHandler = ({ headers }) => {
  headers.set('Cache-Control', 'no-store');
};

export const usePaymentStatus = routeLoader$(async (event) => {
  const id = event.url.searchParams.get('checkout') ?? '';
  if (!isId('checkout', id)) throw event.redirect(302, '/checkout');
  const ctx = await pageCheckoutContext(event);
  const row = await loadCheckout(ctx, id);
  const provider = PaymentProviderSchema.safeParse(row.ok ? row.value.paymentProvider : null);
  if (!row.ok || !row.value.paymentRef || !provider.success) throw event.redirect(302, '/checkout');
  const gateway = gatewayFor(ctx.env, ctx.db, provider.data, deliverWebhook(ctx));
  if (!gateway.ok) throw event.redirect(302, '/checkout');
  const outcome = await syncPayment(ctx, gateway.value, row.value.paymentRef);
  if (!outcome.ok) throw event.redirect(302, '/checkout?step=payment');
  if (outcome.value.kind === 'order') {
    // The order the shopper comes back to (after 3-D Secure or PayPal) counts in the funnel here, once.
    recordPageOrder(event, id);
    throw event.redirect(302, `/orders/${encodeURIComponent(outcome.value.token)}`);
  }
  if (outcome.value.kind === 'action') throw event.redirect(302, outcome.value.url);
  return { checkout: id };
});

export default component$(() => {
  const status = usePaymentStatus().value;
  return (
    <section class="gateway-page" aria-labelledby="confirming-title">
      <h1 id="confirming-title">Confirming your payment…</h1>
      <p>Your payment provider is still confirming the payment. This usually takes a few seconds.</p>
      <a class="btn btn-primary" href={`/checkout/complete?checkout=${encodeURIComponent(status.checkout)}`}>
        Check again
      </a>
    </section>
  );
});

export const head: DocumentHead = {
  title: 'Confirming your payment',
  meta: [
    { name: 'robots', content: 'noindex' },
    { httpEquiv: 'refresh', content: '2' },
  ],
};
