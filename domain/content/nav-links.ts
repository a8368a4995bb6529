/** The shop's header and footer menus: what a valid link is, and how moving one up or down reorders its menu. */
import { z } from 'zod';
import { PlainText, SafeLink } from './links';

export const NAV_MENUS = ['header', 'footer'] as const;
export type NavMenu = (typeof NAV_MENUS)[number];

/** At most this many links per menu: a header longer than this no longer fits a phone. */
export const MAX_MENU_LINKS = 12;

/** A link as staff write it. */
export const NavLinkInput = z
  .object({
    menu: z.enum(NAV_MENUS),
    label: PlainText(40).pipe(z.string().min(1, 'A label is required.')),
    href: SafeLink,
  })
  .strict();
export type NavLinkInput = z.infer<typeof NavLinkInput>;

/** A stored link, as far as ordering needs it. */
export interface PlacedLink {
  id: string;
  menu: string;
  position: number;
}

/**
 * The new positions of `menu` after moving `id` one place `direction`: every link of the menu numbered 0…n-1 in its
 * new order (so gaps and ties left by deletions disappear). Moving the first up or the last down changes nothing.
 */
export function moveLink(
  links: readonly PlacedLink[],
  id: string,
  direction: 'up' | 'down',
): { id: string; position: number }[] {
  const target = links.find((l) => l.id === id);
  if (!target) return [];
  const menu = links
    .filter((l) => l.menu === target.menu)
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
  const i = menu.findIndex((l) => l.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (j >= 0 && j < menu.length) [menu[i], menu[j]] = [menu[j]!, menu[i]!];
  return menu.map((l, position) => ({ id: l.id, position }));
}
