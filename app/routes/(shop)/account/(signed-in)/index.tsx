/** The account overview: who is signed in, the default addresses, the latest orders and where to manage each. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listAddresses } from '@db/repositories/addresses';
import { listCustomerOrders } from '@db/repositories/customer-orders';
import { AddressLines } from '~/components/shop/address-lines/AddressLines';
import { OrderList } from '~/components/shop/order-list/OrderList';
import { countryName } from '~/lib/format';
import { useAccount } from './layout';

const RECENT_ORDERS = 3;

/** The default addresses and the latest few orders. */
export const useOverview = routeLoader$(async (event) => {
  const { id } = await event.resolveValue(useAccount);
  const db = createDb(event.platform.env);
  const [addresses, orders] = await Promise.all([
    listAddresses(db, id),
    listCustomerOrders(db, id, { limit: RECENT_ORDERS, offset: 0 }),
  ]);
  const shipping = addresses.find((a) => a.isDefaultShipping) ?? null;
  const billing = addresses.find((a) => a.isDefaultBilling) ?? null;
  return {
    addressCount: addresses.length,
    shipping,
    billing,
    orders: orders.items.map((o) => ({
      number: o.number,
      status: o.status,
      placedAt: o.placedAt,
      total: { amount: o.totalAmount, currency: o.currency },
    })),
    orderCount: orders.total,
  };
});

export default component$(() => {
  const me = useAccount().value;
  const o = useOverview().value;
  return (
    <>
      <div class="account-head">
        <h1>Your account</h1>
        <p>Hello, {me.name}.</p>
      </div>
      <div class="account-grid">
        <section class="panel" aria-labelledby="details-title">
          <h2 id="details-title">Your details</h2>
          <dl class="detail-list">
            <div>
              <dt>Name</dt>
              <dd>{me.name}</dd>
            </div>
            <div>
              <dt>Email address</dt>
              <dd>{me.email}</dd>
            </div>
            <div>
              <dt>Country</dt>
              <dd>{countryName(me.country)}</dd>
            </div>
          </dl>
          <a href="/account/profile">Edit your details or password</a>
        </section>
        <section class="panel" aria-labelledby="addresses-title">
          <h2 id="addresses-title">Default addresses</h2>
          {o.shipping || o.billing ? (
            <div class="address-pair">
              {[
                { title: 'Shipping', address: o.shipping },
                { title: 'Billing', address: o.billing },
              ].map(({ title, address }) => (
                <div key={title}>
                  <h3>{title}</h3>
                  {address ? (
                    <AddressLines address={address} countryName={countryName(address.country)} />
                  ) : (
                    <p class="muted">Not chosen yet.</p>
                  )}
                </div>
              ))}
            </div>
          ) : (
            <p class="muted">
              {o.addressCount === 0 ? 'You have no saved addresses yet.' : 'No default address chosen yet.'}
            </p>
          )}
          <a href="/account/addresses">Manage your addresses</a>
        </section>
      </div>
      <section class="panel account-section" aria-labelledby="orders-title">
        <div class="section-head">
          <h2 id="orders-title">Recent orders</h2>
          {o.orderCount > 0 && <a href="/account/orders">All orders ({o.orderCount})</a>}
        </div>
        <OrderList orders={o.orders} />
      </section>
    </>
  );
});

export const head: DocumentHead = { title: 'Your account', meta: [{ name: 'robots', content: 'noindex' }] };
