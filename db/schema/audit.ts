/** The audit log: every staff action that changes data, with who, what, when, and the record before and after. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    /** The staff user who acted (kept even if that user is later disabled). */
    staffId: text('staff_id').notNull(),
    /** Their email at the time, so the log reads without a join and survives renames. */
    staffEmail: text('staff_email').notNull(),
    /** What happened, `<area>.<verb>`, e.g. `staff.invite`, `staff.roles`, `customer.update`. */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** JSON snapshots; null when the entity did not exist before (or no longer exists after). */
    before: text('before'),
    after: text('after'),
    requestId: text('request_id'),
    at: integer('at').notNull(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_staff_at_idx').on(t.staffId, t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.at),
    index('audit_log_action_at_idx').on(t.action, t.at),
  ],
);
