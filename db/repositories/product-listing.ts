/**
 * The storefront's product listing: filters (category subtree, collection, price, sizes, colours, stock, rating),
 * full-text search, sorts, paging and disjunctive facet counts, all in one db.batch. Reads the listing columns the
 * triggers of migration 0005 keep on products (price_min, rating_avg, review_count, in_stock); query plans at ten
 * thousand products are in docs/benchmarks.md.
 */
import type { Db } from '@db/client';
import { categories, products } from '@db/schema';
import { DEFAULT_PRODUCT_SORT, type ProductSort } from '@domain/catalog/listing';
import {
  compareSizes,
  type PriceBucket,
  priceBuckets,
  RATING_THRESHOLDS,
} from '@domain/catalog/listing-filters';
import { ftsMatchExpression } from '@domain/catalog/search-query';
import { and, asc, desc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { ProductSummary } from './catalog';
import { productSearch } from './product-search';
import { summaryColumns, toSummary } from './product-summary';

/** Filters, search, sort and paging for listProducts. */
export interface ListProductsInput {
  /** A category slug: products in that category or any category under it. */
  categorySlug?: string;
  collectionSlug?: string;
  /**
   * Free text: products whose name, brand or description hold words starting with every word of `q` (stemmed, case
   * and accents folded; the FTS5 index `product_search`).
   */
  q?: string;
  /** Inclusive bounds on the cheapest variant's price, minor units. */
  priceMin?: number;
  priceMax?: number;
  /** Products with a variant in any of these sizes and (if given) any of these colours: one variant matching both. */
  sizes?: readonly string[];
  colours?: readonly string[];
  inStock?: boolean;
  /** Lowest average rating (1..5). */
  minRating?: number;
  /** `relevance` without `q` falls back to the default order. */
  sort?: ProductSort;
  limit: number;
  offset: number;
  /** Also count the facets (each facet applies every active filter but its own). */
  facets?: boolean;
  /** Minor units per major unit of the shop's currency, for the price buckets (100). */
  minorPerMajor?: number;
}

/** A category in the category facet: its count includes its descendants' products. */
export interface CategoryFacet {
  slug: string;
  name: string;
  parentSlug: string | null;
  count: number;
}

/** Counts per filter value, for the facet sidebar. */
export interface ListingFacets {
  categories: CategoryFacet[];
  sizes: { value: string; count: number }[];
  colours: { value: string; count: number }[];
  prices: (PriceBucket & { count: number })[];
  availability: { inStock: number; all: number };
  ratings: { min: number; count: number }[];
}

/** A page of products, the number of matches, and the facets when asked for. */
export interface ProductPage {
  items: ProductSummary[];
  total: number;
  facets?: ListingFacets;
}

type FilterKey = 'category' | 'collection' | 'price' | 'size' | 'colour' | 'stock' | 'rating' | 'q';

const MAX_LIMIT = 100;

function emptyFacets(): ListingFacets {
  return {
    categories: [],
    sizes: [],
    colours: [],
    prices: [],
    availability: { inStock: 0, all: 0 },
    ratings: [],
  };
}

/** `column in (values…)` on the variant alias `v`. */
function variantIn(column: 'size' | 'colour', values: readonly string[]): SQL {
  return sql`${sql.raw(`v.${column}`)} in (${sql.join(
    values.map((x) => sql`${x}`),
    sql`, `,
  )})`;
}

/**
 * The size and colour filters as one condition on a single variant: "M in Red" means a red M exists, not an M in
 * blue and a red L. `except` leaves one of the two out (for its own facet's counts).
 */
function variantCondition(input: ListProductsInput, except?: FilterKey): SQL | undefined {
  const parts = [
    except !== 'size' && input.sizes?.length ? variantIn('size', input.sizes) : undefined,
    except !== 'colour' && input.colours?.length ? variantIn('colour', input.colours) : undefined,
  ].filter((p): p is SQL => p !== undefined);
  if (parts.length === 0) return undefined;
  return sql`${products.id} in (select v.product_id from product_variants v where ${and(...parts)})`;
}

/** The WHERE conditions of the active product-level filters, by key, so each facet can leave its own out. */
function filterConditions(input: ListProductsInput, match: string | null): Map<FilterKey, SQL> {
  const c = new Map<FilterKey, SQL>();
  if (input.categorySlug) {
    // The category and every category under it (categories.parent_id), resolved inside the statement.
    c.set(
      'category',
      sql`${products.categoryId} in (with recursive sub(id) as (select c0.id from categories c0 where c0.slug = ${input.categorySlug} union all select c1.id from categories c1 join sub on c1.parent_id = sub.id) select id from sub)`,
    );
  }
  if (input.collectionSlug) {
    c.set(
      'collection',
      sql`${products.id} in (select pc.product_id from product_collections pc join collections co on co.id = pc.collection_id where co.slug = ${input.collectionSlug})`,
    );
  }
  if (input.priceMin !== undefined || input.priceMax !== undefined) {
    c.set(
      'price',
      and(
        input.priceMin !== undefined ? sql`${products.priceMin} >= ${input.priceMin}` : undefined,
        input.priceMax !== undefined ? sql`${products.priceMin} <= ${input.priceMax}` : undefined,
      ) as SQL,
    );
  }
  if (input.inStock) c.set('stock', sql`${products.inStock} = 1`);
  if (input.minRating !== undefined) c.set('rating', sql`${products.ratingAvg} >= ${input.minRating}`);
  if (match) {
    // Rows come from the FTS index (its rowids, then products by primary key), never the other way round.
    c.set(
      'q',
      sql`${products}.rowid in (select rowid from ${productSearch} where ${productSearch} match ${match})`,
    );
  }
  return c;
}

/** The filters of one listing: product-level conditions plus the variant (size and colour) condition. */
interface Filters {
  input: ListProductsInput;
  conds: Map<FilterKey, SQL>;
}

/** Active products passing every filter except `except`. With a search, `+status` keeps the status index out. */
function whereExcept({ input, conds }: Filters, except?: FilterKey): SQL {
  const active = conds.has('q') ? sql`+${products.status} = 'active'` : eq(products.status, 'active');
  const rest = [...conds].filter(([k]) => k !== except).map(([, v]) => v);
  return and(active, ...rest, variantCondition(input, except)) as SQL;
}

// Each order is all-descending or all-ascending, ties broken by id in the same direction, so SQLite can walk
// products_featured_idx, products_status_created_idx, products_rating_idx or products_status_price_idx backwards
// (or forwards) instead of sorting every match. In a descending order SQLite puts NULLs (unrated) last.
function orderFor(sort: ProductSort): SQL[] {
  switch (sort) {
    case 'price_asc':
      return [asc(products.priceMin), asc(products.id)];
    case 'price_desc':
      return [desc(products.priceMin), desc(products.id)];
    case 'newest':
      return [desc(products.createdAt), desc(products.id)];
    case 'rating':
      return [desc(products.ratingAvg), desc(products.reviewCount), desc(products.id)];
    default:
      return [desc(products.featuredRank), desc(products.createdAt), desc(products.id)];
  }
}

/** The price bucket a row's price_min falls in, as a CASE over the bucket bounds. */
function bucketCase(buckets: PriceBucket[]): SQL {
  const whens = buckets
    .map((b, i) =>
      b.max === null
        ? null
        : sql`when ${products.priceMin} < ${sql.raw(String(b.max))} then ${sql.raw(String(i))}`,
    )
    .filter((w): w is SQL => w !== null);
  return sql`case ${sql.join(whens, sql` `)} else ${sql.raw(String(buckets.length - 1))} end`;
}

/** Adds each category's count to its ancestors', so a parent counts its whole subtree. */
function rollUpCategories(
  rows: { id: string; slug: string; name: string; parentId: string | null }[],
  counts: Map<string, number>,
): CategoryFacet[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const total = new Map<string, number>();
  for (const [id, n] of counts) {
    const seen = new Set<string>();
    for (
      let cur = byId.get(id);
      cur && !seen.has(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined
    ) {
      seen.add(cur.id); // a cycle in parent_id must not loop forever
      total.set(cur.id, (total.get(cur.id) ?? 0) + n);
    }
  }
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    parentSlug: r.parentId ? (byId.get(r.parentId)?.slug ?? null) : null,
    count: total.get(r.id) ?? 0,
  }));
}

