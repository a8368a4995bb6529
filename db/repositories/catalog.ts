/** Catalog reads for the storefront: categories, product listing/search, product detail and variant pricing. */

import type { Db } from '@db/client';
import {
  categories,
  productCollections,
  productImages,
  productOptions,
  products,
  productVariants,
} from '@db/schema';
import { type RatingDistribution, REVIEWS_PAGE_SIZE, ratingDistribution } from '@domain/catalog/review-input';
import type { Money } from '@domain/pricing/money';
import type { TaxCategory } from '@domain/pricing/tax';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import {
  type CategoryCrumb,
  categoryTrail,
  type OptionType,
  optionTypesOf,
  type ProductAttribute,
  parseAttributes,
  parseOptionMap,
  parseStringList,
} from './product-detail-parts';
import { firstImageUrl, summaryColumns, toSummary } from './product-summary';
import { type PublicReview, publishedReviewsQuery, ratingCountsQuery } from './reviews';

export type { CategoryCrumb, OptionType, ProductAttribute } from './product-detail-parts';
export {
  type ListingFacets,
  type ListProductsInput,
  listProducts,
  type ProductPage,
} from './product-listing';

/** A category with the number of active products in it. */
export interface CategorySummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  productCount: number;
}

/** One product card: the cheapest variant's price, the first image and the published-review rating. */
export interface ProductSummary {
  id: string;
  slug: string;
  name: string;
  categorySlug: string;
  categoryName: string;
  priceFrom: Money;
  /** The lowest compare-at price above its variant's price, when any variant is on sale. */
  compareAtFrom: Money | null;
  imageUrl: string | null;
  imageAlt: string | null;
  /** Mean of published ratings (1..5), null when there are none. */
  rating: number | null;
  reviewCount: number;
}

/** A purchasable variant as shown on the product page. */
export interface VariantDetail {
  id: string;
  sku: string;
  /** Option name → value, one entry per option type of the product (`{ Size: 'M', Colour: 'Navy' }`). */
  options: Record<string, string>;
  /** Copies of the Size and Colour options (kept for the add-to-cart form and older clients). */
  size: string | null;
  colour: string | null;
  barcode: string | null;
  /** The image to show when this variant is chosen; null means the product's first. */
  imageId: string | null;
  price: Money;
  compareAt: Money | null;
}

/** A product photo with its intrinsic size (null when unknown), so pages reserve its space. */
export interface ProductImage {
  id: string;
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
}

/** Everything the product page needs. */
export interface ProductDetail extends ProductSummary {
  description: string;
  brand: string;
  /** Distinct Size and Colour values in variant order (kept for older clients; see optionTypes). */
  options: { sizes: string[]; colours: string[] };
  /** The option types a shopper chooses from, in display order. */
  optionTypes: OptionType[];
  variants: VariantDetail[];
  images: ProductImage[];
  /** Specification attributes, in the merchant's order. */
  attributes: ProductAttribute[];
  tags: string[];
  /** The page title and meta description to use; empty means "use the name and description". */
  seoTitle: string;
  seoDescription: string;
  /** Root-first categories down to the product's own (the last one is `categorySlug`). */
  categoryPath: CategoryCrumb[];
  /** Other active products from the same category, those sharing the most tags first. */
  related: ProductSummary[];
  updatedAt: number;
  /** The first page of published reviews, newest first (REVIEWS_PAGE_SIZE). */
  reviews: PublicReview[];
  /** How many published reviews give each star (their sum is the review count). */
  ratingDistribution: RatingDistribution;
}

/** A variant with what a cart line needs; its price is the only price a cart may use. */
export interface VariantForPricing {
  sku: string;
  productId: string;
  /** The product's category and its ancestors, and its collections: what promotions may target. */
  categoryIds: string[];
  collectionIds: string[];
  productSlug: string;
  productName: string;
  size: string | null;
  colour: string | null;
  price: Money;
  imageUrl: string | null;
  weightGrams: number;
  taxCategory: TaxCategory;
}

/** Related products shown, and how many same-category candidates are ranked to find them. */
const RELATED_SHOWN = 4;
const RELATED_CANDIDATES = 48;

/** Categories for the shop's navigation, in navigation order: names only, no counts to compute on every page. */
export async function listNavCategories(db: Db): Promise<{ slug: string; name: string }[]> {
  return db
    .select({ slug: categories.slug, name: categories.name })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name));
}

