/** The shop's header and footer menus, as content managers edit them. */
import type { Db } from '@db/client';
import { navLinks } from '@db/schema';
import { asc, eq } from 'drizzle-orm';

/** A stored menu link. */
export type NavLinkRow = typeof navLinks.$inferSelect;

/** Every link of both menus, each menu in position order. */
export async function listNavLinks(db: Db): Promise<NavLinkRow[]> {
  return db.select().from(navLinks).orderBy(asc(navLinks.menu), asc(navLinks.position), asc(navLinks.id));
}

export async function findNavLink(db: Db, id: string): Promise<NavLinkRow | null> {
  const [row] = await db.select().from(navLinks).where(eq(navLinks.id, id));
  return row ?? null;
}

export const insertNavLinkStatement = (db: Db, row: typeof navLinks.$inferInsert) =>
  db.insert(navLinks).values(row);

export const updateNavLinkStatement = (db: Db, id: string, row: Partial<typeof navLinks.$inferInsert>) =>
  db.update(navLinks).set(row).where(eq(navLinks.id, id));

export const deleteNavLinkStatement = (db: Db, id: string) => db.delete(navLinks).where(eq(navLinks.id, id));
