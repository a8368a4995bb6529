/** The store's tax and shipping configuration: settings, tax rates per zone and category, shipping zones and methods. */
import { SHIPPING_RATE_KINDS } from '@domain/pricing/shipping';
import { TAX_CATEGORIES } from '@domain/pricing/tax';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One row (`id = 1`): how prices relate to tax. Seeded by the migration; administrators change it. */
export const storeSettings = sqliteTable('store_settings', {
  id: integer('id').primaryKey(),
  pricesIncludeTax: integer('prices_include_tax', { mode: 'boolean' }).notNull().default(false),
  shippingTaxable: integer('shipping_taxable', { mode: 'boolean' }).notNull().default(true),
  /** Days after delivery (or the last shipment) a customer may start a return; 0 turns returns off. */
  returnWindowDays: integer('return_window_days').notNull().default(30),
  updatedAt: integer('updated_at').notNull().default(0),
});

/** A tax rate: a zone (a country, or one region of it when `region` is not '') × a tax category, in ppm. */
export const taxRates = sqliteTable(
  'tax_rates',
  {
    id: text('id').primaryKey(),
    country: text('country').notNull(),
    region: text('region').notNull().default(''),
    category: text('category', { enum: TAX_CATEGORIES }).notNull(),
    /** Parts per million: 7.25% = 72500. */
    ratePpm: integer('rate_ppm').notNull(),
    /** What receipts call it: "VAT", "Sales tax", "GST". */
    name: text('name').notNull(),
    updatedAt: integer('updated_at').notNull().default(0),
  },
  (t) => [
    uniqueIndex('tax_rates_zone_category_idx').on(t.country, t.region, t.category),
    check('tax_rates_rate_check', sql`${t.ratePpm} >= 0 AND ${t.ratePpm} <= 1000000`),
  ],
);

/** A shipping zone: the countries it covers (JSON array of ISO codes), or every country no other zone lists. */
export const shippingZones = sqliteTable('shipping_zones', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  countries: text('countries').notNull().default('[]'),
  restOfWorld: integer('rest_of_world', { mode: 'boolean' }).notNull().default(false),
  position: integer('position').notNull().default(0),
  updatedAt: integer('updated_at').notNull().default(0),
});

/** A way to ship within a zone: flat or by a weight table (JSON bands), optionally free from a subtotal. */
export const shippingMethods = sqliteTable(
  'shipping_methods',
  {
    id: text('id').primaryKey(),
    zoneId: text('zone_id')
      .notNull()
      .references(() => shippingZones.id, { onDelete: 'cascade' }),
    /** What checkouts store and the API takes: "standard", "express". Unique within the zone. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: SHIPPING_RATE_KINDS }).notNull(),
    amount: integer('amount').notNull().default(0),
    /** JSON array of `{ upToGrams, amount }`, ascending (kind `weight`). */
    weightBands: text('weight_bands').notNull().default('[]'),
    freeFrom: integer('free_from'),
    currency: text('currency').notNull(),
    minDays: integer('min_days').notNull(),
    maxDays: integer('max_days').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull().default(0),
    updatedAt: integer('updated_at').notNull().default(0),
  },
  (t) => [
    uniqueIndex('shipping_methods_zone_code_idx').on(t.zoneId, t.code),
    index('shipping_methods_zone_idx').on(t.zoneId, t.position),
    check(
      'shipping_methods_amount_check',
      sql`${t.amount} >= 0 AND (${t.freeFrom} IS NULL OR ${t.freeFrom} >= 0)`,
    ),
    check('shipping_methods_days_check', sql`${t.minDays} >= 0 AND ${t.maxDays} >= ${t.minDays}`),
  ],
);
