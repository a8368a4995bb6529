/**
 * The media library through the back-office API into R2 and out of /media/library: upload with alt text, bad files
 * and alt text refused with nothing stored, who may do what, and delete refused (409, with where) while a post,
 * banner or landing page (draft or live revision) shows the image, allowed once nothing does.
 */
import { env, SELF } from 'cloudflare:test';
import { createDb } from '@db/client';
import { newId } from '@domain/core/ids';
import { api, createStaff, freshIp, loginCookie } from '@tests/support/accounts';
import { JPEG_16X16, PNG_3X2 } from '@tests/support/fixtures/images';
import { seedSmallStore } from '@tests/support/workerd';
import { uploadMedia } from '@worker/services/content/media';
import { beforeAll, describe, expect, it } from 'vitest';

type Media = {
  id: string;
  url: string;
  alt: string;
  filename: string;
  width: number;
  height: number;
  bytes: number;
};
type Problem = {
  code: string;
  errors?: { path: string }[];
  meta?: { uses?: { kind: string; id: string; title: string; editHref: string }[] };
};

let admin: string;
let content: string;
let warehouse: string;

beforeAll(async () => {
  await seedSmallStore();
  [admin, content, warehouse] = await Promise.all([
    createStaff(['admin']).then((s) => loginCookie('staff', s)),
    createStaff(['content']).then((s) => loginCookie('staff', s)),
    createStaff(['warehouse']).then((s) => loginCookie('staff', s)),
  ]);
});

function upload(
  bytes: Uint8Array,
  opts: { alt?: string; name?: string; type?: string; cookie?: string } = {},
) {
  const form = new FormData();
  form.set(
    'file',
    new File([bytes as Uint8Array<ArrayBuffer>], opts.name ?? 'photo.png', {
      type: opts.type ?? 'image/png',
    }),
  );
  if (opts.alt !== undefined) form.set('alt', opts.alt);
  return SELF.fetch('http://shop.test/api/admin/media', {
    method: 'POST',
    headers: {
      'CF-Connecting-IP': freshIp(),
      ...(opts.cookie === '' ? {} : { Cookie: opts.cookie ?? content }),
    },
    body: form,
  });
}

const rowCount = async () =>
  (await env.DB.prepare('SELECT count(*) AS n FROM media_assets').first<{ n: number }>())!.n;
const objectCount = async () => (await env.MEDIA.list({ prefix: 'library/' })).objects.length;

async function uploaded(alt = 'A linen shirt on a hanger'): Promise<Media> {
  const res = await upload(PNG_3X2, { alt, name: 'C:\\fakepath\\Linen shirt.png' });
  expect(res.status).toBe(201);
  return (await res.json()) as Media;
}

describe('upload', () => {
  it('stores the image with its alt, size and a clean file name; serves it immutable with an ETag and 304', async () => {
    const image = await uploaded();
    expect(image).toMatchObject({
      alt: 'A linen shirt on a hanger',
      width: 3,
      height: 2,
      filename: 'Linen-shirt.png',
    });
    expect(image.url).toBe(`/media/library/${image.id}.png`);
    expect(image.bytes).toBe(PNG_3X2.length);
    const served = await SELF.fetch(`http://shop.test${image.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('Content-Type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG_3X2);
    const again = await SELF.fetch(`http://shop.test${image.url}`, {
      headers: { 'If-None-Match': served.headers.get('ETag')! },
    });
    expect(again.status).toBe(304);
    // Only exact library keys are read from R2.
    for (const bad of [
      `/media/library/${image.id}.svg`,
      '/media/library/x.png',
      `/media/library/${image.id}.png.png`,
    ]) {
      expect((await SELF.fetch(`http://shop.test${bad}`)).status).toBe(404);
    }
  });

  it('takes the type from the bytes: a JPEG called .png is stored as a JPEG', async () => {
    const res = await upload(JPEG_16X16, { alt: 'Python logo', name: 'logo.png', type: 'image/png' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Media).url).toMatch(/\.jpg$/);
  });

  it.each([
    [
      'text named .png',
      () => upload(new TextEncoder().encode('just words, pretending to be a picture'), { alt: 'x' }),
      422,
      'INVALID_IMAGE',
      'file',
    ],
    [
      'a file over 5 MB',
      () => {
        const big = new Uint8Array(5 * 1024 * 1024 + 1);
        big.set(PNG_3X2);
        return upload(big, { alt: 'Big' });
      },
      413,
      'PAYLOAD_TOO_LARGE',
      '',
    ],
    ['no alt text', () => upload(PNG_3X2), 400, 'VALIDATION_FAILED', 'alt'],
    ['blank alt text', () => upload(PNG_3X2, { alt: '   ' }), 400, 'VALIDATION_FAILED', 'alt'],
    [
      'a script in the alt text',
      () => upload(PNG_3X2, { alt: '<script>alert(1)</script>' }),
      400,
      'VALIDATION_FAILED',
      'alt',
    ],
    [
      'alt text over 300 characters',
      () => upload(PNG_3X2, { alt: 'x'.repeat(301) }),
      400,
      'VALIDATION_FAILED',
      'alt',
    ],
  ] as const)('refuses %s with a problem and stores nothing', async (_, send, status, code, path) => {
    const [rows, objects] = [await rowCount(), await objectCount()];
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    const problem = (await res.json()) as Problem;
    expect(problem.code).toBe(code);
    if (path) expect(problem.errors?.map((e) => e.path)).toContain(path);
    expect(await rowCount()).toBe(rows);
    expect(await objectCount()).toBe(objects);
  });

  it('removes the stored object again when the row cannot be written (no object without a row)', async () => {
    const db = createDb(env);
    const failing = new Proxy(db, {
      get: (target, key) =>
        key === 'batch' ? () => Promise.reject(new Error('D1 is down')) : Reflect.get(target, key, target),
    });
    const [rows, objects] = [await rowCount(), await objectCount()];
    const ctx = { db: failing, actor: { id: 'stf_x', email: 'a@b.c' }, now: Date.now(), media: env.MEDIA };
    await expect(uploadMedia(ctx, { bytes: PNG_3X2, filename: 'x.png', alt: 'Alt' })).rejects.toThrow(
      'D1 is down',
    );
    expect(await rowCount()).toBe(rows);
    expect(await objectCount()).toBe(objects);
  });

  it('415 for a JSON body, 400 without a file', async () => {
    expect((await api('/api/admin/media', { cookie: content, body: { alt: 'x' } })).status).toBe(415);
    const form = new FormData();
    form.set('alt', 'No file here');
    const res = await SELF.fetch('http://shop.test/api/admin/media', {
      method: 'POST',
      headers: { 'CF-Connecting-IP': freshIp(), Cookie: content },
      body: form,
    });
    expect(res.status).toBe(400);
  });
});

