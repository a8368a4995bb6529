/** Back-office accounts: staff users with a role, and their sessions. */
import { STAFF_ROLES, type StaffRole } from '@domain/identity/roles';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { isOneOf } from './checks';

export { STAFF_ROLES, type StaffRole };

/** A back-office user. Emails are stored lower-cased. */
export const staffUsers = sqliteTable(
  'staff_users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [check('staff_users_role_check', isOneOf(t.role, STAFF_ROLES))],
);

/** A staff login session. */
export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    index('staff_sessions_staff_idx').on(t.staffId),
    index('staff_sessions_expires_idx').on(t.expiresAt),
  ],
);
