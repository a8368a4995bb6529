/**
 * Products of every status: search (words, an exact SKU or slug), filter by status and category (a GET form, so
 * results have an address), tick products and apply a bulk action (publish, archive, delete, move to a category).
 * Viewing needs catalog:read (the guard); the bulk action checks catalog:write again.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listAdminProducts } from '@db/repositories/catalog-admin';
import { listAllCategories } from '@db/repositories/catalog-groups';
import { PRODUCT_STATUSES, type ProductStatus } from '@domain/catalog/statuses';
import { statusOfError } from '@domain/core/errors';
import { can } from '@domain/identity/permissions';
import { BULK_ACTIONS, bulkProducts, MAX_BULK_IDS } from '@worker/services/catalog/bulk';
import { AdminIcon } from '~/components/admin/admin-icon/AdminIcon';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { Pagination } from '~/components/ui/pagination/Pagination';
import { catalogPageContext, STATUS_BADGES, STATUS_LABELS } from '~/lib/admin-catalog';
import { isoOf, pageParam } from '~/lib/admin-format';
import { staffWith } from '~/lib/admin-session';
import { formatDate, formatMoney } from '~/lib/format';
import { pageStaff } from '~/lib/session';

const PAGE_SIZE = 25;
const MAX_QUERY = 100;

export const useProducts = routeLoader$(async (event) => {
  const { url, platform } = event;
  const db = createDb(platform.env);
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, MAX_QUERY);
  const statusParam = url.searchParams.get('status') ?? '';
  const status = (PRODUCT_STATUSES as readonly string[]).includes(statusParam)
    ? (statusParam as ProductStatus)
    : undefined;
  const categoryId = (url.searchParams.get('category') ?? '').slice(0, 40) || undefined;
  const page = pageParam(url.searchParams.get('page'));
  const me = (await pageStaff(event))?.principal;
  const [{ items, total }, categories] = await Promise.all([
    listAdminProducts(db, {
      q: q || undefined,
      status,
      categoryId,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    listAllCategories(db),
  ]);
  return {
    q,
    status: status ?? '',
    categoryId: categoryId ?? '',
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    items,
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
    currency: platform.env.SHOP_CURRENCY,
    canWrite: !!me && can(me.roles, 'catalog:write'),
  };
});

/** Ticked boxes post `ids[]`; none ticked posts nothing. */
const idsField = z.preprocess((v) => v ?? [], z.array(z.string().max(40)).max(MAX_BULK_IDS));

export const useBulk = routeAction$(
  async ({ action, ids, categoryId }, event) => {
    const actor = await staffWith(event, 'catalog:write');
    if (!actor) return event.fail(403, { message: 'Your roles do not allow changing products.' });
    if (ids.length === 0) return event.fail(400, { message: 'Tick at least one product first.' });
    const result = await bulkProducts(catalogPageContext(event, actor), {
      action,
      ids,
      categoryId: categoryId || undefined,
    });
    if (!result.ok) return event.fail(statusOfError(result.error.code), { message: result.error.detail });
    const { done, archivedInstead, skipped } = result.value;
    const verb = { publish: 'published', archive: 'archived', delete: 'deleted', setCategory: 'moved' }[
      action
    ];
    const parts = [`${done.length} product(s) ${verb}.`];
    if (archivedInstead.length) {
      parts.push(`${archivedInstead.length} archived instead of deleted: orders refer to them.`);
    }
    if (skipped.length) parts.push(`${skipped.length} left as draft: they have no variants yet.`);
    return { message: parts.join(' ') };
  },
  zod$({
    action: z.enum(BULK_ACTIONS),
    ids: idsField,
    categoryId: z.string().max(40).optional(),
  }),
);

