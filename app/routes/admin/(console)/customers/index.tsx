/** Customers, newest first: search by name or email (a GET form, so results have an address), paged. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { searchCustomers } from '@db/repositories/customers';
import { AdminIcon } from '~/components/admin/admin-icon/AdminIcon';
import { Pagination } from '~/components/ui/pagination/Pagination';
import { isoOf, pageParam } from '~/lib/admin-format';
import { formatDate } from '~/lib/format';

/** The same page size as the admin API (worker/api/admin/customers.ts). */
const PAGE_SIZE = 25;
const MAX_QUERY = 100;

export const useCustomers = routeLoader$(async ({ platform, url }) => {
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, MAX_QUERY);
  const page = pageParam(url.searchParams.get('page'));
  const { items, total } = await searchCustomers(createDb(platform.env), {
    query: q || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  return {
    q,
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    items: items.map((c) => ({
      ...c,
      verified: c.emailVerifiedAt !== null,
      orderCount: Number(c.orderCount),
    })),
  };
});

export default component$(() => {
  const data = useCustomers();
  const { q, page, total, pageCount, items } = data.value;
  const first = (page - 1) * PAGE_SIZE + 1;
  const range = items.length
    ? `${first}–${first + items.length - 1} of ${total.toLocaleString('en-US')}`
    : '';
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Customers</h1>
          <p class="adm-lede">
            {q
              ? `${total.toLocaleString('en-US')} matching “${q}”`
              : `${total.toLocaleString('en-US')} customers`}
          </p>
        </div>
      </div>

      <form class="adm-toolbar" method="get" action="/admin/customers">
        <div class="adm-field adm-field-grow">
          <label for="customer-q">Search by name or email</label>
          <div class="adm-input-icon">
            <AdminIcon name="search" />
            <input id="customer-q" class="adm-input" type="search" name="q" value={q} maxLength={MAX_QUERY} />
          </div>
        </div>
        <button type="submit" class="adm-btn adm-btn-primary">
          Search
        </button>
        {q && (
          <a class="adm-btn adm-btn-secondary" href="/admin/customers">
            Clear search
          </a>
        )}
      </form>

      {items.length === 0 ? (
        <section class="adm-card adm-empty-card">
          <h2>{q ? 'No customers match your search' : 'No customers yet'}</h2>
          <p>
            {q
              ? `Nobody's name or email contains “${q}”. Check the spelling, or search for part of the address.`
              : 'Customers appear here when they create an account in the shop.'}
          </p>
          {q && (
            <a class="adm-btn adm-btn-secondary" href="/admin/customers">
              Show all customers
            </a>
          )}
        </section>
      ) : (
        <section class="adm-card adm-card-flush">
          <div class="adm-table-wrap">
            <table class="adm-table">
              <caption>
                Customers {range}
                {q ? ` matching “${q}”` : ', newest first'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Country</th>
                  <th scope="col">Joined</th>
                  <th scope="col">Verified</th>
                  <th scope="col" class="adm-num">
                    Orders
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" class="adm-cell-main">
                      <a href={`/admin/customers/${c.id}`}>{c.name}</a>
                    </th>
                    <td>{c.email}</td>
                    <td>{c.country}</td>
                    <td class="adm-nowrap">
                      <time dateTime={isoOf(c.createdAt)}>{formatDate(c.createdAt)}</time>
                    </td>
                    <td>
                      {c.verified ? (
                        <span class="adm-badge adm-badge-ok">Verified</span>
                      ) : (
                        <span class="adm-badge adm-badge-muted">Not verified</span>
                      )}
                    </td>
                    <td class="adm-num">{c.orderCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <Pagination page={page} pageCount={pageCount} path="/admin/customers" params={q ? { q } : {}} />
    </>
  );
});

export const head: DocumentHead = { title: 'Customers' };
