/** A product listing page's body: heading and count, sort menu, facet sidebar, cards (search words marked), pages. */
import { component$, Slot } from '@builder.io/qwik';
import type { ListingFacets, ProductSummary } from '@db/repositories/catalog';
import { defaultSortFor, PRODUCT_SORTS, pageCountOf } from '@domain/catalog/listing';
import { type ListingQuery, listingParams } from '@domain/catalog/listing-filters';
import { FacetSidebar } from '~/components/shop/facet-sidebar/FacetSidebar';
import { ProductGrid } from '~/components/shop/product-grid/ProductGrid';
import { SortForm } from '~/components/shop/sort-form/SortForm';
import { Pagination } from '~/components/ui/pagination/Pagination';
import { pluralise } from '~/lib/format';

interface Props {
  title: string;
  /** The listing's path (`/c/tees`, `/search`, `/collections/gifts`). */
  path: string;
  state: ListingQuery;
  items: ProductSummary[];
  total: number;
  facets: ListingFacets;
  categoryLinks: { label: string; href: string; count: number; current: boolean }[];
  /** True when the path names the category, so links and the form leave `category` out. */
  categoryInPath?: boolean;
}

/** Everything below the breadcrumbs; a slot above the results takes a description. */
export const ListingView = component$<Props>(
  ({ title, path, state, items, total, facets, categoryLinks, categoryInPath = false }) => {
    const opts = { omitCategory: categoryInPath };
    const params = listingParams(state, opts);
    const keep = params.filter(([k]) => k === 'q' || k === 'category');
    const clear = keep.concat(state.sort !== defaultSortFor(state.q) ? [['sort', state.sort]] : []);
    const clearHref = clear.length ? `${path}?${new URLSearchParams(clear)}` : path;
    const sortHidden = params.filter(([k]) => k !== 'sort');
    const sorts = PRODUCT_SORTS.filter((s) => s !== 'relevance' || state.q);
    const currency = items[0]?.priceFrom.currency || 'USD';
    return (
      <>
        <div class="listing-head">
          <div>
            <h1>{title}</h1>
            <Slot />
            <p role="status">{pluralise(total, 'product')}</p>
          </div>
          <SortForm action={path} sort={state.sort} hidden={sortHidden} sorts={sorts} />
        </div>
        <div class="listing-layout">
          <aside class="listing-filters" aria-label="Filters">
            <FacetSidebar
              action={path}
              state={state}
              facets={facets}
              currency={currency}
              categoryLinks={categoryLinks}
              keep={keep}
              clearHref={clearHref}
            />
          </aside>
          <div class="listing-results">
            {items.length === 0 ? (
              <div class="empty-state">
                <h2>No products match these filters</h2>
                <p>Try fewer sizes or colours, or a wider price range.</p>
                <a class="btn btn-primary" href={clearHref}>
                  Clear filters
                </a>
              </div>
            ) : (
              <ProductGrid
                products={items}
                headingLevel={2}
                label={state.q ? 'Search results' : `${title} products`}
                highlight={state.q}
              />
            )}
            <Pagination page={state.page} pageCount={pageCountOf(total)} path={path} params={params} />
          </div>
        </div>
      </>
    );
  },
);
