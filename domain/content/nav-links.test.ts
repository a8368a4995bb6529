import { describe, expect, it } from 'vitest';
import { moveLink, NavLinkInput } from './nav-links';

const links = [
  { id: 'a', menu: 'footer', position: 0 },
  { id: 'b', menu: 'footer', position: 3 },
  { id: 'c', menu: 'footer', position: 5 },
  { id: 'h', menu: 'header', position: 1 },
];
const order = (moved: { id: string; position: number }[]) =>
  [...moved].sort((x, y) => x.position - y.position).map((l) => l.id);

describe('moveLink', () => {
  it('swaps a link with its neighbour in its own menu, renumbering the menu', () => {
    expect(order(moveLink(links, 'b', 'up'))).toEqual(['b', 'a', 'c']);
    expect(order(moveLink(links, 'b', 'down'))).toEqual(['a', 'c', 'b']);
    expect(moveLink(links, 'b', 'up').map((l) => l.position)).toEqual([0, 1, 2]);
  });

  it('leaves the ends where they are and ignores unknown ids', () => {
    expect(order(moveLink(links, 'a', 'up'))).toEqual(['a', 'b', 'c']);
    expect(order(moveLink(links, 'c', 'down'))).toEqual(['a', 'b', 'c']);
    expect(moveLink(links, 'zz', 'up')).toEqual([]);
  });
});

describe('NavLinkInput', () => {
  it.each([
    [{ href: 'javascript:alert(1)' }, 'href'],
    [{ href: 'data:text/html,x' }, 'href'],
    [{ href: '//evil.example' }, 'href'],
    [{ label: '<b>Sale</b>' }, 'label'],
    [{ label: '' }, 'label'],
    [{ menu: 'sidebar' }, 'menu'],
  ])('refuses %o', (over, path) => {
    const r = NavLinkInput.safeParse({ menu: 'footer', label: 'Blog', href: '/blog', ...over });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('accepts a shop path and an https address', () => {
    expect(NavLinkInput.parse({ menu: 'footer', label: ' Blog ', href: '/blog' }).label).toBe('Blog');
    expect(
      NavLinkInput.safeParse({ menu: 'header', label: 'Help', href: 'https://help.example' }).success,
    ).toBe(true);
  });
});
