/**
 * First-party traffic analytics (docs/architecture.md, "Traffic"): raw events as the queue consumer stores them, the
 * daily rollups the reports read, and the short-lived sets that make unique visitors countable. Nothing here names a
 * person: no address, no user agent, no full referrer; a visitor is a hash salted with a salt kept for one day only.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One counted event (page view or funnel step), kept for the retention setting (TRAFFIC_RETENTION_DAYS) so rollups
 * can be rebuilt. `rolled` is 0 only inside the consumer's batch that inserted the row: the rollups are computed from
 * exactly the rows that went in, so a redelivered event (ignored by its id) is never counted twice.
 */
export const trafficEvents = sqliteTable(
  'traffic_events',
  {
    id: text('id').primaryKey(),
    kind: text('kind', {
      enum: ['page_view', 'add_to_cart', 'checkout_started', 'order_placed'],
    }).notNull(),
    /** Local day in the report time zone (report_zone), 'YYYY-MM-DD'. */
    day: text('day').notNull(),
    at: integer('at').notNull(),
    /** Hex prefix of SHA-256(daily salt, address, user agent, host): one visitor on one day. */
    visitor: text('visitor').notNull(),
    /** The page's path (no query), or null for funnel steps the API saw. */
    path: text('path'),
    /** The product of a product page (resolved from its slug by the consumer). */
    productId: text('product_id'),
    referrerHost: text('referrer_host'),
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    device: text('device').notNull(),
    browser: text('browser').notNull(),
    country: text('country'),
    rolled: integer('rolled').notNull().default(0),
  },
  (t) => [
    index('traffic_events_day_idx').on(t.day),
    // Only the rows of the batch being written are ever pending: the rollup statements read this small index.
    index('traffic_events_pending_idx').on(t.day).where(sql`${t.rolled} = 0`),
  ],
);

/**
 * Page views and unique visitors per local day and dimension value. Dimensions: total (value ''), page (path),
 * product (id), referrer (host), utm_source, utm_medium, utm_campaign, device, browser, country.
 */
export const reportTrafficDaily = sqliteTable(
  'report_traffic_daily',
  {
    day: text('day').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    views: integer('views').notNull().default(0),
    visitors: integer('visitors').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.dimension, t.value] }),
    // The series' rows (one 'total' row a day) by day, covering (with the two columns its condition reads): not a
    // skip over every day's dimensions.
    index('report_traffic_daily_total_idx')
      .on(t.day, t.views, t.visitors, t.dimension, t.value)
      .where(sql`${t.dimension} = 'total' AND ${t.value} = ''`),
  ],
);

/**
 * report_traffic_daily per month, kept by triggers on it like the monthly rollups in reports.ts (visitors are daily
 * uniques added up, as the daily report adds them).
 */
export const reportTrafficMonthly = sqliteTable(
  'report_traffic_monthly',
  {
    month: text('month').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    views: integer('views').notNull().default(0),
    visitors: integer('visitors').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.dimension, t.value] })],
);

/** Unique visitors (and events) per local day and funnel step: product_view, add_to_cart, checkout_started, order_placed. */
export const reportFunnelDaily = sqliteTable(
  'report_funnel_daily',
  {
    day: text('day').notNull(),
    step: text('step').notNull(),
    visitors: integer('visitors').notNull().default(0),
    events: integer('events').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.step] })],
);

/**
 * Who has been counted for each rollup row (dimension 'step' for the funnel): a visitor adds to `visitors` once.
 * `fresh` is 1 only inside the batch that added the row, so a batch adds its new visitors without counting a whole
 * day's set. Needed only while a day can still receive events; the daily cron deletes them two days after.
 */
export const trafficVisitors = sqliteTable(
  'traffic_visitors',
  {
    day: text('day').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    visitor: text('visitor').notNull(),
    fresh: integer('fresh').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.dimension, t.value, t.visitor] }),
    index('traffic_visitors_fresh_idx').on(t.day, t.dimension, t.value).where(sql`${t.fresh} = 1`),
  ],
);

/** Events counted per visitor and day: the flood allowance (domain/analytics DAILY_EVENTS_PER_VISITOR). */
export const trafficVisitorLoad = sqliteTable(
  'traffic_visitor_load',
  {
    day: text('day').notNull(),
    visitor: text('visitor').notNull(),
    events: integer('events').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.visitor] })],
);

/**
 * The visitor-hash salt of the current local day, random and never sent anywhere. Older salts are deleted as soon as
 * a new day's is made, so yesterday's hashes can no longer be recomputed from an address.
 */
export const trafficSalts = sqliteTable('traffic_salts', {
  day: text('day').primaryKey(),
  salt: text('salt').notNull(),
});

/** Running totals of report_traffic_daily per dimension value (see report_product_running in reports.ts). */
export const reportTrafficRunning = sqliteTable(
  'report_traffic_running',
  {
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    day: text('day').notNull(),
    views: integer('views').notNull(),
    visitors: integer('visitors').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dimension, t.value, t.day] }),
    index('report_traffic_running_day_idx').on(t.day),
  ],
);

/** Each dimension value's running totals through the last folded day. */
export const reportTrafficTotals = sqliteTable(
  'report_traffic_totals',
  {
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    views: integer('views').notNull(),
    visitors: integer('visitors').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dimension, t.value] })],
);