/** Lists categories in navigation order with their active-product counts. */
export async function listCategories(db: Db): Promise<CategorySummary[]> {
  const rows = await db
    .select({
      id: categories.id,
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      productCount: sql<number>`count(${products.id})`,
    })
    .from(categories)
    .leftJoin(products, and(eq(products.categoryId, categories.id), eq(products.status, 'active')))
    .groupBy(categories.id)
    .orderBy(asc(categories.position), asc(categories.name));
  return rows.map((r) => ({ ...r, productCount: Number(r.productCount) }));
}

function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

/**
 * The ids of the related products (as `related.pid`, with `related.shared` tags in common), best first: other active
 * products of the slug's category, ranked by shared tags, rating, review count and id.
 */
function relatedPage(ofSlug: (column: 'id' | 'category_id' | 'tags') => SQL, productId: SQL) {
  const shared = sql`(select count(*) from json_each(c.tags) t where t.value in (select value from json_each(${ofSlug('tags')})))`;
  return sql`(select c.id as pid, ${shared} as shared, c.rating_avg as rating, c.review_count as reviews from (select id, tags, rating_avg, review_count from products where category_id = ${ofSlug('category_id')} and status = 'active' and id <> ${productId} limit ${RELATED_CANDIDATES}) c order by shared desc, rating desc, reviews desc, pid limit ${RELATED_SHOWN}) related`;
}

/**
 * The product page for an active product, or null when there is none with that slug. One batch (one round trip to
 * the database): every part finds the product through the slug's unique index.
 */
export async function getProductBySlug(db: Db, slug: string): Promise<ProductDetail | null> {
  // Aliased, so a query on products itself compares its rows with the slug's product, not with themselves.
  const ofSlug = (column: 'id' | 'category_id' | 'tags') =>
    sql`(select ${sql.raw(`by_slug.${column}`)} from products by_slug where by_slug.slug = ${slug} and by_slug.status = 'active')`;
  const productId = ofSlug('id');
  const [headRows, variantRows, imageRows, reviewRows, ratingRows, optionRows, categoryRows, relatedRows] =
    await db.batch([
      db
        .select({
          ...summaryColumns,
          description: products.description,
          brand: products.brand,
          categoryId: products.categoryId,
          tags: products.tags,
          attributes: products.attributes,
          seoTitle: products.seoTitle,
          seoDescription: products.seoDescription,
          updatedAt: products.updatedAt,
        })
        .from(products)
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(and(eq(products.slug, slug), eq(products.status, 'active')))
        .limit(1),
      db
        .select()
        .from(productVariants)
        .where(eq(productVariants.productId, productId))
        .orderBy(asc(productVariants.position), asc(productVariants.sku)),
      db
        .select({
          id: productImages.id,
          url: productImages.url,
          alt: productImages.alt,
          width: productImages.width,
          height: productImages.height,
        })
        .from(productImages)
        .where(eq(productImages.productId, productId))
        .orderBy(asc(productImages.position)),
      publishedReviewsQuery(db, productId, { limit: REVIEWS_PAGE_SIZE, offset: 0 }),
      ratingCountsQuery(db, productId),
      db
        .select({ name: productOptions.name, values: productOptions.values })
        .from(productOptions)
        .where(eq(productOptions.productId, productId))
        .orderBy(asc(productOptions.position)),
      // The whole tree is small (tens of rows); walking it here beats a recursive CTE both drivers must agree on.
      db
        .select({
          id: categories.id,
          slug: categories.slug,
          name: categories.name,
          parentId: categories.parentId,
        })
        .from(categories),
      // Related products: up to RELATED_CANDIDATES others of the same category (a bounded range of
      // products_listing_idx, no sort), ranked by tags shared with this one, then rating, reviews and id; only the
      // RELATED_SHOWN kept get their card columns (the per-row lookups of summaryColumns).
      db
        .select(summaryColumns)
        .from(relatedPage(ofSlug, productId))
        .innerJoin(products, eq(products.id, sql`related.pid`))
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .orderBy(
          sql`related.shared desc`,
          desc(products.ratingAvg),
          desc(products.reviewCount),
          asc(products.id),
        ),
    ]);
  const head = headRows[0];
  if (!head) return null;

  const variantOptions = variantRows.map((v) => parseOptionMap(v.options));
  const tags = parseStringList(head.tags);
  return {
    ...toSummary(head),
    description: head.description,
    brand: head.brand,
    options: {
      sizes: distinct(variantRows.map((v) => v.size)),
      colours: distinct(variantRows.map((v) => v.colour)),
    },
    optionTypes: optionTypesOf(optionRows, variantOptions),
    variants: variantRows.map((v, i) => ({
      id: v.id,
      sku: v.sku,
      options: variantOptions[i] ?? {},
      size: v.size,
      colour: v.colour,
      barcode: v.barcode,
      imageId: v.imageId,
      price: { amount: v.priceAmount, currency: v.currency },
      compareAt:
        v.compareAtAmount !== null && v.compareAtAmount > v.priceAmount
          ? { amount: v.compareAtAmount, currency: v.currency }
          : null,
    })),
    images: imageRows,
    attributes: parseAttributes(head.attributes),
    tags,
    seoTitle: head.seoTitle,
    seoDescription: head.seoDescription,
    categoryPath: categoryTrail(categoryRows, head.categoryId),
    related: relatedRows.map(toSummary),
    updatedAt: head.updatedAt,
    reviews: reviewRows,
    ratingDistribution: ratingDistribution(ratingRows),
  };
}

