/**
 * Listing filters (size, colour, price, availability, rating, category, collection) as pages read them from a URL
 * and write them back: lenient in (junk is dropped), canonical out (fixed key order, sorted values, defaults left
 * out), so the same choice always has the same shareable URL. Also the price buckets the price facet counts. Pure.
 */
import {
  DEFAULT_PRODUCT_SORT,
  defaultSortFor,
  PRODUCT_SORTS,
  type ProductSort,
  parsePageNumber,
} from './listing';

/** What a listing is narrowed by; every field is optional, and empty arrays mean "any". */
export interface ListingFilters {
  /** A category slug: products in it or in any of its descendants. */
  category?: string;
  /** A collection slug. */
  collection?: string;
  /** Lowest and highest `priceFrom`, inclusive, in minor units. */
  priceMin?: number;
  priceMax?: number;
  /** Products with a variant of any of these sizes (and, separately, of any of these colours). */
  sizes: string[];
  colours: string[];
  /** Only products with some variant on hand. */
  inStock: boolean;
  /** Only products rated at least this (1..5) on average. */
  minRating?: number;
}

/** No filter at all. */
export const NO_FILTERS: ListingFilters = Object.freeze({
  sizes: [],
  colours: [],
  inStock: false,
}) as ListingFilters;

/** Most sizes (and colours) one listing may filter by: keeps every statement under D1's 100 bound parameters. */
export const MAX_FILTER_VALUES = 20;
/** Longest size or colour value kept. */
export const MAX_FILTER_VALUE_LENGTH = 40;
/** The rating thresholds the rating facet offers ("4 stars & up"…). */
export const RATING_THRESHOLDS = [4, 3, 2, 1] as const;

/**
 * Price bucket boundaries in major units: 0–25, 25–50, 50–100, 100–200, 200 and up. A bucket holds prices from its
 * lower bound up to (not including) the next one, so every price falls in exactly one.
 */
export const PRICE_BOUNDARIES_MAJOR = [25, 50, 100, 200] as const;

/** One price bucket in minor units; `max` is exclusive and null for the last, open-ended bucket. */
export interface PriceBucket {
  min: number;
  max: number | null;
}

/** The price buckets for a currency with `minorPerMajor` minor units per major unit (100 for USD). */
export function priceBuckets(minorPerMajor = 100): PriceBucket[] {
  const bounds = PRICE_BOUNDARIES_MAJOR.map((b) => b * minorPerMajor);
  return [0, ...bounds].map((min, i) => ({ min, max: bounds[i] ?? null }));
}

/** The index of the bucket `amount` (minor units) falls in. */
export function bucketIndexOf(amount: number, buckets: readonly PriceBucket[]): number {
  const i = buckets.findIndex((b) => amount >= b.min && (b.max === null || amount < b.max));
  return i === -1 ? 0 : i;
}

/** Whether any filter (other than those fixed by the page, like its category) is set. */
export function hasActiveFilters(f: ListingFilters): boolean {
  return (
    f.priceMin !== undefined ||
    f.priceMax !== undefined ||
    f.sizes.length > 0 ||
    f.colours.length > 0 ||
    f.inStock ||
    f.minRating !== undefined
  );
}

/** A listing page's state, as its URL says it. */
export interface ListingQuery {
  q: string;
  sort: ProductSort;
  page: number;
  filters: ListingFilters;
}

/** Longest search kept from a URL. */
export const MAX_QUERY_LENGTH = 100;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function cleanValues(values: string[]): string[] {
  const kept = values
    .map((v) => v.trim())
    .filter((v) => v.length > 0 && v.length <= MAX_FILTER_VALUE_LENGTH)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...new Set(kept)].slice(0, MAX_FILTER_VALUES);
}

/** A whole number of major units from a price input ("25", "25.50" → 2550 with 100 minor units); junk → undefined. */
function parsePrice(value: string | null, minorPerMajor: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value.trim());
  if (!Number.isFinite(n) || n < 0 || n > 1_000_000) return undefined;
  return Math.round(n * minorPerMajor);
}

/**
 * Reads a listing URL's query leniently: unknown parameters and junk values are ignored (a shopper's hand-edited URL
 * still shows a page). Prices are in major units (`min=25&max=50`), as the price inputs submit them.
 */
