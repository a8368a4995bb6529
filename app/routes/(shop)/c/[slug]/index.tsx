/** Category page: heading, its offer banner, facet sidebar, sort, a page of product cards and paging links, filters in the URL; 404 if unknown. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listCategories } from '@db/repositories/catalog';
import { listingHref } from '@domain/catalog/listing-filters';
import { shopBanners } from '@worker/services/content/shop-content';
import { ContentBanner } from '~/components/shop/content-banner/ContentBanner';
import { ListingView } from '~/components/shop/listing-view/ListingView';
import { NotFound } from '~/components/shop/not-found/NotFound';
import { Breadcrumbs } from '~/components/ui/breadcrumbs/Breadcrumbs';
import { loadListing } from '~/lib/listing';

/** The category, its parent for the breadcrumbs, and one filtered page of its products (and its subcategories'). */
export const useCategoryPage = routeLoader$(async (event) => {
  const db = createDb(event.platform.env);
  const category = (await listCategories(db)).find((c) => c.slug === event.params.slug);
  if (!category) {
    event.status(404);
    return null;
  }
  const [listing, banners] = await Promise.all([
    loadListing(event, db, { categorySlug: category.slug }),
    // A shared (edge-cached) page: banners for everyone only (docs/architecture.md, "Banners and the edge cache").
    shopBanners(
      event.platform.env,
      { placement: 'category', signedIn: false, categoryId: category.id },
      Date.now(),
    ),
  ]);
  const facet = listing.facets.categories;
  const self = facet.find((c) => c.slug === category.slug);
  const parent = self?.parentSlug ? facet.find((c) => c.slug === self.parentSlug) : undefined;
  // Subcategories, each keeping the shopper's filters (a category page's own category is its path).
  const categoryLinks = facet
    .filter((c) => c.parentSlug === category.slug && c.count > 0)
    .map((c) => ({
      label: c.name,
      count: c.count,
      current: false,
      href: listingHref(`/c/${c.slug}`, { ...listing.state, page: 1 }, { omitCategory: true }),
    }));
  return {
    category,
    parent: parent ? { slug: parent.slug, name: parent.name } : null,
    categoryLinks,
    banner: banners[0] ?? null,
    ...listing,
  };
});

export default component$(() => {
  const d = useCategoryPage().value;
  if (!d) return <NotFound what="category" />;
  const crumbs = [
    { label: 'Home', href: '/' },
    ...(d.parent ? [{ label: d.parent.name, href: `/c/${d.parent.slug}` }] : []),
    { label: d.category.name },
  ];
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <ListingView
        title={d.category.name}
        path={`/c/${d.category.slug}`}
        state={d.state}
        items={d.items}
        total={d.total}
        facets={d.facets}
        categoryLinks={d.categoryLinks}
        categoryInPath
      >
        {d.category.description && <p class="listing-intro">{d.category.description}</p>}
        {d.banner && <ContentBanner banner={d.banner} />}
      </ListingView>
    </>
  );
});

export const head: DocumentHead = ({ resolveValue, url }) => {
  const d = resolveValue(useCategoryPage);
  if (!d) return { title: 'Category not found' };
  // Filtered and sorted variants of the page point search engines at the plain category.
  return {
    title: d.category.name,
    meta: [{ name: 'description', content: d.category.description }],
    links: [{ rel: 'canonical', href: new URL(`/c/${d.category.slug}`, url).href }],
  };
};
