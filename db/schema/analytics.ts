/** First-party analytics: one row per storefront event, no personal data (sessions are hashed, no IPs). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Event kinds the storefront records. */
export const EVENT_KINDS = [
  'page_view',
  'product_view',
  'add_to_cart',
  'checkout_started',
  'order_placed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A recorded storefront event. */
export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    path: text('path'),
    productId: text('product_id'),
    /** A salted hash of the visitor session, so counts of unique visitors need no identifier. */
    sessionHash: text('session_hash'),
    country: text('country'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('events_kind_created_idx').on(t.kind, t.createdAt),
    index('events_created_idx').on(t.createdAt),
    index('events_product_idx').on(t.productId),
  ],
);
