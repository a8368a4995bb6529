/** One of the shopper's orders: status, lines, totals, shipping address, tracking and status history; 404 otherwise. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { findCustomerOrder } from '@db/repositories/customer-orders';
import { OrderDetail } from '~/components/shop/order-detail/OrderDetail';
import { OrderReturns } from '~/components/shop/order-returns/OrderReturns';
import { useOrderReturns, useRequestReturn } from '~/lib/shop-returns';
import { shownOrder } from '~/lib/shown-order';
import { useAccount } from '~/routes/(shop)/account/(signed-in)/layout';

export { useOrderReturns, useRequestReturn };

/**
 * The order, or null with status 404 when this shopper has no order with that number: someone else's order looks
 * exactly like one that does not exist.
 */
export const useOrder = routeLoader$(async (event) => {
  const { id } = await event.resolveValue(useAccount);
  const number = event.params.number ?? '';
  const found =
    number.length <= 32 ? await findCustomerOrder(createDb(event.platform.env), id, number) : null;
  if (!found) {
    event.status(404);
    return null;
  }
  return shownOrder(found);
});

export default component$(() => {
  const returns = useOrderReturns().value;
  const requestAction = useRequestReturn();
  const order = useOrder().value;
  if (!order) {
    return (
      <section class="not-found" aria-labelledby="order-missing">
        <h1 id="order-missing">We couldn't find that order</h1>
        <p>Check the order number, or find it in your order history.</p>
        <a class="btn btn-primary" href="/account/orders">
          Your orders
        </a>
      </section>
    );
  }
  return (
    <>
      <OrderDetail order={order} />
      {returns && <OrderReturns returns={returns} action={requestAction} />}
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const o = resolveValue(useOrder);
  return {
    title: o ? `Order ${o.number}` : 'Order not found',
    meta: [{ name: 'robots', content: 'noindex' }],
  };
};
