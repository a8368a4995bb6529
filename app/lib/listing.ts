/** What the listing pages (category, search, collection) share: reading the URL, one listing query, canonical URLs. */
import type { RequestEventLoader } from '@builder.io/qwik-city';
import type { Db } from '@db/client';
import { type ListingFacets, listProducts, type ProductSummary } from '@db/repositories/catalog';
import { LISTING_PAGE_SIZE } from '@domain/catalog/listing';
import { type ListingQuery, listingHref, parseListingQuery } from '@domain/catalog/listing-filters';
import { shopSales, summariesUnderSales } from '@worker/services/promotions/shop-sales';

/** One page of a listing with its facets, and the state it was read from. */
export interface ListingData {
  state: ListingQuery;
  items: ProductSummary[];
  total: number;
  facets: ListingFacets;
}

/** A query string's parameters in one order, to compare two addresses whatever order they list them in. */
function paramSet(search: string): string {
  return [...new URLSearchParams(search)]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&');
}

/**
 * Reads the listing state from the URL (junk ignored) and loads the page, its cards under today's sales. A URL with parameters the canonical one
 * does not have (empty inputs the form submitted, junk, defaults) is redirected to it, so every choice of filters has
 * one shareable URL. The order of parameters is not compared: the Worker hands pages their address with the
 * parameters sorted (the edge cache's key, worker/http/edge-cache-key.ts), which must not redirect back.
 */
export async function loadListing(
  event: Pick<RequestEventLoader, 'url' | 'redirect' | 'platform'>,
  db: Db,
  fixed: { categorySlug?: string; collectionSlug?: string },
): Promise<ListingData> {
  const { url } = event;
  const state = parseListingQuery(url.searchParams);
  const categoryInPath = fixed.categorySlug !== undefined;
  const canonical = listingHref(url.pathname, state, { omitCategory: categoryInPath });
  if (url.search && paramSet(url.search) !== paramSet(new URL(canonical, url).search))
    throw event.redirect(302, canonical);
  const f = state.filters;
  const now = Date.now();
  const [page, sales] = await Promise.all([
    listProducts(db, {
      categorySlug: fixed.categorySlug ?? f.category,
      collectionSlug: fixed.collectionSlug,
      q: state.q || undefined,
      priceMin: f.priceMin,
      priceMax: f.priceMax,
      sizes: f.sizes,
      colours: f.colours,
      inStock: f.inStock,
      minRating: f.minRating,
      sort: state.sort,
      limit: LISTING_PAGE_SIZE,
      offset: (state.page - 1) * LISTING_PAGE_SIZE,
      facets: true,
    }),
    shopSales(event.platform.env, now),
  ]);
  // Sales are applied to the page of results after the query: the price filter and sort read products.price_min,
  // before sales (docs/architecture.md, "Promotions").
  const items = summariesUnderSales(sales, page.items, now);
  return { state, items, total: page.total, facets: page.facets! };
}
