/**
 * The test gateway's authentication page (what a bank's 3-D Secure page or PayPal's approval is for a real
 * provider): the shopper approves or fails the test payment, then returns to the shop to finish the order.
 */
import { component$ } from '@builder.io/qwik';
import {
  type DocumentHead,
  Form,
  type RequestHandler,
  routeAction$,
  routeLoader$,
  z,
  zod$,
} from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { findTestPayment } from '@db/repositories/test-gateway';
import { isId } from '@domain/core/ids';
import { deliverWebhook } from '@worker/services/checkout/deliver';
import { testGatewayOf } from '@worker/services/checkout/gateways';
import { pageCheckoutContext } from '~/lib/checkout-context';
import { formatMoney } from '~/lib/format';

export const onRequest: RequestHandler = ({ headers }) => {
  headers.set('Cache-Control', 'no-store');
};

export const useTestPayment = routeLoader$(async (event) => {
  const ref = event.params.ref ?? '';
  const found = isId('testPayment', ref) ? await findTestPayment(createDb(event.platform.env), ref) : null;
  if (!found) {
    event.status(404);
    return null;
  }
  return { ref, status: found.status, amount: { amount: found.amount, currency: found.currency } };
});

export const useAuthenticate = routeAction$(
  async ({ answer }, event) => {
    const ref = event.params.ref ?? '';
    const ctx = await pageCheckoutContext(event);
    const gateway = testGatewayOf(ctx.env, ctx.db, deliverWebhook(ctx));
    if (!gateway.ok) return event.fail(422, { message: gateway.error.detail });
    const result = await gateway.value.authenticate(ref, answer === 'approve', ctx.now);
    if (!result.ok) return event.fail(404, { message: result.error.detail });
    throw event.redirect(303, `/checkout/complete?checkout=${encodeURIComponent(result.value.reference)}`);
  },
  zod$({ answer: z.enum(['approve', 'fail']) }),
);

export default component$(() => {
  const payment = useTestPayment().value;
  const authenticate = useAuthenticate();
  if (!payment) {
    return (
      <section class="not-found" aria-labelledby="payment-missing">
        <h1 id="payment-missing">No such test payment</h1>
        <a class="btn btn-primary" href="/checkout">
          Back to checkout
        </a>
      </section>
    );
  }
  return (
    <section class="gateway-page" aria-labelledby="gateway-title">
      <p class="badge badge-warning">Test gateway · no real money</p>
      <h1 id="gateway-title">Confirm this test payment</h1>
      <p>
        A real bank would ask you to confirm a payment of <strong>{formatMoney(payment.amount)}</strong> here.
        Choose what happens.
      </p>
      {authenticate.value?.failed && <p class="alert alert-error">{authenticate.value.message}</p>}
      {payment.status === 'requires_action' ? (
        <Form action={authenticate} class="button-row">
          <button type="submit" name="answer" value="approve" class="btn btn-primary">
            Approve test payment
          </button>
          <button type="submit" name="answer" value="fail" class="btn btn-secondary">
            Fail authentication
          </button>
        </Form>
      ) : (
        <p>
          This payment is already {payment.status}. <a href="/checkout">Back to checkout</a>
        </p>
      )}
    </section>
  );
});

export const head: DocumentHead = { title: 'Test payment', meta: [{ name: 'robots', content: 'noindex' }] };
