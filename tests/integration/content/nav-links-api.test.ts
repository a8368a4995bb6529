/** The header and footer menus through the back-office API: add, change, move, remove; bad links refused. */
import { api, createStaff, loginCookie } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';

let content: string;
let warehouse: string;

beforeAll(async () => {
  await seedSmallStore();
  [content, warehouse] = await Promise.all([
    createStaff(['content']).then((s) => loginCookie('staff', s)),
    createStaff(['warehouse']).then((s) => loginCookie('staff', s)),
  ]);
});

type Link = { id: string; menu: string; label: string; href: string; position: number };
const footer = async () =>
  ((await (await api('/api/admin/nav-links', { cookie: content })).json()) as { items: Link[] }).items
    .filter((l) => l.menu === 'footer')
    .map((l) => l.label);

describe('the menus API', () => {
  it('adds a link at the end, moves it up, changes and removes it', async () => {
    const res = await api('/api/admin/nav-links', {
      cookie: content,
      body: { menu: 'footer', label: 'Contact', href: '/contact' },
    });
    expect(res.status).toBe(201);
    const link = (await res.json()) as Link;
    expect((await footer()).at(-1)).toBe('Contact');

    const move = await api(`/api/admin/nav-links/${link.id}/move`, {
      cookie: content,
      body: { direction: 'up' },
    });
    expect(move.status).toBe(204);
    expect((await footer()).at(-2)).toBe('Contact');

    const put = await api(`/api/admin/nav-links/${link.id}`, {
      method: 'PUT',
      cookie: content,
      body: { menu: 'footer', label: 'Contact us', href: 'https://help.example/contact' },
    });
    expect(put.status).toBe(200);
    expect(await footer()).toContain('Contact us');
    expect((await api(`/api/admin/nav-links/${link.id}`, { method: 'DELETE', cookie: content })).status).toBe(
      204,
    );
    expect(await footer()).not.toContain('Contact us');
  });

  it.each([
    [{ href: 'javascript:alert(1)' }],
    [{ href: 'data:text/html,hi' }],
    [{ href: '//evil.example' }],
    [{ label: '<img src=x onerror=alert(1)>' }],
    [{ extra: true }],
  ])('refuses %o with a problem and writes nothing', async (over) => {
    const before = await footer();
    const res = await api('/api/admin/nav-links', {
      cookie: content,
      body: { menu: 'footer', label: 'Bad', href: '/ok', ...over },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await footer()).toEqual(before);
  });

  it('refuses warehouse staff and anonymous callers', async () => {
    expect((await api('/api/admin/nav-links', { cookie: warehouse })).status).toBe(403);
    expect(
      (await api('/api/admin/nav-links', { body: { menu: 'footer', label: 'X', href: '/x' } })).status,
    ).toBe(401);
  });
});
