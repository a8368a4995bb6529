/** Editorial content: static pages, blog posts and homepage banners. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('draft'),
    publishedAt: integer('published_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('posts_status_published_idx').on(t.status, t.publishedAt)],
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
