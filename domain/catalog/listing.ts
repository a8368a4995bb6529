/** How product listings are sorted and paged: one list for the API, the repository, the pages and the sort menu. */

/**
 * Sort orders a product listing supports; the first is the default without a search. `relevance` (bm25 rank of the
 * search) is the default with one, and means nothing without one: listings then fall back to the default.
 */
export const PRODUCT_SORTS = [
  'featured',
  'relevance',
  'newest',
  'price_asc',
  'price_desc',
  'rating',
] as const;

/** One of PRODUCT_SORTS. */
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** The order a listing uses when none (or an unknown one) is asked for. */
export const DEFAULT_PRODUCT_SORT: ProductSort = 'featured';

/** The default order of a listing with search text `q` (relevance) or without (featured). */
export function defaultSortFor(q: string | null | undefined): ProductSort {
  return q?.trim() ? 'relevance' : DEFAULT_PRODUCT_SORT;
}

/** Products per listing page (category, search) and the API's default page. */
export const LISTING_PAGE_SIZE = 24;

/** The most products one API call may ask for. */
export const MAX_LISTING_PAGE_SIZE = 100;

/** The sort a query string asks for; anything unknown falls back to the default. */
export function parseProductSort(value: string | null | undefined): ProductSort {
  return PRODUCT_SORTS.find((s) => s === value) ?? DEFAULT_PRODUCT_SORT;
}

/** A 1-based page number from a query string; junk reads as page 1. */
export function parsePageNumber(value: string | null | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 10_000) : 1;
}

/** How many pages `total` products fill (at least one, so an empty listing still has page 1). */
export const pageCountOf = (total: number, pageSize = LISTING_PAGE_SIZE) =>
  Math.max(1, Math.ceil(total / pageSize));
