/** One customer: profile, address book and recent orders (read-only); a 404 page for an unknown id. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listAddresses } from '@db/repositories/addresses';
import { listCustomerOrders } from '@db/repositories/customer-orders';
import { findCustomerById } from '@db/repositories/customers';
import { isId } from '@domain/core/ids';
import { AdminNotFound } from '~/components/admin/not-found/AdminNotFound';
import { Breadcrumbs } from '~/components/ui/breadcrumbs/Breadcrumbs';
import { isoOf } from '~/lib/admin-format';
import { formatDate, formatMoney } from '~/lib/format';

const RECENT_ORDERS = 10;
const regions = new Intl.DisplayNames(['en'], { type: 'region' });
function countryName(code: string): string {
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}

export const useCustomer = routeLoader$(async ({ platform, params, status }) => {
  const id = params.id ?? '';
  const db = createDb(platform.env);
  const customer = isId('customer', id) ? await findCustomerById(db, id) : null;
  if (!customer) {
    status(404);
    return null;
  }
  const [addresses, orders] = await Promise.all([
    listAddresses(db, customer.id),
    listCustomerOrders(db, customer.id, { limit: RECENT_ORDERS, offset: 0 }),
  ]);
  return {
    profile: {
      id: customer.id,
      name: customer.name,
      email: customer.email,
      country: countryName(customer.country),
      createdAt: customer.createdAt,
      verified: customer.emailVerifiedAt !== null,
      birthYear: customer.birthYear,
    },
    addresses: addresses.map(({ customerId: _, ...a }) => ({ ...a, country: countryName(a.country) })),
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
  const data = useCustomer();
  const c = data.value;
  if (!c) {
    return (
      <AdminNotFound
        title="We couldn't find that customer"
        backHref="/admin/customers"
        backText="All customers"
      />
    );
  }
  const p = c.profile;
  return (
    <>
      <Breadcrumbs items={[{ label: 'Customers', href: '/admin/customers' }, { label: p.name }]} />
      <div class="adm-head">
        <div class="adm-head-person">
          <span class="adm-avatar adm-avatar-lg" aria-hidden="true">
            {p.name.slice(0, 1)}
          </span>
          <div>
            <h1>{p.name}</h1>
            <p class="adm-lede">
              {p.email}{' '}
              {p.verified ? (
                <span class="adm-badge adm-badge-ok">Verified</span>
              ) : (
                <span class="adm-badge adm-badge-muted">Not verified</span>
              )}
            </p>
          </div>
        </div>
      </div>

      <div class="adm-grid">
        <section class="adm-card" aria-labelledby="profile">
          <div class="adm-card-head">
            <h2 id="profile">Profile</h2>
          </div>
          <dl class="adm-dl">
            <dt>Customer id</dt>
            <dd>
              <code class="adm-code">{p.id}</code>
            </dd>
            <dt>Country</dt>
            <dd>{p.country}</dd>
            <dt>Joined</dt>
            <dd>
              <time dateTime={isoOf(p.createdAt)}>{formatDate(p.createdAt)}</time>
            </dd>
            <dt>Birth year</dt>
            <dd>{p.birthYear ?? 'Not given'}</dd>
            <dt>Orders</dt>
            <dd>{c.orderCount}</dd>
          </dl>
        </section>

        <section class="adm-card" aria-labelledby="addresses">
          <div class="adm-card-head">
            <h2 id="addresses">Addresses</h2>
            <span class="adm-muted">{c.addresses.length}</span>
          </div>
          {c.addresses.length === 0 ? (
            <p class="adm-empty">No saved addresses.</p>
          ) : (
            <ul class="adm-addresses">
              {c.addresses.map((a) => (
                <li key={a.id}>
                  <address>
                    <strong>{a.name}</strong>
                    {a.company && <span>{a.company}</span>}
                    <span>{a.line1}</span>
                    {a.line2 && <span>{a.line2}</span>}
                    <span>{[a.city, a.region, a.postalCode].filter(Boolean).join(', ')}</span>
                    <span>{a.country}</span>
                    {a.phone && <span>{a.phone}</span>}
                  </address>
                  <p class="adm-badges">
                    {a.isDefaultShipping && <span class="adm-badge">Default shipping</span>}
                    {a.isDefaultBilling && <span class="adm-badge">Default billing</span>}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section class="adm-card adm-card-flush" aria-labelledby="orders">
        <div class="adm-card-head adm-card-head-pad">
          <h2 id="orders">Recent orders</h2>
          {c.orderCount > RECENT_ORDERS && (
            <span class="adm-muted">
              Latest {RECENT_ORDERS} of {c.orderCount}
            </span>
          )}
        </div>
        {c.orders.length === 0 ? (
          <p class="adm-empty adm-card-pad">No orders yet.</p>
        ) : (
          <div class="adm-table-wrap">
            <table class="adm-table">
              <caption class="visually-hidden">Recent orders of {p.name}, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Placed</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="adm-num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.orders.map((o) => (
                  <tr key={o.number}>
                    <th scope="row" class="adm-cell-main">
                      {o.number}
                    </th>
                    <td>
                      <time dateTime={isoOf(o.placedAt)}>{formatDate(o.placedAt)}</time>
                    </td>
                    <td>
                      <span class={['adm-badge', `adm-status-${o.status}`]}>{o.status}</span>
                    </td>
                    <td class="adm-num">{formatMoney(o.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const c = resolveValue(useCustomer);
  return { title: c ? `${c.profile.name} · Customers` : 'Customer not found' };
};
