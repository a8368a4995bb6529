/** Staff accounts and their roles. */

import type { Db } from '@db/client';
import { staffRoles, staffUsers } from '@db/schema';
import type { StaffRole } from '@domain/identity/roles';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';

/** A staff user row, including the password hash (never send it to a client), with the roles they hold. */
export type StaffUser = typeof staffUsers.$inferSelect & { roles: StaffRole[] };

async function withRoles(db: Db, rows: (typeof staffUsers.$inferSelect)[]): Promise<StaffUser[]> {
  if (rows.length === 0) return [];
  const roleRows = await db
    .select()
    .from(staffRoles)
    .where(
      inArray(
        staffRoles.staffId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    ...r,
    roles: roleRows
      .filter((x) => x.staffId === r.id)
      .map((x) => x.role)
      .sort(),
  }));
}

/** The staff user with this email (case-insensitive, emails are stored lower-case), or null. */
export async function findStaffByEmail(db: Db, email: string): Promise<StaffUser | null> {
  const rows = await db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.email, email.trim().toLowerCase()))
    .limit(1);
  return (await withRoles(db, rows))[0] ?? null;
}

/** The staff user with this id, or null. */
export async function findStaffById(db: Db, id: string): Promise<StaffUser | null> {
  const rows = await db.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1);
  return (await withRoles(db, rows))[0] ?? null;
}

/** Every staff user, by name (a shop has tens, not thousands). */
export async function listStaff(db: Db): Promise<StaffUser[]> {
  return withRoles(db, await db.select().from(staffUsers).orderBy(asc(staffUsers.name)));
}

/** Statements creating a staff user with `roles` (run them in one batch, with the audit entry). */
export function insertStaffStatements(
  db: Db,
  user: Omit<typeof staffUsers.$inferInsert, 'disabledAt'>,
  roles: readonly StaffRole[],
) {
  return [
    db.insert(staffUsers).values({ ...user, email: user.email.toLowerCase() }),
    ...roles.map((role) => db.insert(staffRoles).values({ staffId: user.id, role })),
  ] as const;
}

/** Statements replacing a staff user's roles (run them in one batch, with the audit entry). */
export function replaceStaffRolesStatements(
  db: Db,
  staffId: string,
  roles: readonly StaffRole[],
  now: number,
) {
  return [
    db.delete(staffRoles).where(eq(staffRoles.staffId, staffId)),
    ...roles.map((role) => db.insert(staffRoles).values({ staffId, role })),
    db.update(staffUsers).set({ updatedAt: now }).where(eq(staffUsers.id, staffId)),
  ] as const;
}

/** The statement disabling (at `now`) or re-enabling (null) a staff user. */
export function setStaffDisabledStatement(db: Db, staffId: string, disabledAt: number | null, now: number) {
  return db.update(staffUsers).set({ disabledAt, updatedAt: now }).where(eq(staffUsers.id, staffId));
}

/** Replaces a staff user's password hash (an upgrade on login, or a new password). */
export async function setStaffPasswordHash(db: Db, staffId: string, passwordHash: string, now: number) {
  await db.update(staffUsers).set({ passwordHash, updatedAt: now }).where(eq(staffUsers.id, staffId));
}

/** How many enabled staff hold `role` (an administrator cannot remove the last administrator). */
export async function countEnabledWithRole(db: Db, role: StaffRole): Promise<number> {
  const rows = await db
    .select({ id: staffUsers.id, disabledAt: staffUsers.disabledAt })
    .from(staffRoles)
    .innerJoin(staffUsers, eq(staffUsers.id, staffRoles.staffId))
    .where(and(eq(staffRoles.role, role)));
  return rows.filter((r) => r.disabledAt === null).length;
}

/** Addresses of the enabled staff who hold `role` (who gets the administrators' alerts). */
export async function enabledEmailsWithRole(db: Db, role: StaffRole): Promise<string[]> {
  const rows = await db
    .select({ email: staffUsers.email })
    .from(staffRoles)
    .innerJoin(staffUsers, eq(staffUsers.id, staffRoles.staffId))
    .where(and(eq(staffRoles.role, role), isNull(staffUsers.disabledAt)));
  return rows.map((r) => r.email);
}
