/** Back-office menus: add, change, remove and move the header and footer links, each write audited in its batch. */
import {
  deleteNavLinkStatement,
  findNavLink,
  insertNavLinkStatement,
  listNavLinks,
  type NavLinkRow,
  updateNavLinkStatement,
} from '@db/repositories/nav-links';
import { MAX_MENU_LINKS, moveLink, type NavLinkInput } from '@domain/content/nav-links';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { type ContentContext, contentAudit } from './context';

const menuFull = <T>() =>
  fail<T>('CONFLICT', `A menu holds at most ${MAX_MENU_LINKS} links: remove one first.`);

/** Where a new link of `menu` goes: after the last one. */
function endOf(links: readonly NavLinkRow[], menu: string): number {
  return links.filter((l) => l.menu === menu).reduce((max, l) => Math.max(max, l.position + 1), 0);
}

export async function createNavLink(ctx: ContentContext, input: NavLinkInput): Promise<Result<NavLinkRow>> {
  const links = await listNavLinks(ctx.db);
  if (links.filter((l) => l.menu === input.menu).length >= MAX_MENU_LINKS) return menuFull();
  const row: NavLinkRow = { id: newId('navLink', ctx.now), ...input, position: endOf(links, input.menu) };
  await ctx.db.batch([
    insertNavLinkStatement(ctx.db, row),
    contentAudit(ctx, 'nav-link.create', 'nav-link', row.id, null, row),
  ]);
  return ok(row);
}

export async function updateNavLink(
  ctx: ContentContext,
  id: string,
  input: NavLinkInput,
): Promise<Result<NavLinkRow>> {
  const links = await listNavLinks(ctx.db);
  const before = links.find((l) => l.id === id);
  if (!before) return fail('NOT_FOUND', 'No menu link has this id.');
  const moved = before.menu !== input.menu;
  if (moved && links.filter((l) => l.menu === input.menu).length >= MAX_MENU_LINKS) return menuFull();
  const after: NavLinkRow = {
    ...before,
    ...input,
    position: moved ? endOf(links, input.menu) : before.position,
  };
  await ctx.db.batch([
    updateNavLinkStatement(ctx.db, id, after),
    contentAudit(ctx, 'nav-link.update', 'nav-link', id, before, after),
  ]);
  return ok(after);
}

export async function deleteNavLink(ctx: ContentContext, id: string): Promise<Result<true>> {
  const before = await findNavLink(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No menu link has this id.');
  await ctx.db.batch([
    deleteNavLinkStatement(ctx.db, id),
    contentAudit(ctx, 'nav-link.delete', 'nav-link', id, before, null),
  ]);
  return ok(true);
}

/** Moves a link one place up or down its menu (renumbering the menu in the same batch). */
export async function moveNavLink(
  ctx: ContentContext,
  id: string,
  direction: 'up' | 'down',
): Promise<Result<true>> {
  const links = await listNavLinks(ctx.db);
  const positions = moveLink(links, id, direction);
  if (positions.length === 0) return fail('NOT_FOUND', 'No menu link has this id.');
  const [first, ...rest] = positions.map((p) =>
    updateNavLinkStatement(ctx.db, p.id, { position: p.position }),
  );
  await ctx.db.batch([
    first!,
    ...rest,
    contentAudit(ctx, `nav-link.move-${direction}`, 'nav-link', id, null, { positions }),
  ]);
  return ok(true);
}