describe('who may', () => {
  it('lets content managers and administrators in, refuses warehouse staff (403) and anonymous callers (401)', async () => {
    expect((await upload(PNG_3X2, { alt: 'By an admin', cookie: admin })).status).toBe(201);
    expect((await upload(PNG_3X2, { alt: 'By warehouse', cookie: warehouse })).status).toBe(403);
    expect((await upload(PNG_3X2, { alt: 'Anonymous', cookie: '' })).status).toBe(401);
    expect((await api('/api/admin/media', { cookie: content })).status).toBe(200);
    expect((await api('/api/admin/media', { cookie: warehouse })).status).toBe(403);
    expect((await api('/api/admin/media')).status).toBe(401);
    const image = await uploaded();
    const del = (cookie?: string) => api(`/api/admin/media/${image.id}`, { method: 'DELETE', cookie });
    expect((await del(warehouse)).status).toBe(403);
    expect((await del()).status).toBe(401);
  });
});

describe('list and alt text', () => {
  it('lists newest first, searches file name and alt (wildcards literal), and edits alt with the same rules', async () => {
    const a = await uploaded('Blue 100% wool scarf');
    const b = await uploaded('Green scarf_detail');
    const list = (await (await api('/api/admin/media', { cookie: content })).json()) as {
      items: Media[];
      total: number;
    };
    expect(list.items.slice(0, 2).map((m) => m.id)).toEqual([b.id, a.id]);
    const search = async (q: string) =>
      (
        (await (await api(`/api/admin/media?q=${encodeURIComponent(q)}`, { cookie: content })).json()) as {
          items: Media[];
        }
      ).items.map((m) => m.id);
    expect(await search('100%')).toEqual([a.id]);
    expect(await search('scarf_')).toEqual([b.id]);
    expect(await search('%')).toEqual([a.id]);
    const patch = (alt: string) =>
      api(`/api/admin/media/${a.id}`, { method: 'PATCH', cookie: content, body: { alt } });
    expect((await patch('<b>bold</b>')).status).toBe(400);
    expect((await patch('')).status).toBe(400);
    const ok = await patch('A blue wool scarf');
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Media).alt).toBe('A blue wool scarf');
    expect(
      (
        await api(`/api/admin/media/${newId('media')}`, {
          method: 'PATCH',
          cookie: content,
          body: { alt: 'x' },
        })
      ).status,
    ).toBe(404);
  });
});