export function parseListingQuery(sp: URLSearchParams, minorPerMajor = 100): ListingQuery {
  const q = (sp.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH);
  const rawSort = sp.get('sort');
  const sort = PRODUCT_SORTS.find((s) => s === rawSort) ?? defaultSortFor(q);
  let priceMin = parsePrice(sp.get('min'), minorPerMajor);
  let priceMax = parsePrice(sp.get('max'), minorPerMajor);
  if (priceMin !== undefined && priceMax !== undefined && priceMin > priceMax) {
    [priceMin, priceMax] = [priceMax, priceMin];
  }
  if (priceMin === 0) priceMin = undefined;
  const rating = Number(sp.get('rating'));
  const category = sp.get('category') ?? '';
  return {
    q,
    sort: sort === 'relevance' && !q ? DEFAULT_PRODUCT_SORT : sort,
    page: parsePageNumber(sp.get('page')),
    filters: {
      ...(SLUG.test(category) && category.length <= 80 ? { category } : {}),
      ...(priceMin !== undefined ? { priceMin } : {}),
      ...(priceMax !== undefined ? { priceMax } : {}),
      sizes: cleanValues(sp.getAll('size')),
      colours: cleanValues(sp.getAll('colour')),
      inStock: ['1', 'true', 'on'].includes(sp.get('in_stock') ?? ''),
      ...(Number.isInteger(rating) && rating >= 1 && rating <= 5 ? { minRating: rating } : {}),
    },
  };
}

/** Formats minor units as the plain number a price input shows ("25" or "25.5"). */
export function majorUnits(amount: number, minorPerMajor = 100): string {
  return String(amount / minorPerMajor);
}

/**
 * The canonical query string of a listing state, without the page: `q`, `category`, `size`…, `colour`…, `min`,
 * `max`, `in_stock`, `rating`, `sort`, in that order, defaults left out. `omitCategory` when the path names it.
 */
export function listingParams(
  state: Omit<ListingQuery, 'page'>,
  { omitCategory = false, minorPerMajor = 100 } = {},
): [string, string][] {
  const { q, sort, filters: f } = state;
  const out: [string, string][] = [];
  if (q) out.push(['q', q]);
  if (f.category && !omitCategory) out.push(['category', f.category]);
  for (const s of cleanValues(f.sizes)) out.push(['size', s]);
  for (const c of cleanValues(f.colours)) out.push(['colour', c]);
  if (f.priceMin !== undefined) out.push(['min', majorUnits(f.priceMin, minorPerMajor)]);
  if (f.priceMax !== undefined) out.push(['max', majorUnits(f.priceMax, minorPerMajor)]);
  if (f.inStock) out.push(['in_stock', '1']);
  if (f.minRating !== undefined) out.push(['rating', String(f.minRating)]);
  if (sort !== defaultSortFor(q)) out.push(['sort', sort]);
  return out;
}

/** `path?query` for a listing state and page (page 1 carries no `page`, so it shares the canonical URL). */
export function listingHref(
  path: string,
  state: ListingQuery,
  options: { omitCategory?: boolean; minorPerMajor?: number } = {},
): string {
  const params = listingParams(state, options);
  if (state.page > 1) params.push(['page', String(state.page)]);
  const qs = new URLSearchParams(params).toString();
  return qs ? `${path}?${qs}` : path;
}

/** Letter sizes in the order shoppers expect (not alphabetical). */
const LETTER_SIZES = ['XXS', 'XS', 'S', 'S/M', 'M', 'L', 'L/XL', 'XL', 'XXL', 'XXXL'];

/** Orders sizes as a size chart does: numbers by value, letter sizes small to large, anything else after, A–Z. */
export function compareSizes(a: string, b: string): number {
  const rank = (s: string): [number, number, string] => {
    const n = Number(s);
    if (s.trim() !== '' && Number.isFinite(n)) return [0, n, s];
    const i = LETTER_SIZES.indexOf(s.toUpperCase());
    return i >= 0 ? [1, i, s] : [2, 0, s];
  };
  const [ga, na, sa] = rank(a);
  const [gb, nb, sb] = rank(b);
  return ga - gb || na - nb || (sa < sb ? -1 : sa > sb ? 1 : 0);
}