/** Lists active products matching the filters and `q`, sorted and paged, with the total and (optionally) facets. */
export async function listProducts(db: Db, input: ListProductsInput): Promise<ProductPage> {
  const q = input.q?.trim();
  const match = q ? ftsMatchExpression(q) : null;
  if (q && match === null) return { items: [], total: 0, ...(input.facets ? { facets: emptyFacets() } : {}) };
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.trunc(input.limit)));
  const offset = Math.max(0, Math.trunc(input.offset));
  const requested = input.sort ?? (match ? 'relevance' : DEFAULT_PRODUCT_SORT);
  const sort = requested === 'relevance' && !match ? DEFAULT_PRODUCT_SORT : requested;
  const filters: Filters = { input, conds: filterConditions(input, match) };
  const where = whereExcept(filters);

  // Step 1: the page's ids, ordered and cut using products' own columns (and the bm25 rank for relevance).
  const byRank = sort === 'relevance';
  const pageIds = byRank
    ? db
        .select({
          pid: sql<string>`${products.id}`.as('pid'),
          rank: sql<number>`${productSearch.rank}`.as('rank'),
        })
        .from(products)
        .innerJoin(productSearch, eq(productSearch.rowid, sql`${products}.rowid`))
        .where(and(sql`${productSearch} match ${match}`, whereExcept(filters, 'q')))
        .orderBy(asc(productSearch.rank), ...orderFor(DEFAULT_PRODUCT_SORT))
        .limit(limit)
        .offset(offset)
        .as('page')
    : db
        .select({ pid: sql<string>`${products.id}`.as('pid'), rank: sql<number>`0`.as('rank') })
        .from(products)
        .where(where)
        .orderBy(...orderFor(sort))
        .limit(limit)
        .offset(offset)
        .as('page');
  // Step 2: the summaries of just those rows, in the same order.
  const listing = db
    .select(summaryColumns)
    .from(pageIds)
    .innerJoin(products, eq(products.id, pageIds.pid))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .orderBy(...(byRank ? [asc(pageIds.rank)] : []), ...orderFor(byRank ? DEFAULT_PRODUCT_SORT : sort));
  const counting = db.select({ total: sql<number>`count(*)` }).from(products).where(where);

  if (!input.facets) {
    const [rows, counted] = await db.batch([listing, counting]);
    return { items: rows.map(toSummary), total: Number(counted[0]?.total ?? 0) };
  }

  const buckets = priceBuckets(input.minorPerMajor ?? 100);
  // Distinct (value, product) pairs from the covering variant index, kept when the product is in the filtered set
  // (built once from products_listing_idx), then counted per value: no lookup of a wide products row per variant.
  // With colours chosen, a size counts only in those colours (and the other way round): the same variant.
  const variantFacet = (column: 'size' | 'colour') => {
    const col = sql.raw(`v.${column}`);
    const other = column === 'size' ? input.colours : input.sizes;
    const sameVariant = other?.length
      ? sql` and ${variantIn(column === 'size' ? 'colour' : 'size', other)}`
      : sql``;
    const inSet = db.select({ id: products.id }).from(products).where(whereExcept(filters, column));
    return db
      .select({ value: sql<string>`value`.as('value'), count: sql<number>`count(*)`.as('n') })
      .from(
        sql`(select distinct ${col} as value, v.product_id from product_variants v where ${col} is not null${sameVariant} and v.product_id in ${inSet})`,
      )
      .groupBy(sql`value`)
      .orderBy(sql`value`);
  };
  const ratingSums = RATING_THRESHOLDS.map(
    (t) => sql`coalesce(sum(${products.ratingAvg} >= ${sql.raw(String(t))}), 0)`,
  );

  const [rows, counted, categoryRows, categoryCounts, sizes, colours, prices, stock, ratings] =
    await db.batch([
      listing,
      counting,
      db
        .select({
          id: categories.id,
          slug: categories.slug,
          name: categories.name,
          parentId: categories.parentId,
        })
        .from(categories)
        .orderBy(asc(categories.position), asc(categories.name)),
      db
        .select({ categoryId: products.categoryId, count: sql<number>`count(*)` })
        .from(products)
        .where(whereExcept(filters, 'category'))
        .groupBy(products.categoryId),
      variantFacet('size'),
      variantFacet('colour'),
      db
        .select({ bucket: sql<number>`${bucketCase(buckets)}`.as('bucket'), count: sql<number>`count(*)` })
        .from(products)
        .where(and(isNotNull(products.priceMin), whereExcept(filters, 'price')))
        .groupBy(sql`bucket`),
      db
        .select({ all: sql<number>`count(*)`, inStock: sql<number>`coalesce(sum(${products.inStock}), 0)` })
        .from(products)
        .where(whereExcept(filters, 'stock')),
      db
        .select({ counts: sql<string>`json_array(${sql.join(ratingSums, sql`, `)})` })
        .from(products)
        .where(whereExcept(filters, 'rating')),
    ]);

  const perBucket = new Map(prices.map((p) => [Number(p.bucket), Number(p.count)]));
  const ratingCounts = JSON.parse(ratings[0]?.counts ?? '[]') as number[];
  return {
    items: rows.map(toSummary),
    total: Number(counted[0]?.total ?? 0),
    facets: {
      categories: rollUpCategories(
        categoryRows,
        new Map(categoryCounts.map((r) => [r.categoryId, Number(r.count)])),
      ),
      sizes: sizes
        .map((s) => ({ value: s.value, count: Number(s.count) }))
        .sort((a, b) => compareSizes(a.value, b.value)),
      colours: colours.map((s) => ({ value: s.value, count: Number(s.count) })),
      prices: buckets.map((b, i) => ({ ...b, count: perBucket.get(i) ?? 0 })),
      availability: { all: Number(stock[0]?.all ?? 0), inStock: Number(stock[0]?.inStock ?? 0) },
      ratings: RATING_THRESHOLDS.map((min, i) => ({ min, count: Number(ratingCounts[i] ?? 0) })),
    },
  };
}
