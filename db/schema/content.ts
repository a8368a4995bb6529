/** Editorial content: static pages, blog posts and homepage banners. */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { products } from './catalog';

/** A static page (About, Shipping & Returns…) written in Markdown. */
export const pages = sqliteTable('pages', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  bodyMarkdown: text('body_markdown').notNull(),
  status: text('status', { enum: ['draft', 'published'] })
    .notNull()
    .default('draft'),
  publishedAt: integer('published_at'),
  updatedAt: integer('updated_at').notNull(),
});

/** A blog post. */
export const posts = sqliteTable(
  'posts',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    excerpt: text('excerpt').notNull().default(''),
    bodyMarkdown: text('body_markdown').notNull(),
    authorName: text('author_name').notNull().default(''),
    /** An image on our own origin (a path such as `/media/…`), or null for no cover. */
    coverUrl: text('cover_url'),
    /** Required when there is a cover (the input schema enforces it). */
    coverAlt: text('cover_alt').notNull().default(''),
    seoTitle: text('seo_title').notNull().default(''),
    seoDescription: text('seo_description').notNull().default(''),
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('draft'),
    /** When a published post becomes visible: a future date means scheduled. */
    publishedAt: integer('published_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('posts_status_published_idx').on(t.status, t.publishedAt)],
);

/** A post's tags, normalised to slug form (`Slow Fashion` → `slow-fashion`). */
export const postTags = sqliteTable(
  'post_tags',
  {
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.tag] }), index('post_tags_tag_idx').on(t.tag)],
);

/** Products a post features, in the order the editor chose. */
export const postProducts = sqliteTable(
  'post_products',
  {
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.productId] }),
    index('post_products_product_idx').on(t.productId),
  ],
);

/** A promotional banner shown in a `placement` (e.g. `home-hero`) between `startsAt` and `endsAt`. */
export const banners = sqliteTable(
  'banners',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    linkUrl: text('link_url'),
    placement: text('placement').notNull(),
    startsAt: integer('starts_at'),
    endsAt: integer('ends_at'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('banners_placement_idx').on(t.placement, t.active, t.position)],
);
