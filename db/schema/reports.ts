/**
 * Report rollups: one row per local day (the store's time zone) and thing counted, kept by SQLite triggers as
 * orders, refunds and promotion uses are written (migration 0023), so reports never scan orders. A rebuild
 * (db/repositories/report-rollups.ts) recomputes every row from the source tables with the same rules.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The time zone the rollups' days are in (one row). Changing it means rebuilding the rollups; the triggers read the
 * zone's UTC offsets from report_zone_offsets.
 */
export const reportZone = sqliteTable(
  'report_zone',
  {
    id: integer('id').primaryKey(),
    timeZone: text('time_zone').notNull(),
    /** When the rollups were last rebuilt from the source tables (null: never; the triggers alone kept them). */
    rebuiltAt: integer('rebuilt_at'),
    /**
     * The background rebuild in progress (worker/jobs/report-rebuild.ts), null when none runs: its id (messages of
     * any other job are dropped), its first month and end day ('YYYY-MM-01', exclusive 'YYYY-MM-DD'), the last month
     * done (null: none yet), when it started and when it last moved (a job silent for 10 minutes is re-sent).
     */
    rebuildJob: text('rebuild_job'),
    rebuildFrom: text('rebuild_from'),
    rebuildTo: text('rebuild_to'),
    rebuildDoneThrough: text('rebuild_done_through'),
    rebuildStartedAt: integer('rebuild_started_at'),
    rebuildProgressAt: integer('rebuild_progress_at'),
    /**
     * The running totals (report_product_running, report_traffic_running) hold every day before this one
     * ('YYYY-MM-DD', exclusive); null: none folded yet. A write to an earlier daily row moves it back to that day.
     */
    runningThrough: text('running_through'),
    /**
     * The report_*_totals rows are the running totals through the day before this one. Equal to running_through
     * after a fold; a write to an earlier day moves running_through back only, and reads then seek running rows.
     */
    totalsThrough: text('totals_through'),
  },
  (t) => [check('report_zone_single_row', sql`${t.id} = 1`)],
);

/**
 * The store time zone's offset from UTC from each transition on (DST changes, 1970–2100), written from the runtime's
 * time zone database, so a trigger can turn a timestamp into a local day with one indexed lookup. No rows: UTC.
 */
export const reportZoneOffsets = sqliteTable('report_zone_offsets', {
  startsAt: integer('starts_at').primaryKey(),
  offsetMinutes: integer('offset_minutes').notNull(),
});

/**
 * Sales per local day. Orders count on the day they were placed (an order exists only once paid); refunds count,
 * as money returned, on the day they succeeded. Amounts are minor units of the store currency.
 */
export const reportSalesDaily = sqliteTable('report_sales_daily', {
  /** 'YYYY-MM-DD' in the store's time zone. */
  day: text('day').primaryKey(),
  orders: integer('orders').notNull().default(0),
  units: integer('units').notNull().default(0),
  /** Line totals before discounts (what the price tags said). */
  gross: integer('gross').notNull().default(0),
  discounts: integer('discounts').notNull().default(0),
  shipping: integer('shipping').notNull().default(0),
  tax: integer('tax').notNull().default(0),
  /** What the shoppers paid. */
  total: integer('total').notNull().default(0),
  /** Money refunded that day (whatever the order's day). */
  refunds: integer('refunds').notNull().default(0),
  /** Orders by a customer with no earlier order (by account or email). */
  newCustomerOrders: integer('new_customer_orders').notNull().default(0),
  /** Orders placed signed in (the rest are guest orders). */
  accountOrders: integer('account_orders').notNull().default(0),
});

/** Sales per local day and SKU (the product as it was when sold), with refunded units valued at the line's net. */
export const reportProductDaily = sqliteTable(
  'report_product_daily',
  {
    day: text('day').notNull(),
    sku: text('sku').notNull(),
    productId: text('product_id'),
    units: integer('units').notNull().default(0),
    gross: integer('gross').notNull().default(0),
    discounts: integer('discounts').notNull().default(0),
    refundedUnits: integer('refunded_units').notNull().default(0),
    refunded: integer('refunded').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.sku] }), index('report_product_daily_product_idx').on(t.productId)],
);

/** Orders per local day and shipping destination (country and region as the address gave them). */
export const reportCountryDaily = sqliteTable(
  'report_country_daily',
  {
    day: text('day').notNull(),
    country: text('country').notNull(),
    region: text('region').notNull().default(''),
    orders: integer('orders').notNull().default(0),
    /** Line totals after discounts. */
    net: integer('net').notNull().default(0),
    total: integer('total').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.country, t.region] })],
);

/** Confirmed promotion uses per local day (of confirmation), promotion and code ('' when automatic). */
export const reportPromotionDaily = sqliteTable(
  'report_promotion_daily',
  {
    day: text('day').notNull(),
    promotionId: text('promotion_id').notNull(),
    code: text('code').notNull().default(''),
    uses: integer('uses').notNull().default(0),
    discount: integer('discount').notNull().default(0),
    /** The orders' totals. */
    revenue: integer('revenue').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.promotionId, t.code] })],
);

/**
 * Lifetime spend per customer (all time, no days): an account by its id, a guest by `guest:` + the lower-cased
 * email. Net = gross − discounts − refunds, the sales rollup's definition, with each succeeded refund charged to the
 * customer whose order it refunds. The top customers walk the net index; the averages count the orders index.
 */
