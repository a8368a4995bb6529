/** Catalog tables: categories, products, their variants (one SKU each), images and customer reviews. */
import { PRODUCT_STATUSES, REVIEW_STATUSES } from '@domain/catalog/statuses';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { isOneOf } from './checks';

/** A storefront category (T-Shirts, Hoodies…), ordered by `position` in navigation. */
export const categories = sqliteTable(
  'categories',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('categories_position_idx').on(t.position)],
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
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('products_category_status_idx').on(t.categoryId, t.status),
    index('products_status_created_idx').on(t.status, t.createdAt),
    check('products_status_check', isOneOf(t.status, PRODUCT_STATUSES)),
  ],
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
    size: text('size'),
    colour: text('colour'),
    priceAmount: integer('price_amount').notNull(),
    currency: text('currency').notNull(),
    compareAtAmount: integer('compare_at_amount'),
    weightGrams: integer('weight_grams').notNull().default(0),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('product_variants_sku_unique').on(t.sku),
    index('product_variants_product_idx').on(t.productId, t.position),
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
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('reviews_product_status_idx').on(t.productId, t.status, t.createdAt),
    check('reviews_rating_check', sql`${t.rating} between 1 and 5`),
    check('reviews_status_check', isOneOf(t.status, REVIEW_STATUSES)),
  ],
);
