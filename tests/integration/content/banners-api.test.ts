/** Banners through the back-office API: writes, bad input refused with nothing written, and who may do what. */
import { env } from 'cloudflare:test';
import { createDb } from '@db/client';
import { getCatalogVersion } from '@db/repositories/catalog-state';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { api, createStaff, loginCookie } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';

let data: SeedData;
let admin: string;
let content: string;
let warehouse: string;

beforeAll(async () => {
  data = await seedSmallStore();
  [admin, content, warehouse] = await Promise.all([
    createStaff(['admin']).then((s) => loginCookie('staff', s)),
    createStaff(['content']).then((s) => loginCookie('staff', s)),
    createStaff(['warehouse']).then((s) => loginCookie('staff', s)),
  ]);
});

const valid = { placement: 'announcement', title: 'Free shipping this week', linkUrl: '/search' };
const bannerCount = async () =>
  (await env.DB.prepare('SELECT count(*) AS n FROM banners').first<{ n: number }>())!.n;

describe('the banners API', () => {
  it('creates, reads, changes and deletes a banner, bumping the catalog version on each write', async () => {
    const db = createDb(env);
    const v0 = await getCatalogVersion(db);
    const created = await api('/api/admin/banners', { cookie: content, body: valid });
    expect(created.status).toBe(201);
    const banner = (await created.json()) as { id: string; state: string; audience: string };
    expect(banner).toMatchObject({ state: 'live', audience: 'everyone' });
    expect(await getCatalogVersion(db)).toBeGreaterThan(v0);

    const start = Date.now() + 86_400_000;
    const updated = await api(`/api/admin/banners/${banner.id}`, {
      method: 'PUT',
      cookie: admin,
      body: { ...valid, title: 'Summer sale', startsAt: start, endsAt: start + 3_600_000, priority: 5 },
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ title: 'Summer sale', state: 'scheduled', priority: 5 });
    // Its start and end are schedule marks, so cached pages change at those moments.
    const marks = await env.DB.prepare('SELECT at FROM schedule_marks WHERE owner_id = ? ORDER BY at')
      .bind(banner.id)
      .all<{ at: number }>();
    expect(marks.results.map((m) => m.at)).toEqual([start, start + 3_600_000]);

    const read = await api(`/api/admin/banners/${banner.id}`, { cookie: content });
    expect(((await read.json()) as { title: string }).title).toBe('Summer sale');
    expect((await api(`/api/admin/banners/${banner.id}`, { method: 'DELETE', cookie: content })).status).toBe(
      204,
    );
    expect((await api(`/api/admin/banners/${banner.id}`, { cookie: content })).status).toBe(404);
    const left = await env.DB.prepare('SELECT count(*) AS n FROM schedule_marks WHERE owner_id = ?')
      .bind(banner.id)
      .first<{ n: number }>();
    expect(left!.n).toBe(0); // both marks were still in the future
  });

  it.each([
    ['an inverted window', { startsAt: 2_000_000_000_000, endsAt: 1_999_999_999_999 }, 'endsAt'],
    ['an image without alt text', { imageUrl: 'https://cdn.example/sale.jpg' }, 'imageAlt'],
    ['a script in the text', { body: '<script>alert(1)</script>' }, 'body'],
    ['a javascript: link', { linkUrl: 'javascript:alert(1)' }, 'linkUrl'],
    ['an unknown field', { colour: 'red' }, ''],
  ])('refuses %s with a problem and writes nothing', async (_, over, path) => {
    const before = await bannerCount();
    const res = await api('/api/admin/banners', { cookie: content, body: { ...valid, ...over } });
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    const problem = (await res.json()) as { code: string; errors?: { path: string }[] };
    expect(problem.code).toBe('VALIDATION_FAILED');
    if (path) expect(problem.errors?.map((e) => e.path)).toContain(path);
    expect(await bannerCount()).toBe(before);
  });

  it('refuses a category banner for a category that does not exist', async () => {
    const res = await api('/api/admin/banners', {
      cookie: content,
      body: { ...valid, placement: 'category', categoryId: newId('category') },
    });
    expect(res.status).toBe(400);
    const ok = await api('/api/admin/banners', {
      cookie: content,
      body: { ...valid, placement: 'category', categoryId: data.categories[0]!.id },
    });
    expect(ok.status).toBe(201);
  });

  it('lets content managers and administrators in, refuses warehouse staff (403) and anonymous callers (401)', async () => {
    expect((await api('/api/admin/banners', { cookie: admin })).status).toBe(200);
    expect((await api('/api/admin/banners', { cookie: content })).status).toBe(200);
    expect((await api('/api/admin/banners', { cookie: warehouse })).status).toBe(403);
    expect((await api('/api/admin/banners', { cookie: warehouse, body: valid })).status).toBe(403);
    const anonymous = await api('/api/admin/banners', { body: valid });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('Content-Type')).toContain('application/problem+json');
  });
});
