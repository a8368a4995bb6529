/** A customer's address book. Every query names the customer, so one shopper can never read or change another's. */

import type { Db } from '@db/client';
import { addresses } from '@db/schema';
import type { AddressInput } from '@domain/customers/address';
import { and, asc, count, eq, ne } from 'drizzle-orm';

export type AddressRow = typeof addresses.$inferSelect;

/** Most addresses one customer may keep (bounds storage and the account page). */
export const MAX_ADDRESSES = 20;

export async function listAddresses(db: Db, customerId: string): Promise<AddressRow[]> {
  return db
    .select()
    .from(addresses)
    .where(eq(addresses.customerId, customerId))
    .orderBy(asc(addresses.createdAt), asc(addresses.id));
}

export async function countAddresses(db: Db, customerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(addresses).where(eq(addresses.customerId, customerId));
  return row?.n ?? 0;
}

export interface AddressDefaults {
  defaultShipping?: boolean | undefined;
  defaultBilling?: boolean | undefined;
}

const columns = (a: AddressInput) => ({
  name: a.name,
  company: a.company ?? null,
  line1: a.line1,
  line2: a.line2 ?? null,
  city: a.city ?? '',
  region: a.region ?? null,
  postalCode: a.postalCode ?? '',
  country: a.country,
  phone: a.phone ?? null,
});

/** Statements that make `id` the only default of each kind asked for (other addresses lose that default). */
function defaultStatements(db: Db, customerId: string, id: string, d: AddressDefaults) {
  const others = and(eq(addresses.customerId, customerId), ne(addresses.id, id));
  return [
    ...(d.defaultShipping ? [db.update(addresses).set({ isDefaultShipping: false }).where(others)] : []),
    ...(d.defaultBilling ? [db.update(addresses).set({ isDefaultBilling: false }).where(others)] : []),
  ];
}

/** Adds an address; with `defaults`, it takes them over, in one batch. */
export async function insertAddress(
  db: Db,
  row: { id: string; customerId: string; address: AddressInput; now: number } & AddressDefaults,
): Promise<void> {
  await db.batch([
    db.insert(addresses).values({
      id: row.id,
      customerId: row.customerId,
      ...columns(row.address),
      isDefaultShipping: row.defaultShipping ?? false,
      isDefaultBilling: row.defaultBilling ?? false,
      createdAt: row.now,
    }),
    ...defaultStatements(db, row.customerId, row.id, row),
  ]);
}

/** Replaces an address of this customer; false when they have no such address. */
export async function updateAddress(
  db: Db,
  row: { id: string; customerId: string; address: AddressInput } & AddressDefaults,
): Promise<boolean> {
  const mine = and(eq(addresses.id, row.id), eq(addresses.customerId, row.customerId));
  // Checked first, so another customer's id never clears this customer's defaults.
  const [owned] = await db.select({ id: addresses.id }).from(addresses).where(mine).limit(1);
  if (!owned) return false;
  const [updated] = await db.batch([
    db
      .update(addresses)
      .set({
        ...columns(row.address),
        ...(row.defaultShipping !== undefined ? { isDefaultShipping: row.defaultShipping } : {}),
        ...(row.defaultBilling !== undefined ? { isDefaultBilling: row.defaultBilling } : {}),
      })
      .where(mine)
      .returning({ id: addresses.id }),
    ...defaultStatements(db, row.customerId, row.id, row),
  ]);
  return updated.length === 1;
}

/** Deletes an address of this customer; false when they have no such address. */
export async function deleteAddress(db: Db, customerId: string, id: string): Promise<boolean> {
  const gone = await db
    .delete(addresses)
    .where(and(eq(addresses.id, id), eq(addresses.customerId, customerId)))
    .returning({ id: addresses.id });
  return gone.length === 1;
}
