/** The development email outbox: store what the outbox transport sends, list it newest first, read one message. */

import type { Db } from '@db/client';
import { emailOutbox } from '@db/schema';
import { newId } from '@domain/core/ids';
import { desc, eq, sql } from 'drizzle-orm';

/** A stored message. */
export type OutboxEmail = typeof emailOutbox.$inferSelect;

/** What a transport hands over: everything but the id and time, which the outbox assigns. */
export type NewOutboxEmail = Omit<OutboxEmail, 'id' | 'createdAt'>;

/** The most messages one listing returns. */
export const MAX_OUTBOX_LIST = 200;

/** Stores a message "sent" at `now` (epoch ms) and returns it with its new `eml_…` id. */
export async function insertOutboxEmail(db: Db, email: NewOutboxEmail, now: number): Promise<OutboxEmail> {
  const row: OutboxEmail = { ...email, id: newId('email', now), createdAt: now };
  await db.insert(emailOutbox).values(row);
  return row;
}

/**
 * Messages newest first, at most `limit` (capped at MAX_OUTBOX_LIST); with `to`, only those to that address,
 * compared case-insensitively (mail systems treat addresses so in practice, and tests type them either way).
 */
export async function listOutboxEmails(
  db: Db,
  options: { to?: string; limit?: number } = {},
): Promise<OutboxEmail[]> {
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? 50)), MAX_OUTBOX_LIST);
  const to = options.to?.trim().toLowerCase();
  return db
    .select()
    .from(emailOutbox)
    .where(to ? eq(sql`lower(${emailOutbox.to})`, to) : undefined)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(limit);
}

/** The message with this id, or null. */
export async function findOutboxEmail(db: Db, id: string): Promise<OutboxEmail | null> {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  return row ?? null;
}
