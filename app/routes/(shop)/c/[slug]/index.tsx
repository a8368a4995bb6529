/** Category page: heading, product count, sort, a page of product cards and paging links; 404 if unknown. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listCategories, listProducts } from '@db/repositories/catalog';
import {
  DEFAULT_PRODUCT_SORT,
  LISTING_PAGE_SIZE,
  pageCountOf,
  parsePageNumber,
  parseProductSort,
} from '@domain/catalog/listing';
import { NotFound } from '~/components/shop/not-found/NotFound';
import { ProductGrid } from '~/components/shop/product-grid/ProductGrid';
import { SortForm } from '~/components/shop/sort-form/SortForm';
import { Breadcrumbs } from '~/components/ui/breadcrumbs/Breadcrumbs';
import { Pagination } from '~/components/ui/pagination/Pagination';
import { pluralise } from '~/lib/format';

/** The category and one page of its products, or null (with status 404) when the slug is unknown. */
export const useCategoryPage = routeLoader$(async ({ platform, params, query, status }) => {
  const db = createDb(platform.env);
  const category = (await listCategories(db)).find((c) => c.slug === params.slug);
  if (!category) {
    status(404);
    return null;
  }
  const sort = parseProductSort(query.get('sort'));
  const page = parsePageNumber(query.get('page'));
  const { items, total } = await listProducts(db, {
    categorySlug: category.slug,
    sort,
    limit: LISTING_PAGE_SIZE,
    offset: (page - 1) * LISTING_PAGE_SIZE,
  });
  return { category, sort, page, pageCount: pageCountOf(total), total, items };
});

export default component$(() => {
  const data = useCategoryPage();
  const d = data.value;
  if (!d) return <NotFound what="category" />;
  const path = `/c/${d.category.slug}`;
  return (
    <>
      <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: d.category.name }]} />
      <div class="listing-head">
        <div>
          <h1>{d.category.name}</h1>
          <p>
            {d.category.description} <span>· {pluralise(d.total, 'product')}</span>
          </p>
        </div>
        <SortForm action={path} sort={d.sort} />
      </div>
      <ProductGrid products={d.items} headingLevel={2} label={`${d.category.name} products`} />
      <Pagination
        page={d.page}
        pageCount={d.pageCount}
        path={path}
        params={d.sort === DEFAULT_PRODUCT_SORT ? {} : { sort: d.sort }}
      />
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const d = resolveValue(useCategoryPage);
  return d
    ? { title: d.category.name, meta: [{ name: 'description', content: d.category.description }] }
    : { title: 'Category not found' };
};
