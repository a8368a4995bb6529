/** The order history, newest first, a page at a time. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listCustomerOrders } from '@db/repositories/customer-orders';
import { OrderList } from '~/components/shop/order-list/OrderList';
import { EmptyState } from '~/components/ui/empty-state/EmptyState';
import { Pagination } from '~/components/ui/pagination/Pagination';
import { pluralise } from '~/lib/format';
import { useAccount } from '~/routes/(shop)/account/(signed-in)/layout';

const PAGE_SIZE = 20;
const MAX_PAGE = 10_000;

/** One page of orders; a page number out of range reads as the nearest page there is. */
export const useOrders = routeLoader$(async (event) => {
  const { id } = await event.resolveValue(useAccount);
  const asked = Number.parseInt(event.url.searchParams.get('page') ?? '1', 10);
  const page = Number.isFinite(asked) ? Math.min(Math.max(asked, 1), MAX_PAGE) : 1;
  const { items, total } = await listCustomerOrders(createDb(event.platform.env), id, {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  return {
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    orders: items.map((o) => ({
      number: o.number,
      status: o.status,
      placedAt: o.placedAt,
      total: { amount: o.totalAmount, currency: o.currency },
    })),
  };
});

export default component$(() => {
  const o = useOrders().value;
  if (o.total === 0) {
    return (
      <>
        <div class="account-head">
          <h1>Your orders</h1>
        </div>
        <EmptyState icon="bag" title="No orders yet">
          <p>When you place an order, it will appear here with its status and tracking.</p>
          <a class="btn btn-primary" href="/">
            Start shopping
          </a>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <div class="account-head">
        <h1>Your orders</h1>
        <p>{pluralise(o.total, 'order')}</p>
      </div>
      <section class="panel" aria-label="Orders">
        <OrderList orders={o.orders} />
      </section>
      <Pagination page={o.page} pageCount={o.pageCount} path="/account/orders" params={{}} />
    </>
  );
});

export const head: DocumentHead = { title: 'Your orders', meta: [{ name: 'robots', content: 'noindex' }] };
