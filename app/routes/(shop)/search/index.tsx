/** Search results for `q` (all products when q is empty), sorted and paged, with an empty state. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listProducts } from '@db/repositories/catalog';
import {
  DEFAULT_PRODUCT_SORT,
  LISTING_PAGE_SIZE,
  pageCountOf,
  parsePageNumber,
  parseProductSort,
} from '@domain/catalog/listing';
import { ProductGrid } from '~/components/shop/product-grid/ProductGrid';
import { SortForm } from '~/components/shop/sort-form/SortForm';
import { EmptyState } from '~/components/ui/empty-state/EmptyState';
import { Pagination } from '~/components/ui/pagination/Pagination';
import { pluralise } from '~/lib/format';

const MAX_QUERY = 100;

/** One page of matching products. */
export const useSearch = routeLoader$(async ({ platform, query }) => {
  const q = (query.get('q') ?? '').trim().slice(0, MAX_QUERY);
  const sort = parseProductSort(query.get('sort'));
  const page = parsePageNumber(query.get('page'));
  const { items, total } = await listProducts(createDb(platform.env), {
    q: q || undefined,
    sort,
    limit: LISTING_PAGE_SIZE,
    offset: (page - 1) * LISTING_PAGE_SIZE,
  });
  return { q, sort, page, pageCount: pageCountOf(total), total, items };
});

export default component$(() => {
  const s = useSearch().value;
  const keep: Record<string, string> = s.q ? { q: s.q } : {};
  if (s.total === 0) {
    return (
      <EmptyState icon="search" title={s.q ? `No results for “${s.q}”` : 'No products yet'} headingLevel={1}>
        <p>Check the spelling, try a more general word such as “jacket” or “bag”, or browse a category.</p>
        <a class="btn btn-primary" href="/">
          Back to the shop
        </a>
      </EmptyState>
    );
  }
  return (
    <>
      <div class="listing-head">
        <div>
          <h1>{s.q ? `Results for “${s.q}”` : 'All products'}</h1>
          <p role="status">{pluralise(s.total, 'product')}</p>
        </div>
        <SortForm action="/search" sort={s.sort} hidden={keep} />
      </div>
      <ProductGrid products={s.items} headingLevel={2} label="Search results" />
      <Pagination
        page={s.page}
        pageCount={s.pageCount}
        path="/search"
        params={s.sort === DEFAULT_PRODUCT_SORT ? keep : { ...keep, sort: s.sort }}
      />
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const s = resolveValue(useSearch);
  return { title: s.q ? `Search: ${s.q}` : 'All products', meta: [{ name: 'robots', content: 'noindex' }] };
};
