/** Catalog sales: every sale with what it takes off, what it covers, its window and whether it is scheduled, live or over. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listAllCategories } from '@db/repositories/catalog-groups';
import { listAllSales } from '@db/repositories/sales';
import { can } from '@domain/identity/permissions';
import { saleState } from '@domain/pricing/promotions/sale-price';
import { formatDateTime } from '~/lib/admin-format';
import { describeSaleCut, SALE_STATE_BADGES } from '~/lib/sale-form';
import { pageStaff } from '~/lib/session';

export const useSales = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  const db = createDb(event.platform.env);
  const now = Date.now();
  const [sales, categories] = await Promise.all([listAllSales(db), listAllCategories(db)]);
  const nameOf = new Map(categories.map((c) => [c.id, c.name]));
  const notice = event.url.searchParams.get('deactivated') ? 'Sale deactivated: prices are back.' : undefined;
  return {
    items: sales.map((s) => ({
      id: s.id,
      name: s.name,
      cut: describeSaleCut(s.basisPoints),
      covers: [
        ...s.categoryIds.map((id) => nameOf.get(id) ?? id),
        ...(s.productIds.length
          ? [`${s.productIds.length} product${s.productIds.length === 1 ? '' : 's'}`]
          : []),
      ].join(', '),
      starts: formatDateTime(s.startsAt),
      ends: formatDateTime(s.endsAt),
      state: saleState(s, now),
    })),
    canWrite: !!me && can(me.roles, 'promotions:write'),
    notice,
  };
});

export default component$(() => {
  const { items, canWrite, notice } = useSales().value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Sales</h1>
          <p class="adm-lede">
            A percentage off products or whole categories for a window of time: shoppers see the sale price
            beside the original. <a href="/admin/promotions">Promotions</a>
          </p>
        </div>
        {canWrite && (
          <a class="adm-btn adm-btn-primary" href="/admin/promotions/sales/new">
            New sale
          </a>
        )}
      </div>
      {notice && (
        <p class="adm-alert adm-alert-ok" role="status">
          {notice}
        </p>
      )}
      {items.length === 0 ? (
        <section class="adm-card adm-empty-card">
          <h2>No sales yet</h2>
          <p>Put a category on sale for a weekend, or a few products for the end of a season.</p>
        </section>
      ) : (
        <section class="adm-card adm-card-flush">
          <div class="adm-table-wrap">
            <table class="adm-table">
              <caption>Sales, latest start first</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Gives</th>
                  <th scope="col">Covers</th>
                  <th scope="col">Window (UTC)</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <th scope="row" class="adm-cell-main">
                      <a href={`/admin/promotions/sales/${s.id}`}>{s.name}</a>
                    </th>
                    <td>{s.cut}</td>
                    <td>{s.covers}</td>
                    <td>
                      <span class="adm-cell-stack">
                        <span class="adm-nowrap">{s.starts}</span>
                        <span class="adm-nowrap adm-muted">to {s.ends}</span>
                      </span>
                    </td>
                    <td>
                      <span class={['adm-badge', SALE_STATE_BADGES[s.state][1]]}>
                        {SALE_STATE_BADGES[s.state][0]}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
});

export const head: DocumentHead = { title: 'Sales' };
