/** Promotions, the codes that unlock them, their uses (held and confirmed), and scheduled product/category sales. */
import type { PromotionInput } from '@domain/pricing/promotions';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { isOneOf } from './checks';

/** How a promotion is unlocked (domain/pricing/promotions/schema.ts). */
const TRIGGER_KINDS = ['code', 'automatic'] as const;

/** What the `rules` column holds: the parts of a promotion that only evaluation reads. */
export type PromotionRules = Pick<PromotionInput, 'benefit' | 'conditions' | 'stackable' | 'priority'>;

/**
 * A promotion (domain/pricing/promotions evaluates it). What evaluation alone reads (benefit, conditions, stacking) is
 * one JSON document, parsed back through the domain schema; what SQL must see (schedule, limits, the active flag)
 * are columns, so listing active promotions and guarding their limits need no JSON.
 */
export const promotions = sqliteTable(
  'promotions',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    triggerKind: text('trigger_kind', { enum: TRIGGER_KINDS }).notNull(),
    rules: text('rules', { mode: 'json' }).$type<PromotionRules>().notNull(),
    /** The one currency its amounts are in; null when it names no money (a percentage works in any). */
    currency: text('currency'),
    startsAt: integer('starts_at'),
    endsAt: integer('ends_at'),
    usageLimit: integer('usage_limit'),
    perCustomerLimit: integer('per_customer_limit'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('promotions_active_idx').on(t.active, t.triggerKind),
    check('promotions_trigger_check', isOneOf(t.triggerKind, TRIGGER_KINDS)),
    check(
      'promotions_limits_check',
      sql`coalesce(${t.usageLimit}, 1) > 0 and coalesce(${t.perCustomerLimit}, 1) > 0`,
    ),
    check(
      'promotions_window_check',
      sql`${t.startsAt} is null or ${t.endsAt} is null or ${t.startsAt} < ${t.endsAt}`,
    ),
  ],
);

/** Codes generated together (bulk single-use codes): exported and deactivated as one. */
export const codeBatches = sqliteTable(
  'code_batches',
  {
    id: text('id').primaryKey(),
    promotionId: text('promotion_id')
      .notNull()
      .references(() => promotions.id),
    prefix: text('prefix').notNull(),
    quantity: integer('quantity').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    deactivatedAt: integer('deactivated_at'),
  },
  (t) => [index('code_batches_promotion_idx').on(t.promotionId)],
);

/**
 * A code a shopper types at checkout, stored upper-case so lookups are exact. `maxUses` limits the code itself
 * (1 for generated single-use codes) on top of the promotion's own limits.
 */
export const discountCodes = sqliteTable(
  'discount_codes',
  {
    code: text('code').primaryKey(),
    promotionId: text('promotion_id')
      .notNull()
      .references(() => promotions.id),
    batchId: text('batch_id').references(() => codeBatches.id),
    maxUses: integer('max_uses'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('discount_codes_promotion_idx').on(t.promotionId),
    index('discount_codes_batch_idx').on(t.batchId),
    check('discount_codes_upper_check', sql`${t.code} = upper(${t.code})`),
    check('discount_codes_max_uses_check', sql`coalesce(${t.maxUses}, 1) > 0`),
  ],
);

/** Where a use stands: held while its payment runs, confirmed with the order, released when it failed. */
export const PROMOTION_USE_STATES = ['held', 'confirmed', 'released'] as const;

/**
 * One use of a promotion by one checkout attempt. A use counts against the limits while it is confirmed, or held and
 * not yet expired: a lapsed hold stops counting by itself, with no job to release it. The guarded insert that takes
 * a use (db/repositories/promotion-uses.ts) counts these rows inside the statement, so limits are exact under
 * concurrency.
 */
export const promotionUses = sqliteTable(
  'promotion_uses',
  {
    id: text('id').primaryKey(),
    promotionId: text('promotion_id')
      .notNull()
      .references(() => promotions.id),
    code: text('code'),
    /**
     * Who used it, by both keys domain/pricing/promotions knows a customer by (usageKeysOf): `customer:<id>` for an
     * account, `email:<address>` for the checkout's email. A per-customer limit counts a row when either key is one of
     * the shopper's, so an account's guest orders under its email count, and the other way round.
     */
    usageKey: text('usage_key'),
    usageEmail: text('usage_email'),
    checkoutId: text('checkout_id').notNull(),
    orderId: text('order_id'),
    /** What this use took off the order (items and shipping), in the order's currency: what reports sum. */
    discountAmount: integer('discount_amount').notNull().default(0),
    state: text('state', { enum: PROMOTION_USE_STATES }).notNull(),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull(),
    confirmedAt: integer('confirmed_at'),
  },
  (t) => [
    uniqueIndex('promotion_uses_checkout_idx').on(t.checkoutId, t.promotionId),
    index('promotion_uses_live_idx').on(t.promotionId, t.state, t.expiresAt),
    index('promotion_uses_customer_idx').on(t.promotionId, t.usageKey),
    index('promotion_uses_email_idx').on(t.promotionId, t.usageEmail),
    index('promotion_uses_code_idx').on(t.code, t.state),
    check('promotion_uses_state_check', isOneOf(t.state, PROMOTION_USE_STATES)),
  ],
);

/**
 * A catalog sale (domain/pricing/promotions/sale-price.ts): basis points off every variant of the listed products and
 * of the products in the listed categories (their subcategories included), from `startsAt` (inclusive) to `endsAt`
 * (exclusive). The product and category sets are JSON arrays: the shop only ever reads all active, unfinished sales
 * at once (a handful of rows, kept in isolate memory per page version), so link tables would buy nothing.
 */
export const sales = sqliteTable(
  'sales',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    basisPoints: integer('basis_points').notNull(),
    productIds: text('product_ids', { mode: 'json' }).$type<string[]>().notNull(),
    categoryIds: text('category_ids', { mode: 'json' }).$type<string[]>().notNull(),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('sales_live_idx').on(t.active, t.endsAt),
    check('sales_bps_check', sql`${t.basisPoints} between 1 and 10000`),
    check('sales_window_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);
