/** The staff audit log: append an entry, browse and filter entries. */

import type { Db } from '@db/client';
import { auditLog } from '@db/schema';
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';

export type AuditEntry = typeof auditLog.$inferSelect;

export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

/** The statement that appends `entry`, to put in the same batch as the change it records. */
export function appendAuditStatement(db: Db, entry: AuditEntry) {
  return db.insert(auditLog).values(entry);
}

export interface AuditFilter {
  staffId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: number;
  to?: number;
  limit: number;
  offset: number;
}

/** Entries matching every given filter, newest first, one page at a time, with the total count. */
export async function listAudit(db: Db, f: AuditFilter): Promise<{ items: AuditEntry[]; total: number }> {
  const conditions: SQL[] = [];
  if (f.staffId) conditions.push(eq(auditLog.staffId, f.staffId));
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.entityType) conditions.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conditions.push(eq(auditLog.entityId, f.entityId));
  if (f.from !== undefined) conditions.push(gte(auditLog.at, f.from));
  if (f.to !== undefined) conditions.push(lt(auditLog.at, f.to));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
