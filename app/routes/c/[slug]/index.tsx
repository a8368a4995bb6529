/** Category page: heading, product count, sort, a page of 24 product cards and paging links; 404 if unknown. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '../../../../db/client';
import { listCategories, listProducts } from '../../../../db/repositories/catalog';
import { Breadcrumbs } from '../../../components/breadcrumbs/Breadcrumbs';
import { NotFound } from '../../../components/not-found/NotFound';
import { Pagination } from '../../../components/pagination/Pagination';
import { ProductGrid } from '../../../components/product-grid/ProductGrid';
import { parsePage, parseSort, SortForm } from '../../../components/sort-form/SortForm';
import { pluralise } from '../../../lib/format';

const PAGE_SIZE = 24;

/** The category and one page of its products, or null (with status 404) when the slug is unknown. */
// biome-ignore lint/correctness/useQwikLoaderLocation: our routes live in app/routes (qwikCity routesDir), not src/routes
export const useCategoryPage = routeLoader$(async ({ platform, params, query, status }) => {
  const db = createDb(platform.env);
  const category = (await listCategories(db)).find((c) => c.slug === params.slug);
  if (!category) {
    status(404);
    return null;
  }
  const sort = parseSort(query.get('sort'));
  const page = parsePage(query.get('page'));
  const { items, total } = await listProducts(db, {
    categorySlug: category.slug,
    sort,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  return { category, sort, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), total, items };
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
        params={d.sort === 'featured' ? {} : { sort: d.sort }}
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
