/** Customer accounts: lookups for sign-in, profile changes, the back office's list, and erasure. */

import type { Db } from '@db/client';
import { addresses, customers, orders } from '@db/schema';
import { and, count, desc, eq, isNull, like, or, sql } from 'drizzle-orm';

/** A customer row, including the password hash (never send it to a client). */
export type Customer = typeof customers.$inferSelect;

/** The live (not deleted) customer with this email, case-insensitively, or null. */
export async function findCustomerByEmail(db: Db, email: string): Promise<Customer | null> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.email, email.trim().toLowerCase()), isNull(customers.deletedAt)))
    .limit(1);
  return row ?? null;
}

/** The live customer with this id, or null. */
export async function findCustomerById(db: Db, id: string): Promise<Customer | null> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), isNull(customers.deletedAt)))
    .limit(1);
  return row ?? null;
}

/** Creates a customer; false when the email is taken (the unique index decides, so two racing sign-ups get one). */
export async function insertCustomer(db: Db, row: typeof customers.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(customers)
    .values({ ...row, email: row.email.toLowerCase() })
    .onConflictDoNothing()
    .returning({ id: customers.id });
  return inserted.length === 1;
}

/** Changes profile fields of a live customer. */
export async function updateCustomer(
  db: Db,
  id: string,
  changes: Partial<
    Pick<Customer, 'name' | 'email' | 'passwordHash' | 'emailVerifiedAt' | 'country' | 'birthYear'>
  >,
  now: number,
): Promise<void> {
  await db
    .update(customers)
    .set({ ...changes, ...(changes.email ? { email: changes.email.toLowerCase() } : {}), updatedAt: now })
    .where(and(eq(customers.id, id), isNull(customers.deletedAt)));
}

/** Whether some other live account uses `email`. */
export async function isEmailTaken(db: Db, email: string): Promise<boolean> {
  return (await findCustomerByEmail(db, email)) !== null;
}

/** One row of the back office's customer list. */
export interface CustomerSummary {
  id: string;
  email: string;
  name: string;
  country: string;
  createdAt: number;
  emailVerifiedAt: number | null;
  orderCount: number;
}

const LIKE_SPECIALS = /[\\%_]/g;

/** Live customers whose name or email contains `query` (case-insensitive), newest first, one page at a time. */
export async function searchCustomers(
  db: Db,
  options: { query?: string; limit: number; offset: number },
): Promise<{ items: CustomerSummary[]; total: number }> {
  const q = options.query?.trim().toLowerCase();
  const pattern = q ? `%${q.replace(LIKE_SPECIALS, (m) => `\\${m}`)}%` : undefined;
  const where = and(
    isNull(customers.deletedAt),
    pattern
      ? or(
          sql`lower(${customers.name}) like ${pattern} escape '\\'`,
          like(customers.email, sql`${pattern} escape '\\'`),
        )
      : undefined,
  );
  const orderCount = db.select({ n: count() }).from(orders).where(eq(orders.customerId, customers.id));
  const [items, [totalRow]] = await Promise.all([
    db
      .select({
        id: customers.id,
        email: customers.email,
        name: customers.name,
        country: customers.country,
        createdAt: customers.createdAt,
        emailVerifiedAt: customers.emailVerifiedAt,
        orderCount: sql<number>`(${orderCount})`,
      })
      .from(customers)
      .where(where)
      .orderBy(desc(customers.createdAt), desc(customers.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ n: count() }).from(customers).where(where),
  ]);
  return { items, total: totalRow?.n ?? 0 };
}

/**
 * Erases a customer's personal data but keeps the row, so the merchant's orders still point at an account: email,
 * name, birth year and password are replaced, addresses deleted. Orders keep their own snapshot (the merchant must
 * keep sales records); the caller ends the sessions.
 */
export async function anonymiseCustomer(
  db: Db,
  id: string,
  unusableHash: string,
  now: number,
): Promise<void> {
  await db.batch([
    db.delete(addresses).where(eq(addresses.customerId, id)),
    db
      .update(customers)
      .set({
        email: `deleted+${id.toLowerCase()}@invalid`,
        name: 'Deleted customer',
        birthYear: null,
        passwordHash: unusableHash,
        deletedAt: now,
        updatedAt: now,
      })
      .where(eq(customers.id, id)),
  ]);
}
