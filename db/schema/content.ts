/** Editorial content: static pages, blog posts, banners, the shop's menus and the moments scheduled content changes. */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { products } from './catalog';

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

/**
 * A promotional banner shown in a `placement` (announcement bar, home hero, home offers, category page) between
 * `startsAt` (inclusive) and `endsAt` (exclusive), to everyone or to signed-in customers; higher `priority` first.
 * Its start and end are also written to `schedule_marks`, so cached pages change at those moments.
 */
export const banners = sqliteTable(
  'banners',
  {
    id: text('id').primaryKey(),
    placement: text('placement').notNull(),
    // A category banner limited to one category. No foreign key: deleting a category must not fail on its banners
    // (such a banner simply matches no page any more); the service checks the category exists when it is written.
    categoryId: text('category_id'),
    audience: text('audience', { enum: ['everyone', 'signed-in'] })
      .notNull()
      .default('everyone'),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    linkUrl: text('link_url'),
    imageUrl: text('image_url'),
    imageAlt: text('image_alt').notNull().default(''),
    startsAt: integer('starts_at'),
    endsAt: integer('ends_at'),
    priority: integer('priority').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull().default(0),
    updatedAt: integer('updated_at').notNull().default(0),
  },
  (t) => [index('banners_placement_idx').on(t.placement, t.active)],
);

/** A link in the shop's header or footer menu, edited by content managers; `position` orders a menu. */
export const navLinks = sqliteTable(
  'nav_links',
  {
    id: text('id').primaryKey(),
    menu: text('menu', { enum: ['header', 'footer'] }).notNull(),
    label: text('label').notNull(),
    href: text('href').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('nav_links_menu_idx').on(t.menu, t.position)],
);

/**
 * Moments when scheduled content (a banner's start or end; later posts and pages) changes what a page shows. The edge
 * cache's version counts the marks already passed, so its keys change at each such moment without a write or a cron
 * (db/repositories/schedule-marks.ts). Rows are only ever added, or removed while still in the future.
 */
export const scheduleMarks = sqliteTable(
  'schedule_marks',
  {
    ownerId: text('owner_id').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.at] }), index('schedule_marks_at_idx').on(t.at)],
);

/**
 * A landing page built from blocks. The row holds the *draft* (what the editor and preview links show) and points at
 * the revision shoppers see: `publishedRevisionId` from `publishAt` (inclusive; null = already), and until then the
 * revision it replaces (`replacedRevisionId`, null when the page was not live), up to `unpublishAt` (exclusive). So a
 * change to a live page can be scheduled without taking the page down in between. Both moments are schedule marks.
 */
export const landingPages = sqliteTable(
  'landing_pages',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    /** The draft's content (`LandingPageContent` in domain/content/landing-page.ts), as JSON. */
    draft: text('draft').notNull(),
    publishedRevisionId: text('published_revision_id'),
    replacedRevisionId: text('replaced_revision_id'),
    publishAt: integer('publish_at'),
    unpublishAt: integer('unpublish_at'),
    /** Bumped by every write, so an editor working from an older copy gets a conflict instead of overwriting. */
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('landing_pages_updated_idx').on(t.updatedAt)],
);

/** Every saved state of a landing page's content, newest first by `number`; restoring copies one into the draft. */
export const landingPageRevisions = sqliteTable(
  'landing_page_revisions',
  {
    id: text('id').primaryKey(),
    pageId: text('page_id')
      .notNull()
      .references(() => landingPages.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    content: text('content').notNull(),
    /** Who saved it (staff email, kept as text so removing a staff member keeps the history readable). */
    savedBy: text('saved_by').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('landing_page_revisions_number_idx').on(t.pageId, t.number)],
);

/** A private preview link to a page's draft: the database keeps only the token's SHA-256; it stops working at `expiresAt`. */
export const landingPagePreviews = sqliteTable(
  'landing_page_previews',
  {
    tokenHash: text('token_hash').primaryKey(),
    pageId: text('page_id')
      .notNull()
      .references(() => landingPages.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
    createdBy: text('created_by').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('landing_page_previews_page_idx').on(t.pageId)],
);

/** A permanent (301) redirect left behind when content moves, e.g. a landing page's slug changing. */
export const redirects = sqliteTable('redirects', {
  fromPath: text('from_path').primaryKey(),
  toPath: text('to_path').notNull(),
  createdAt: integer('created_at').notNull(),
});

/**
 * An image in the media library (R2 key `library/<id>.<ext>`, served at `/media/library/…`), reusable by pages, posts
 * and banners, which store its URL. Alt text is required; deleting an image still referenced is refused.
 */
export const mediaAssets = sqliteTable(
  'media_assets',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull().unique(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    alt: text('alt').notNull(),
    uploadedBy: text('uploaded_by').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('media_assets_created_idx').on(t.createdAt)],
);
