/** Back-office accounts: staff users and the roles each holds (one person may hold several). */
import { STAFF_ROLES, type StaffRole } from '@domain/identity/roles';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { isOneOf } from './checks';

export { STAFF_ROLES, type StaffRole };

/** A back-office user. Emails are stored lower-cased. A disabled user cannot log in and their sessions stop working. */
export const staffUsers = sqliteTable('staff_users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull().default(0),
  disabledAt: integer('disabled_at'),
});

/** One row per role a staff user holds; the permission matrix (domain/identity/permissions) says what each allows. */
export const staffRoles = sqliteTable(
  'staff_roles',
  {
    staffId: text('staff_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.staffId, t.role] }),
    check('staff_roles_role_check', isOneOf(t.role, STAFF_ROLES)),
    index('staff_roles_role_idx').on(t.role),
  ],
);
