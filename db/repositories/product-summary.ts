/**
 * The columns of a product card and the function that maps them to a ProductSummary: one shape for listings,
 * search, related products and the product page's header. Price, rating and review count are the listing columns
 * migration 0005's triggers keep on products; currency, compare-at price and first image are per-row lookups, so
 * use them on a page of rows (they run once per row returned), in a query joined to categories.
 */
import { categories, productImages, products, productVariants } from '@db/schema';
import { sql } from 'drizzle-orm';
import type { ProductSummary } from './catalog';

const currency = sql<string>`(select ${productVariants.currency} from ${productVariants} where ${productVariants.productId} = ${products.id} order by ${productVariants.priceAmount} limit 1)`;
const compareAtFrom = sql<
  number | null
>`(select min(${productVariants.compareAtAmount}) from ${productVariants} where ${productVariants.productId} = ${products.id} and ${productVariants.compareAtAmount} > ${productVariants.priceAmount})`;
const imageUrl = sql<
  string | null
>`(select ${productImages.url} from ${productImages} where ${productImages.productId} = ${products.id} order by ${productImages.position} limit 1)`;
const imageAlt = sql<
  string | null
>`(select ${productImages.alt} from ${productImages} where ${productImages.productId} = ${products.id} order by ${productImages.position} limit 1)`;

/** Select these (with `categories` joined on the product's category), then map each row with toSummary. */
export const summaryColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  // Aliased: D1 keys rows by column name, and a second `slug`/`name` would overwrite the first.
  categorySlug: sql<string>`${categories.slug}`.as('category_slug'),
  categoryName: sql<string>`${categories.name}`.as('category_name'),
  priceMin: products.priceMin,
  currency: currency.as('currency'),
  compareAtFrom: compareAtFrom.as('compare_at_from'),
  imageUrl: imageUrl.as('image_url'),
  imageAlt: imageAlt.as('image_alt'),
  ratingAvg: products.ratingAvg,
  reviewCount: products.reviewCount,
};

/** The first image of a product, for queries that need only that (cart pricing). */
export const firstImageUrl = imageUrl;

/** A row of summaryColumns. */
export interface SummaryRow {
  id: string;
  slug: string;
  name: string;
  categorySlug: string;
  categoryName: string;
  priceMin: number | null;
  currency: string | null;
  compareAtFrom: number | null;
  imageUrl: string | null;
  imageAlt: string | null;
  ratingAvg: number | null;
  reviewCount: number;
}

export function toSummary(r: SummaryRow): ProductSummary {
  const cur = r.currency ?? '';
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    categorySlug: r.categorySlug,
    categoryName: r.categoryName,
    priceFrom: { amount: Number(r.priceMin ?? 0), currency: cur },
    compareAtFrom: r.compareAtFrom === null ? null : { amount: Number(r.compareAtFrom), currency: cur },
    imageUrl: r.imageUrl,
    imageAlt: r.imageAlt,
    // Rounded to one decimal so both drivers (and JSON) agree on the same value.
    rating: r.ratingAvg === null ? null : Math.round(Number(r.ratingAvg) * 10) / 10,
    reviewCount: Number(r.reviewCount),
  };
}