/**
 * Current prices for SKUs of active products, in no particular order. Unknown SKUs, and SKUs of draft or archived
 * products, are left out, so a cart can tell which lines can no longer be bought.
 */
export async function getVariantsBySkus(db: Db, skus: readonly string[]): Promise<VariantForPricing[]> {
  const unique = [...new Set(skus)];
  if (unique.length === 0) return [];
  let query = variantsBySkus.get(db);
  if (!query) {
    query = prepareVariantsBySkus(db);
    variantsBySkus.set(db, query);
  }
  const rows = await query.all({ skus: JSON.stringify(unique) });
  return rows.map((r) => ({
    sku: r.sku,
    productId: r.productId,
    categoryIds: JSON.parse(r.categoryIds) as string[],
    collectionIds: JSON.parse(r.collectionIds) as string[],
    productSlug: r.productSlug,
    productName: r.productName,
    size: r.size,
    colour: r.colour,
    price: { amount: r.priceAmount, currency: r.currency },
    imageUrl: r.imageUrl,
    weightGrams: r.weightGrams,
    taxCategory: r.taxCategory,
  }));
}

/**
 * Every cart read and write prices its lines with this query, so it is built once per database and reused: building
 * a Drizzle query costs more CPU than D1 takes to run it (docs/benchmarks.md). The SKUs travel as one JSON array
 * (`json_each`), so any number of them fits one statement under D1's 100-parameter limit.
 */
function prepareVariantsBySkus(db: Db) {
  return db
    .select({
      sku: productVariants.sku,
      productId: products.id,
      // UNION (not UNION ALL) stops at a category met twice, so even a cycle in the tree ends.
      categoryIds: sql<string>`(WITH RECURSIVE up(id, parent) AS (
          SELECT c.id, c.parent_id FROM ${categories} c WHERE c.id = ${products.categoryId}
          UNION SELECT c.id, c.parent_id FROM ${categories} c JOIN up ON c.id = up.parent)
        SELECT json_group_array(id) FROM up)`.as('category_ids'),
      collectionIds: sql<string>`(SELECT json_group_array(pc.collection_id) FROM ${productCollections} pc
        WHERE pc.product_id = ${products.id})`.as('collection_ids'),
      productSlug: products.slug,
      productName: products.name,
      size: productVariants.size,
      colour: productVariants.colour,
      priceAmount: productVariants.priceAmount,
      currency: productVariants.currency,
      imageUrl: firstImageUrl.as('image_url'),
      weightGrams: productVariants.weightGrams,
      taxCategory: products.taxCategory,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(
      and(
        sql`${productVariants.sku} IN (SELECT value FROM json_each(${sql.placeholder('skus')}))`,
        eq(products.status, 'active'),
      ),
    )
    .prepare();
}
const variantsBySkus = new WeakMap<Db, ReturnType<typeof prepareVariantsBySkus>>();

/** Most product URLs one sitemap file may list (the sitemaps.org limit is 50,000 per file). */
export const MAX_SITEMAP_PRODUCTS = 45_000;

/** What the sitemap lists: every category, and active products with when they last changed (newest first). */
export async function listSitemapEntries(db: Db) {
  const [categoryRows, productRows] = await db.batch([
    db
      .select({ slug: categories.slug })
      .from(categories)
      .orderBy(asc(categories.position), asc(categories.slug)),
    db
      .select({ slug: products.slug, updatedAt: products.updatedAt })
      .from(products)
      .where(eq(products.status, 'active'))
      .orderBy(desc(products.updatedAt), asc(products.slug))
      .limit(MAX_SITEMAP_PRODUCTS),
  ]);
  return { categories: categoryRows, products: productRows };
}