export default component$(() => {
  const data = useProducts();
  const bulk = useBulk();
  const d = data.value;
  const filtered = d.q || d.status || d.categoryId;
  const params: Record<string, string> = {};
  if (d.q) params.q = d.q;
  if (d.status) params.status = d.status;
  if (d.categoryId) params.category = d.categoryId;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Products</h1>
          <p class="adm-lede">
            {filtered
              ? `${d.total.toLocaleString('en-US')} matching`
              : `${d.total.toLocaleString('en-US')} products`}
          </p>
        </div>
        {d.canWrite && (
          <a class="adm-btn adm-btn-primary" href="/admin/products/new">
            New product
          </a>
        )}
      </div>

      <form class="adm-card adm-filters" method="get" action="/admin/products">
        <div class="adm-filter-grid">
          <div class="adm-field">
            <label for="product-q">Search name, SKU or slug</label>
            <div class="adm-input-icon">
              <AdminIcon name="search" />
              <input
                id="product-q"
                class="adm-input"
                type="search"
                name="q"
                value={d.q}
                maxLength={MAX_QUERY}
              />
            </div>
          </div>
          <div class="adm-field">
            <label for="product-status">Status</label>
            <select id="product-status" class="adm-input" name="status">
              <option value="">Any status</option>
              {PRODUCT_STATUSES.map((s) => (
                <option key={s} value={s} selected={d.status === s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div class="adm-field">
            <label for="product-category">Category</label>
            <select id="product-category" class="adm-input" name="category">
              <option value="">Any category</option>
              {d.categories.map((c) => (
                <option key={c.id} value={c.id} selected={d.categoryId === c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="adm-filter-actions">
          <button type="submit" class="adm-btn adm-btn-primary">
            Show products
          </button>
          {filtered && (
            <a class="adm-btn adm-btn-secondary" href="/admin/products">
              Clear filters
            </a>
          )}
        </div>
      </form>

      <FormStatus outcome={outcomeOf(bulk.value)} />

      {d.items.length === 0 ? (
        <section class="adm-card adm-empty-card">
          <h2>{filtered ? 'No products match' : 'No products yet'}</h2>
          <p>
            {filtered
              ? 'Try fewer words, an exact SKU, or another status or category.'
              : 'Products you create appear here, drafts included.'}
          </p>
        </section>
      ) : (
        <Form action={bulk} class="adm-card adm-card-flush">
          {d.canWrite && (
            <div class="adm-toolbar adm-card-pad">
              <div class="adm-field">
                <label for="bulk-action">With ticked products</label>
                <select id="bulk-action" class="adm-input" name="action">
                  <option value="publish">Publish</option>
                  <option value="archive">Archive</option>
                  <option value="delete">Delete (archive if ordered)</option>
                  <option value="setCategory">Move to category…</option>
                </select>
              </div>
              <div class="adm-field">
                <label for="bulk-category">Category to move to</label>
                <select id="bulk-category" class="adm-input" name="categoryId">
                  <option value="">—</option>
                  {d.categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" class="adm-btn adm-btn-secondary" disabled={bulk.isRunning}>
                Apply to ticked products
              </button>
            </div>
          )}
          <div class="adm-table-wrap">
            <table class="adm-table">
              <caption>Products, last changed first</caption>
              <thead>
                <tr>
                  {d.canWrite && (
                    <th scope="col">
                      <span class="visually-hidden">Select</span>
                    </th>
                  )}
                  <th scope="col">Product</th>
                  <th scope="col">Status</th>
                  <th scope="col">Category</th>
                  <th scope="col" class="adm-num">
                    Variants
                  </th>
                  <th scope="col" class="adm-num">
                    From
                  </th>
                  <th scope="col">Stock</th>
                  <th scope="col">Changed</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((p) => (
                  <tr key={p.id}>
                    {d.canWrite && (
                      <td>
                        <input
                          class="adm-pick"
                          type="checkbox"
                          name="ids[]"
                          value={p.id}
                          id={`pick-${p.id}`}
                          aria-label={`Select ${p.name}`}
                        />
                      </td>
                    )}
                    <th scope="row" class="adm-cell-main">
                      <a href={`/admin/products/${p.id}`}>{p.name}</a>
                      <span class="adm-muted adm-sub">/p/{p.slug}</span>
                    </th>
                    <td>
                      <span class={['adm-badge', STATUS_BADGES[p.status]]}>{STATUS_LABELS[p.status]}</span>
                    </td>
                    <td>{p.categoryName ?? '—'}</td>
                    <td class="adm-num">{p.variantCount}</td>
                    <td class="adm-num adm-nowrap">
                      {p.priceMin === null ? '—' : formatMoney({ amount: p.priceMin, currency: d.currency })}
                    </td>
                    <td class="adm-nowrap">{p.inStock ? 'In stock' : 'Out of stock'}</td>
                    <td class="adm-nowrap">
                      <time dateTime={isoOf(p.updatedAt)}>{formatDate(p.updatedAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Form>
      )}
      <Pagination page={d.page} pageCount={d.pageCount} path="/admin/products" params={params} />
    </>
  );
});

export const head: DocumentHead = { title: 'Products' };
