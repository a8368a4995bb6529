/** The development email outbox: what the outbox transport "sent", read back by the local mailbox page. */
import { EMAIL_KINDS } from '@domain/core/email-kinds';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per message the outbox transport accepted (local development and tests; production sends instead).
 * `kind` has no CHECK constraint: the list grows with every feature that sends mail, and SQLite can only change a
 * CHECK by rebuilding the table, which a development outbox is not worth.
 */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: text('id').primaryKey(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    kind: text('kind', { enum: EMAIL_KINDS }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('email_outbox_created_idx').on(t.createdAt)],
);