describe('delete', () => {
  it('is refused while a post, a banner or a landing page uses the image, listing each; allowed after', async () => {
    const image = await uploaded();
    const other = await uploaded();
    const now = Date.now();
    const postId = newId('post');
    const bodyPostId = newId('post');
    const bannerId = newId('banner');
    const draftPageId = newId('page');
    const livePageId = newId('page');
    const liveRevision = newId('pageRevision');
    const oldRevision = newId('pageRevision');
    const historyPageId = newId('page');
    const pageJson = (title: string, url: string) =>
      JSON.stringify({ title, blocks: [{ type: 'hero', heading: 'Hi', imageUrl: url, imageAlt: 'Alt' }] });
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO posts (id, slug, title, body_markdown, cover_url, cover_alt, updated_at) VALUES (?, ?, 'Cover post', 'Text', ?, 'Alt', ?)`,
      ).bind(postId, `cover-${postId}`, image.url, now),
      env.DB.prepare(
        `INSERT INTO posts (id, slug, title, body_markdown, updated_at) VALUES (?, ?, 'Body post', ?, ?)`,
      ).bind(bodyPostId, `body-${bodyPostId}`, `Look: ![A shirt](${image.url}) nice`, now),
      env.DB.prepare(
        `INSERT INTO banners (id, placement, title, image_url, image_alt) VALUES (?, 'home-hero', 'Hero banner', ?, 'Alt')`,
      ).bind(bannerId, `${image.url}?v=2`), // a cache-busting query still names the image
      env.DB.prepare(
        `INSERT INTO landing_pages (id, slug, draft, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
      ).bind(draftPageId, `d-${draftPageId}`.toLowerCase(), pageJson('Draft page', image.url), now, now),
      // Live page: the draft no longer shows the image, the published revision still does.
      env.DB.prepare(
        `INSERT INTO landing_pages (id, slug, draft, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
      ).bind(
        livePageId,
        `l-${livePageId}`.toLowerCase(),
        pageJson('Live page', '/media/placeholder/x.svg'),
        now,
        now,
      ),
      env.DB.prepare(
        `INSERT INTO landing_page_revisions (id, page_id, number, content, created_at) VALUES (?, ?, 1, ?, ?)`,
      ).bind(liveRevision, livePageId, pageJson('Live page', image.url), now),
      env.DB.prepare('UPDATE landing_pages SET published_revision_id = ? WHERE id = ?').bind(
        liveRevision,
        livePageId,
      ),
      // Only an old revision (neither published nor replaced) shows it: history does not hold the image.
      env.DB.prepare(
        `INSERT INTO landing_pages (id, slug, draft, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
      ).bind(historyPageId, `h-${historyPageId}`.toLowerCase(), pageJson('History page', '/x.png'), now, now),
      env.DB.prepare(
        `INSERT INTO landing_page_revisions (id, page_id, number, content, created_at) VALUES (?, ?, 1, ?, ?)`,
      ).bind(oldRevision, historyPageId, pageJson('History page', image.url), now),
    ]);

    const refused = await api(`/api/admin/media/${image.id}`, { method: 'DELETE', cookie: content });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('Content-Type')).toContain('application/problem+json');
    const problem = (await refused.json()) as Problem;
    expect(problem.code).toBe('CONFLICT');
    expect(problem.meta?.uses).toEqual(
      expect.arrayContaining([
        { kind: 'post', id: postId, title: 'Cover post', editHref: `/admin/content/posts/${postId}` },
        { kind: 'post', id: bodyPostId, title: 'Body post', editHref: `/admin/content/posts/${bodyPostId}` },
        {
          kind: 'banner',
          id: bannerId,
          title: 'Hero banner',
          editHref: `/admin/content/banners/${bannerId}`,
        },
        {
          kind: 'page',
          id: draftPageId,
          title: 'Draft page',
          editHref: `/admin/content/pages/${draftPageId}`,
        },
        { kind: 'page', id: livePageId, title: 'Live page', editHref: `/admin/content/pages/${livePageId}` },
      ]),
    );
    expect(problem.meta?.uses).toHaveLength(5);
    expect((await SELF.fetch(`http://shop.test${image.url}`)).status).toBe(200);

    // The other image is used nowhere (its URL is not a prefix match of the first's).
    expect((await api(`/api/admin/media/${other.id}`, { method: 'DELETE', cookie: content })).status).toBe(
      204,
    );

    await env.DB.batch([
      env.DB.prepare('DELETE FROM posts WHERE id IN (?, ?)').bind(postId, bodyPostId),
      env.DB.prepare('DELETE FROM banners WHERE id = ?').bind(bannerId),
      env.DB.prepare('DELETE FROM landing_pages WHERE id IN (?, ?)').bind(draftPageId, livePageId),
    ]);
    const deleted = await api(`/api/admin/media/${image.id}`, { method: 'DELETE', cookie: content });
    expect(deleted.status).toBe(204);
    expect(await env.MEDIA.head(`library/${image.id}.png`)).toBeNull();
    expect((await SELF.fetch(`http://shop.test${image.url}`)).status).toBe(404);
    expect((await api(`/api/admin/media/${image.id}`, { method: 'DELETE', cookie: content })).status).toBe(
      404,
    );
  });
});
