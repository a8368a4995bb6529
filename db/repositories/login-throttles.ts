/** Failed-login counts per email address (hashed), for the credential-stuffing lock (domain/identity/login-throttle). */

import type { Db } from '@db/client';
import { loginThrottles } from '@db/schema';
import { eq, lte, sql } from 'drizzle-orm';

export type LoginThrottle = typeof loginThrottles.$inferSelect;

export async function findLoginThrottle(db: Db, key: string): Promise<LoginThrottle | null> {
  const [row] = await db.select().from(loginThrottles).where(eq(loginThrottles.key, key)).limit(1);
  return row ?? null;
}

/**
 * Counts one more failure in a row, atomically (parallel attempts each count), starting over when the previous
 * failure is older than `memoryMs`; returns the new count.
 */
export async function recordLoginFailure(
  db: Db,
  key: string,
  now: number,
  memoryMs: number,
): Promise<number> {
  const [row] = await db
    .insert(loginThrottles)
    .values({ key, failures: 1, lastFailedAt: now, lockedUntil: 0 })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`case when ${loginThrottles.lastFailedAt} < ${now - memoryMs} then 1 else ${loginThrottles.failures} + 1 end`,
        lastFailedAt: now,
      },
    })
    .returning({ failures: loginThrottles.failures });
  return row?.failures ?? 1;
}

/** Locks the address until `until` (never shortening a longer lock). */
export async function lockLogin(db: Db, key: string, until: number): Promise<void> {
  await db
    .update(loginThrottles)
    .set({ lockedUntil: sql`max(${loginThrottles.lockedUntil}, ${until})` })
    .where(eq(loginThrottles.key, key));
}

/** Forgets the failures (a successful login, or the owner's unlock link). */
export async function clearLoginThrottle(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, key));
}

/** Deletes rows whose last failure is older than `before` (the daily job). */
export async function purgeLoginThrottles(db: Db, before: number): Promise<number> {
  const gone = await db
    .delete(loginThrottles)
    .where(lte(loginThrottles.lastFailedAt, before))
    .returning({ key: loginThrottles.key });
  return gone.length;
}
