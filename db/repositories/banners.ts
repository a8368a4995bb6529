/** Promotional banners: the storefront's candidates for a placement, and the back office's reads and writes. */

import type { Db } from '@db/client';
import { banners } from '@db/schema';
import { and, asc, desc, eq } from 'drizzle-orm';

/** A stored banner. */
export type BannerRow = typeof banners.$inferSelect;

/**
 * Active banners of `placement` (few per placement): the schedule, audience and category rules are applied by
 * domain/content/banners.ts pickBanners, so the storefront and the tests share one implementation of them.
 */
export async function listPlacementBanners(db: Db, placement: string): Promise<BannerRow[]> {
  return db
    .select()
    .from(banners)
    .where(and(eq(banners.placement, placement), eq(banners.active, true)))
    .limit(100);
}

/** Every banner for the back office, newest first within each placement. */
export async function listAllBanners(db: Db): Promise<BannerRow[]> {
  return db.select().from(banners).orderBy(asc(banners.placement), desc(banners.priority), desc(banners.id));
}

export async function findBanner(db: Db, id: string): Promise<BannerRow | null> {
  const [row] = await db.select().from(banners).where(eq(banners.id, id));
  return row ?? null;
}

export const insertBannerStatement = (db: Db, row: typeof banners.$inferInsert) =>
  db.insert(banners).values(row);

export const updateBannerStatement = (db: Db, id: string, row: Partial<typeof banners.$inferInsert>) =>
  db.update(banners).set(row).where(eq(banners.id, id));

export const deleteBannerStatement = (db: Db, id: string) => db.delete(banners).where(eq(banners.id, id));
