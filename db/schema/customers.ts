/** Shopper accounts: customers, their saved addresses and login sessions. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A registered shopper. Emails are stored lower-cased so the unique index is case-insensitive in effect. */
export const customers = sqliteTable('customers', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  name: text('name').notNull(),
  birthYear: integer('birth_year'),
  country: text('country').notNull(),
  createdAt: integer('created_at').notNull(),
});

/** A saved postal address; at most one default shipping and one default billing per customer (enforced in code). */
export const addresses = sqliteTable(
  'addresses',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    region: text('region'),
    postalCode: text('postal_code').notNull(),
    country: text('country').notNull(),
    phone: text('phone'),
    isDefaultShipping: integer('is_default_shipping', { mode: 'boolean' }).notNull().default(false),
    isDefaultBilling: integer('is_default_billing', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('addresses_customer_idx').on(t.customerId)],
);

/** A customer login session; the cookie carries the id, and only its hash would be needed if we rotate later. */
export const customerSessions = sqliteTable(
  'customer_sessions',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    index('customer_sessions_customer_idx').on(t.customerId),
    index('customer_sessions_expires_idx').on(t.expiresAt),
  ],
);
