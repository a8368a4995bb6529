/** Promotions (cart-level discounts), the codes that unlock them, and scheduled product/category sales. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { isOneOf } from './checks';

/** How a promotion discounts (domain/pricing/promotions.ts evaluates each kind). */
const PROMOTION_KINDS = ['percentage', 'fixed'] as const;

/**
 * A cart discount. `value` is basis points for `percentage` (1000 = 10%) and minor units of `currency` for `fixed`.
 * `startsAt`/`endsAt`/`usageLimit` null mean unbounded.
 */
export const promotions = sqliteTable(
  'promotions',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: PROMOTION_KINDS }).notNull(),
    value: integer('value').notNull(),
    currency: text('currency'),
    minSubtotalAmount: integer('min_subtotal_amount').notNull().default(0),
    startsAt: integer('starts_at'),
    endsAt: integer('ends_at'),
    usageLimit: integer('usage_limit'),
    timesUsed: integer('times_used').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    check('promotions_kind_check', isOneOf(t.kind, PROMOTION_KINDS)),
    check('promotions_value_check', sql`${t.value} > 0`),
    check('promotions_usage_check', sql`${t.usageLimit} is null or ${t.timesUsed} <= ${t.usageLimit}`),
  ],
);

/** A code a shopper types at checkout; stored upper-case so lookups are exact. */
export const discountCodes = sqliteTable(
  'discount_codes',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    promotionId: text('promotion_id')
      .notNull()
      .references(() => promotions.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('discount_codes_promotion_idx').on(t.promotionId),
    check('discount_codes_upper_check', sql`${t.code} = upper(${t.code})`),
  ],
);

/** A time-boxed price reduction on one product or a whole category (exactly one scope is set). */
export const sales = sqliteTable(
  'sales',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    productId: text('product_id'),
    categoryId: text('category_id'),
    /** Basis points off the variant price. */
    percentOffBps: integer('percent_off_bps').notNull(),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    index('sales_product_idx').on(t.productId),
    index('sales_category_idx').on(t.categoryId),
    check('sales_scope_check', sql`(${t.productId} is null) <> (${t.categoryId} is null)`),
    check('sales_bps_check', sql`${t.percentOffBps} between 1 and 10000`),
  ],
);
