/** One of the shopper's orders: status, lines, totals, shipping address, tracking and status history; 404 otherwise. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { findCustomerOrder } from '@db/repositories/customer-orders';
import { OrderDetail } from '~/components/shop/order-detail/OrderDetail';
import { useAccount } from '~/routes/(shop)/account/(signed-in)/layout';

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
  const { order: o, lines, shipments, events } = found;
  const { currency } = o;
  function money(amount: number) {
    return { amount, currency };
  }
  let address: Record<string, string | null> = {};
  try {
    address = JSON.parse(o.shippingAddress) as Record<string, string | null>;
  } catch {
    // An unreadable snapshot shows no address rather than failing the whole page.
  }
  return {
    number: o.number,
    status: o.status,
    placedAt: o.placedAt,
    shippingMethod: o.shippingMethod,
    address,
    totals: {
      subtotal: money(o.subtotalAmount),
      discount: money(o.discountAmount),
      shipping: money(o.shippingAmount),
      tax: money(o.taxAmount),
      total: money(o.totalAmount),
    },
    lines: lines.map((l) => ({
      id: l.id,
      productName: l.productName,
      variantLabel: l.variantLabel,
      quantity: l.quantity,
      unitPrice: money(l.unitAmount),
      lineTotal: money(l.lineTotalAmount),
    })),
    shipments: shipments.map((s) => ({
      id: s.id,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      shippedAt: s.shippedAt,
      deliveredAt: s.deliveredAt,
    })),
    history: events.map((e) => ({ id: e.id, status: e.toStatus, at: e.createdAt })),
  };
});

/** The loaded order, for OrderDetail. */
export type ShownOrder = NonNullable<ReturnType<typeof useOrder>['value']>;

export default component$(() => {
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
  return <OrderDetail order={order} />;
});

export const head: DocumentHead = ({ resolveValue }) => {
  const o = resolveValue(useOrder);
  return {
    title: o ? `Order ${o.number}` : 'Order not found',
    meta: [{ name: 'robots', content: 'noindex' }],
  };
};
