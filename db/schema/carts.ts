/** Cart metadata only: the lines themselves live in the cart's Durable Object (CartDO). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One row per cart so reports can find abandoned carts and link converted ones to customers. */
export const carts = sqliteTable(
  'carts',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id'),
    currency: text('currency').notNull(),
    status: text('status', { enum: ['active', 'converted', 'abandoned'] })
      .notNull()
      .default('active'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('carts_customer_idx').on(t.customerId),
    index('carts_status_updated_idx').on(t.status, t.updatedAt),
  ],
);