export const reportCustomerTotals = sqliteTable(
  'report_customer_totals',
  {
    /** The account id, or `guest:` + lower(email) for guest orders. */
    customerKey: text('customer_key').primaryKey(),
    customerId: text('customer_id'),
    /** Lower-cased: a guest's email, or the one on the account's latest order (ties: the greater email). */
    email: text('email').notNull(),
    orders: integer('orders').notNull().default(0),
    gross: integer('gross').notNull().default(0),
    discounts: integer('discounts').notNull().default(0),
    refunds: integer('refunds').notNull().default(0),
    net: integer('net').notNull().default(0),
    /** What the customer paid. */
    total: integer('total').notNull().default(0),
    firstOrderAt: integer('first_order_at').notNull(),
    lastOrderAt: integer('last_order_at').notNull(),
  },
  (t) => [
    index('report_customer_totals_net_idx').on(sql`${t.net} DESC`, t.customerKey),
    index('report_customer_totals_orders_idx').on(t.orders),
  ],
);

/*
 * Monthly rollups: the daily rows above added up per calendar month ('YYYY-MM' of the local day), kept by triggers on
 * the daily tables (each insert, update or delete of a daily row moves its month by the difference), so they equal
 * the sum of their days whatever wrote them, the order triggers or a rebuild. A long range reads its whole months
 * here and only the days at its ends from the daily tables (domain/reports/range.ts spanParts): a two-year product
 * report reads 24 rows per SKU instead of 730. (report_traffic_monthly is in analytics.ts, beside its daily table.)
 */

/** report_product_daily per month. */
export const reportProductMonthly = sqliteTable(
  'report_product_monthly',
  {
    month: text('month').notNull(),
    sku: text('sku').notNull(),
    productId: text('product_id'),
    units: integer('units').notNull().default(0),
    gross: integer('gross').notNull().default(0),
    discounts: integer('discounts').notNull().default(0),
    refundedUnits: integer('refunded_units').notNull().default(0),
    refunded: integer('refunded').notNull().default(0),
  },
  // Each month's best sellers by units and by gross (a short range's candidates: db/repositories/reports.ts).
  (t) => [
    primaryKey({ columns: [t.month, t.sku] }),
    index('report_product_monthly_units_idx').on(t.month, sql`${t.units} DESC`, t.sku),
    index('report_product_monthly_gross_idx').on(t.month, sql`${t.gross} DESC`, t.sku),
  ],
);

/**
 * report_product_daily's units and gross per month and product (a row without a product by its SKU, as the product
 * grain keys it), kept by triggers like report_product_monthly: each month's best-selling products, the candidates
 * of a short range's product list (db/repositories/reports.ts).
 */
export const reportProductMonthlyProducts = sqliteTable(
  'report_product_monthly_products',
  {
    month: text('month').notNull(),
    key: text('key').notNull(),
    units: integer('units').notNull().default(0),
    gross: integer('gross').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.key] }),
    index('report_product_monthly_products_units_idx').on(t.month, sql`${t.units} DESC`, t.key),
    index('report_product_monthly_products_gross_idx').on(t.month, sql`${t.gross} DESC`, t.key),
  ],
);

/** report_country_daily per month. */
export const reportCountryMonthly = sqliteTable(
  'report_country_monthly',
  {
    month: text('month').notNull(),
    country: text('country').notNull(),
    region: text('region').notNull().default(''),
    orders: integer('orders').notNull().default(0),
    net: integer('net').notNull().default(0),
    total: integer('total').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.country, t.region] })],
);

/*
 * Running totals: per SKU (grain 'sku'), per product (grain 'product', key = product id, else the SKU) and per
 * category (grain 'category', the product's category now: moving a product recounts from its first sale), the sums of
 * report_product_daily from the first day through each day it sold, for the days before report_zone.running_through
 * (yesterday, once folded: worker/services/reports/running.ts). A long range is then the totals at its end less those
 * before its start, two index seeks per key whatever its length, instead of adding up a row per key and day or month
 * (a two-year product report added up ~850,000 monthly rows). Tables WITHOUT ROWID (migration 0029): clustered by key.
 */

/** The running totals of report_product_daily per key through `day` (only days the key sold, or was refunded). */
export const reportProductRunning = sqliteTable(
  'report_product_running',
  {
    grain: text('grain', { enum: ['sku', 'product', 'category'] }).notNull(),
    key: text('key').notNull(),
    day: text('day').notNull(),
    /** The product the key was sold as that day (its product for a SKU); null when the variant is gone. */
    productId: text('product_id'),
    units: integer('units').notNull(),
    gross: integer('gross').notNull(),
    discounts: integer('discounts').notNull(),
    refundedUnits: integer('refunded_units').notNull(),
    refunded: integer('refunded').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.grain, t.key, t.day] }),
    index('report_product_running_day_idx').on(t.day),
  ],
);

/** Each key's running totals through the last folded day: the end of every range that reaches it, in one row. */
export const reportProductTotals = sqliteTable(
  'report_product_totals',
  {
    grain: text('grain', { enum: ['sku', 'product', 'category'] }).notNull(),
    key: text('key').notNull(),
    /** The product of the key's last running row. */
    productId: text('product_id'),
    units: integer('units').notNull(),
    gross: integer('gross').notNull(),
    discounts: integer('discounts').notNull(),
    refundedUnits: integer('refunded_units').notNull(),
    refunded: integer('refunded').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.grain, t.key] }),
    // Best sellers' candidates, by the most a key can have sold in any range up to the mark (readProductSales).
    index('report_product_totals_units_idx').on(t.grain, sql`${t.units} DESC`, t.key),
    index('report_product_totals_gross_idx').on(t.grain, sql`${t.gross} DESC`, t.key),
  ],
);
