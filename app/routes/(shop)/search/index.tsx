/** Search results for `q` (all products when q is empty) with facets, sort (best match first) and pages. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { hasActiveFilters, listingHref } from '@domain/catalog/listing-filters';
import { ListingView } from '~/components/shop/listing-view/ListingView';
import { EmptyState } from '~/components/ui/empty-state/EmptyState';
import { loadListing } from '~/lib/listing';

/** One page of matching products with facets; top-level categories as links that narrow the search. */
export const useSearch = routeLoader$(async (event) => {
  const listing = await loadListing(event, createDb(event.platform.env), {});
  const { state, facets } = listing;
  const chosen = state.filters.category;
  const categoryLinks = facets.categories
    .filter((c) => c.count > 0 && (c.parentSlug === null || c.parentSlug === chosen || c.slug === chosen))
    .map((c) => ({
      label: c.name,
      count: c.count,
      current: c.slug === chosen,
      href: listingHref('/search', {
        ...state,
        page: 1,
        filters: { ...state.filters, category: c.slug === chosen ? undefined : c.slug },
      }),
    }));
  return { ...listing, categoryLinks };
});

export default component$(() => {
  const s = useSearch().value;
  const q = s.state.q;
  if (s.total === 0 && !hasActiveFilters(s.state.filters) && !s.state.filters.category) {
    return (
      <EmptyState icon="search" title={q ? `No results for “${q}”` : 'No products yet'} headingLevel={1}>
        <p>Check the spelling, try a more general word such as “jacket” or “bag”, or browse a category.</p>
        <a class="btn btn-primary" href="/">
          Back to the shop
        </a>
      </EmptyState>
    );
  }
  return (
    <ListingView
      title={q ? `Results for “${q}”` : 'All products'}
      path="/search"
      state={s.state}
      items={s.items}
      total={s.total}
      facets={s.facets}
      categoryLinks={s.categoryLinks}
    />
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const q = resolveValue(useSearch).state.q;
  // Result pages stay out of search engines (thin, endless variations); the description serves link previews.
  return {
    title: q ? `Search: ${q}` : 'All products',
    meta: [
      { name: 'robots', content: 'noindex' },
      {
        name: 'description',
        content: q
          ? `Products matching “${q}”, with filters by size, colour, price and rating.`
          : 'Every product in the shop.',
      },
    ],
  };
};
