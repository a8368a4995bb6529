/** Shopper accounts: customers and their saved addresses. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A registered shopper. Emails are stored lower-cased so the unique index is case-insensitive in effect. A deleted
 * account keeps its row (orders point at it) with every personal field replaced: `deletedAt` says so.
 */
export const customers = sqliteTable('customers', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  name: text('name').notNull(),
  birthYear: integer('birth_year'),
  country: text('country').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull().default(0),
  /** When the shopper proved they read this email address; null until then (they cannot log in before). */
  emailVerifiedAt: integer('email_verified_at'),
  deletedAt: integer('deleted_at'),
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
    company: text('company'),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    region: text('region'),
    postalCode: text('postal_code').notNull(),
    country: text('country').notNull(),
    phone: text('phone'),
    isDefaultShipping: integer('is_default_shipping', { mode: 'boolean' }).notNull().default(false),
    isDefaultBilling: integer('is_default_billing', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull().default(0),
  },
  (t) => [index('addresses_customer_idx').on(t.customerId)],
);
