/** Staff account lookups for back-office login. */

import type { Db } from '@db/client';
import { staffUsers } from '@db/schema';
import { eq } from 'drizzle-orm';

/** A staff user row, including the password hash (never send it to a client). */
export type StaffUser = typeof staffUsers.$inferSelect;

/** The staff user with this email (case-insensitive, emails are stored lower-case), or null. */
export async function findStaffByEmail(db: Db, email: string): Promise<StaffUser | null> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.email, email.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}
