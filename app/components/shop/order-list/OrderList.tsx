/** A shopper's orders as a list of links: number, date, status and total. */
import { component$ } from '@builder.io/qwik';
import { formatDate, formatMoney, formatOrderStatus, type MoneyValue } from '~/lib/format';

/** One order as the list shows it. */
export interface OrderSummary {
  number: string;
  status: string;
  placedAt: number;
  total: MoneyValue;
}

/** With no orders: "No orders yet" and a way into the shop. */
export const OrderList = component$<{ orders: OrderSummary[] }>(({ orders }) =>
  orders.length === 0 ? (
    <p class="muted">
      No orders yet. <a href="/">Start shopping</a>
    </p>
  ) : (
    <ul class="order-list">
      {orders.map((o) => (
        <li key={o.number} class="order-row">
          <a class="order-row-link" href={`/account/orders/${encodeURIComponent(o.number)}`}>
            Order {o.number}
          </a>
          <span class="order-row-date">
            <span class="visually-hidden">Placed </span>
            {formatDate(o.placedAt)}
          </span>
          <span class={['status-badge', `status-${o.status}`]}>{formatOrderStatus(o.status)}</span>
          <span class="order-row-total">
            <span class="visually-hidden">Total </span>
            {formatMoney(o.total)}
          </span>
        </li>
      ))}
    </ul>
  ),
);
