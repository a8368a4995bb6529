/**
 * An order opened by its secret link (from the confirmation page and email): how guests follow their order. The
 * number alone opens nothing; a wrong or malformed secret is a 404 like any unknown page.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, type RequestHandler, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { findOrderByAccessHash } from '@db/repositories/orders';
import { hashSecretToken, isSecretTokenShaped } from '@domain/identity/secret-token';
import { OrderDetail } from '~/components/shop/order-detail/OrderDetail';
import { OrderReturns } from '~/components/shop/order-returns/OrderReturns';
import { useOrderReturns, useRequestReturn } from '~/lib/shop-returns';
import { shownOrder } from '~/lib/shown-order';

export { useOrderReturns, useRequestReturn };

/**
 * One shopper's order: never cached, and the link is not sent on to other sites. `same-origin` rather than
 * `no-referrer`: under `no-referrer` a browser posts this page's forms (the return form, without JavaScript) with
 * `Origin: null`, which the same-origin check of form posts refuses.
 */
export const onRequest: RequestHandler = ({ headers }) => {
  headers.set('Cache-Control', 'no-store');
  headers.set('Referrer-Policy', 'same-origin');
};

export const useLinkedOrder = routeLoader$(async (event) => {
  const token = event.params.token ?? '';
  const found = isSecretTokenShaped(token)
    ? await findOrderByAccessHash(createDb(event.platform.env), hashSecretToken(token))
    : null;
  if (!found) {
    event.status(404);
    return null;
  }
  return shownOrder(found);
});

export default component$(() => {
  const returns = useOrderReturns().value;
  const requestAction = useRequestReturn();
  const order = useLinkedOrder().value;
  if (!order) {
    return (
      <section class="not-found" aria-labelledby="order-missing">
        <h1 id="order-missing">We couldn't find that order</h1>
        <p>Check that you copied the whole link from your confirmation email.</p>
        <a class="btn btn-primary" href="/">
          Back to the shop
        </a>
      </section>
    );
  }
  return (
    <>
      <OrderDetail order={order} viaLink />
      {returns && <OrderReturns returns={returns} action={requestAction} />}
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const o = resolveValue(useLinkedOrder);
  return {
    title: o ? `Order ${o.number}` : 'Order not found',
    meta: [{ name: 'robots', content: 'noindex' }],
  };
};
