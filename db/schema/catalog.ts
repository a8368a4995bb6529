/** Catalog tables: categories, products, their variants (one SKU each), images and customer reviews. */
import { PRODUCT_STATUSES, REVIEW_STATUSES } from '@domain/catalog/statuses';
import { TAX_CATEGORIES } from '@domain/pricing/tax';
import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { isOneOf } from './checks';

/** A storefront category (T-Shirts, Hoodies…), a tree through `parentId`, ordered by `position` among siblings. */
export const categories = sqliteTable(
  'categories',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    parentId: text('parent_id').references((): AnySQLiteColumn => categories.id),
  },
  (t) => [index('categories_position_idx').on(t.position), index('categories_parent_idx').on(t.parentId)],
);

/** A merchandised set of products across categories (New in, Gifts under $50…); `featured` ones are on the home page. */
export const collections = sqliteTable(
  'collections',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    featured: integer('featured', { mode: 'boolean' }).notNull().default(false),
    position: integer('position').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('collections_featured_position_idx').on(t.featured, t.position)],
);

/** Which products a collection holds, in the merchant's order. */
export const productCollections = sqliteTable(
  'product_collections',
  {
    collectionId: text('collection_id')
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.productId] }),
    index('product_collections_product_idx').on(t.productId),
    index('product_collections_position_idx').on(t.collectionId, t.position),
  ],
);

/** A sellable product; prices live on its variants. Only `active` products are shown to shoppers. */
export const products = sqliteTable(
  'products',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    categoryId: text('category_id')
      .notNull()
      .references(() => categories.id),
    status: text('status', { enum: PRODUCT_STATUSES }).notNull().default('draft'),
    brand: text('brand').notNull().default(''),
    /** Higher sorts first under the `featured` ordering. */
    featuredRank: integer('featured_rank').notNull().default(0),
    /** JSON array of strings: free labels for merchandising and search (`["organic","gift"]`). */
    tags: text('tags').notNull().default('[]'),
    /** JSON array of `{ name, value }`: specification attributes shown on the product page (Material: Cotton). */
    attributes: text('attributes').notNull().default('[]'),
    /** Overrides for the page title and meta description; empty means "use the name and description". */
    seoTitle: text('seo_title').notNull().default(''),
    seoDescription: text('seo_description').notNull().default(''),
    /** Which tax rate applies (domain/pricing/tax.ts): standard for most goods, reduced for books or food in the EU. */
    taxCategory: text('tax_category', { enum: TAX_CATEGORIES }).notNull().default('standard'),
    // Denormalised for listings, facets and sorts at ten thousand products; kept by triggers in the migration
    // (0005_catalog), so every write path (admin, CSV import, review moderation, stock mirror) keeps them true.
    /** Cheapest variant's price (minor units); null while the product has no variant. */
    priceMin: integer('price_min'),
    /** Mean of published ratings, null without any. */
    ratingAvg: real('rating_avg'),
    reviewCount: integer('review_count').notNull().default(0),
    /** 1 when some variant has on-hand stock in the database mirror (reservations aside). */
    inStock: integer('in_stock', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('products_category_status_idx').on(t.categoryId, t.status),
    index('products_status_created_idx').on(t.status, t.createdAt),
    index('products_status_price_idx').on(t.status, t.priceMin),
    // Listing and facets at ten thousand products (docs/benchmarks.md): every filter column plus the id, so counts,
    // facet counts and the "ids in this filter" sets read the index alone, never the wide rows.
    index('products_listing_idx').on(t.status, t.categoryId, t.inStock, t.ratingAvg, t.priceMin, t.id),
    // The featured and rating orders walked in index order (backwards), so a first page reads 24 entries, not 10,000.
    index('products_featured_idx').on(t.status, t.featuredRank, t.createdAt, t.id),
    index('products_rating_idx').on(t.status, t.ratingAvg, t.reviewCount, t.id),
    check('products_status_check', isOneOf(t.status, PRODUCT_STATUSES)),
  ],
);

/**
 * A product's option types (Size, Colour, Material…) with their values in display order; variants are the matrix of
 * these. Up to three per product.
 */
export const productOptions = sqliteTable(
  'product_options',
  {
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    /** JSON array of strings. */
    values: text('values').notNull().default('[]'),
  },
  (t) => [primaryKey({ columns: [t.productId, t.position] })],
);

/** One purchasable option of a product (size × colour); the SKU is what carts, stock and orders refer to. */
export const productVariants = sqliteTable(
  'product_variants',
  {
    id: text('id').primaryKey(),
    sku: text('sku').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** JSON object option name → value (`{"Size":"M","Colour":"Navy"}`), one entry per product option. */
    options: text('options').notNull().default('{}'),
    // The values of the options named Size and Colour, copied out of `options` for the storefront's facets.
    size: text('size'),
    colour: text('colour'),
    barcode: text('barcode'),
    /** The image shown when this variant is chosen; null means the product's first. */
    imageId: text('image_id'),
    priceAmount: integer('price_amount').notNull(),
    currency: text('currency').notNull(),
    compareAtAmount: integer('compare_at_amount'),
    weightGrams: integer('weight_grams').notNull().default(0),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('product_variants_sku_unique').on(t.sku),
    index('product_variants_product_idx').on(t.productId, t.position),
    // Size and colour filters (alone or together: one variant must match both) read product ids from these alone.
    index('product_variants_size_colour_idx').on(t.size, t.colour, t.productId),
    index('product_variants_colour_size_idx').on(t.colour, t.size, t.productId),
    // Facet counts walk a filtered set of products to their variants' sizes and colours without reading the rows.
    index('product_variants_facets_idx').on(t.productId, t.size, t.colour),
    check('product_variants_price_check', sql`${t.priceAmount} >= 0`),
  ],
);

/** Product photos, ordered by `position`; the first is the listing thumbnail. */
export const productImages = sqliteTable(
  'product_images',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    alt: text('alt').notNull().default(''),
    position: integer('position').notNull().default(0),
    /** Intrinsic size in pixels, so pages reserve the space (null for images added before sizes were kept). */
    width: integer('width'),
    height: integer('height'),
    /** The object's key in the MEDIA R2 bucket for uploaded images; null for external or demo URLs. */
    storageKey: text('storage_key'),
  },
  (t) => [index('product_images_product_idx').on(t.productId, t.position)],
);

/** Customer reviews; only `published` ones count towards ratings and are shown. */
export const reviews = sqliteTable(
  'reviews',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    customerId: text('customer_id'),
    authorName: text('author_name').notNull(),
    rating: integer('rating').notNull(),
    title: text('title').notNull().default(''),
    body: text('body').notNull().default(''),
    status: text('status', { enum: REVIEW_STATUSES }).notNull().default('pending'),
    /** One of the author's orders held the product when they wrote (or last edited) the review. */
    verifiedPurchase: integer('verified_purchase', { mode: 'boolean' }).notNull().default(false),
    /** Why a moderator rejected it (shown to the author). */
    moderationNote: text('moderation_note'),
    moderatedBy: text('moderated_by'),
    moderatedAt: integer('moderated_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at'),
  },
  (t) => [
    index('reviews_product_status_idx').on(t.productId, t.status, t.createdAt),
    index('reviews_status_created_idx').on(t.status, t.createdAt),
    uniqueIndex('reviews_product_customer_unique').on(t.productId, t.customerId),
    check('reviews_rating_check', sql`${t.rating} between 1 and 5`),
    check('reviews_status_check', isOneOf(t.status, REVIEW_STATUSES)),
  ],
);
