/**
 * Product images through the back-office API into R2 and out of /media: real PNG/JPEG/WebP bytes with their sizes,
 * a text file dressed as a JPEG refused (422), oversize refused (413), reorder, alt text, delete removing the object.
 */
import { env, SELF } from 'cloudflare:test';
import type { SeedData } from '@db/seed/generate';
import { api, createStaff, freshIp, loginCookie } from '@tests/support/accounts';
import { JPEG_16X16, PNG_3X2, WEBP_16X16 } from '@tests/support/fixtures/images';
import { seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';

type Image = { id: string; url: string; alt: string; width: number; height: number; position: number };

let data: SeedData;
let admin: string;
let productId: string;

beforeAll(async () => {
  data = await seedSmallStore();
  admin = await loginCookie('staff', await createStaff(['admin']));
  productId = data.products[0]!.id;
});

function upload(
  bytes: Uint8Array,
  opts: {
    type?: string;
    name?: string;
    alt?: string;
    cookie?: string;
    id?: string;
    extra?: Record<string, string>;
  } = {},
) {
  const form = new FormData();
  form.set(
    'file',
    new File([bytes as Uint8Array<ArrayBuffer>], opts.name ?? 'photo.jpg', {
      type: opts.type ?? 'image/jpeg',
    }),
  );
  if (opts.alt !== undefined) form.set('alt', opts.alt);
  for (const [k, v] of Object.entries(opts.extra ?? {})) form.set(k, v);
  return SELF.fetch(`http://shop.test/api/admin/products/${opts.id ?? productId}/images`, {
    method: 'POST',
    headers: {
      'CF-Connecting-IP': freshIp(),
      ...(opts.cookie === '' ? {} : { Cookie: opts.cookie ?? admin }),
    },
    body: form,
  });
}

describe('upload', () => {
  it('stores PNG, JPEG and WebP with their pixel sizes, whatever the client calls them; serves them immutable', async () => {
    const cases: [Uint8Array, string, [number, number], string][] = [
      [PNG_3X2, 'image/gif', [3, 2], 'png'],
      [JPEG_16X16, 'application/octet-stream', [16, 16], 'jpg'],
      [WEBP_16X16, 'image/png', [16, 16], 'webp'],
    ];
    for (const [bytes, claimed, [width, height], ext] of cases) {
      const res = await upload(bytes, { type: claimed, alt: 'Front view' });
      expect(res.status).toBe(201);
      const image = (await res.json()) as Image;
      expect(image).toMatchObject({ width, height, alt: 'Front view' });
      expect(image.url).toBe(`/media/products/${productId}/${image.id}.${ext}`);
      const served = await SELF.fetch(`http://shop.test${image.url}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      expect(served.headers.get('Content-Type')).toBe(ext === 'jpg' ? 'image/jpeg' : `image/${ext}`);
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
      const etag = served.headers.get('ETag')!;
      expect(etag).toBeTruthy();
      const again = await SELF.fetch(`http://shop.test${image.url}`, { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
    }
  });

  it('refuses text dressed as a JPEG (422), SVG (422), an oversize file (413), a missing file and unknown fields (400)', async () => {
    const text = new TextEncoder().encode('this is definitely not an image, just words pretending');
    const fake = await upload(text, { type: 'image/jpeg', name: 'cat.jpg' });
    expect(fake.status).toBe(422);
    expect(((await fake.json()) as { code: string }).code).toBe('INVALID_IMAGE');
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
    );
    expect((await upload(svg, { type: 'image/svg+xml' })).status).toBe(422);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG_3X2);
    expect((await upload(big)).status).toBe(413);
    const noFile = new FormData();
    noFile.set('alt', 'x');
    const missing = await SELF.fetch(`http://shop.test/api/admin/products/${productId}/images`, {
      method: 'POST',
      headers: { 'CF-Connecting-IP': freshIp(), Cookie: admin },
      body: noFile,
    });
    expect(missing.status).toBe(400);
    expect((await upload(PNG_3X2, { extra: { colour: 'red' } })).status).toBe(400);
    const listed = await env.MEDIA.list({ prefix: `products/${productId}/` });
    expect(listed.objects.every((o) => !o.key.endsWith('.svg'))).toBe(true);
  });

  it('401 without a session, 403 for a content manager, 404 for an unknown product', async () => {
    expect((await upload(PNG_3X2, { cookie: '' })).status).toBe(401);
    const content = await loginCookie('staff', await createStaff(['content']));
    expect((await upload(PNG_3X2, { cookie: content })).status).toBe(403);
    expect((await upload(PNG_3X2, { id: 'prod_01JAAAAAAAAAAAAAAAAAAAAAAA' })).status).toBe(404);
  });

  it('JSON to the upload route is refused and multipart elsewhere is 415', async () => {
    const asJson = await api(`/api/admin/products/${productId}/images`, {
      cookie: admin,
      body: { file: 'x' },
    });
    expect(asJson.status).toBeGreaterThanOrEqual(400);
    expect(asJson.status).toBeLessThan(500);
    const form = new FormData();
    form.set('file', new File([PNG_3X2 as Uint8Array<ArrayBuffer>], 'a.png'));
    const elsewhere = await SELF.fetch('http://shop.test/api/admin/categories', {
      method: 'POST',
      headers: { 'CF-Connecting-IP': freshIp(), Cookie: admin },
      body: form,
    });
    expect(elsewhere.status).toBe(415);
  });
});

describe('reorder, alt, delete', () => {
  it('reorders (every image once), edits alt, deletes the row and the R2 object', async () => {
    const id = data.products[1]!.id;
    const before = (await (await api(`/api/admin/products/${id}`, { cookie: admin })).json()) as {
      images: Image[];
    };
    const a = (await (await upload(PNG_3X2, { id })).json()) as Image;
    const b = (await (await upload(JPEG_16X16, { id })).json()) as Image;
    const all = [...before.images.map((i) => i.id), a.id, b.id];
    const reversed = [...all].reverse();
    const order = await api(`/api/admin/products/${id}/images/order`, {
      method: 'PUT',
      cookie: admin,
      body: { imageIds: reversed },
    });
    expect(order.status).toBe(200);
    const after = (await (await api(`/api/admin/products/${id}`, { cookie: admin })).json()) as {
      images: Image[];
    };
    expect(after.images.map((i) => i.id)).toEqual(reversed);
    const partial = await api(`/api/admin/products/${id}/images/order`, {
      method: 'PUT',
      cookie: admin,
      body: { imageIds: [a.id] },
    });
    expect(partial.status).toBe(400);

    const alt = await api(`/api/admin/products/${id}/images/${a.id}`, {
      method: 'PATCH',
      cookie: admin,
      body: { alt: 'Side view' },
    });
    expect(((await alt.json()) as Image).alt).toBe('Side view');

    const key = a.url.replace('/media/', '');
    expect(await env.MEDIA.head(key)).not.toBeNull();
    const del = await api(`/api/admin/products/${id}/images/${a.id}`, { method: 'DELETE', cookie: admin });
    expect(del.status).toBe(204);
    expect(await env.MEDIA.head(key)).toBeNull();
    expect((await SELF.fetch(`http://shop.test${a.url}`)).status).toBe(404);
    expect(
      (await api(`/api/admin/products/${id}/images/${a.id}`, { method: 'DELETE', cookie: admin })).status,
    ).toBe(404);
  });

  it('media paths that are not stored uploads are 404 without touching R2', async () => {
    for (const path of [
      '/media/products/../secret',
      '/media/products/x/y.png',
      `/media/products/${productId}/img_01JAAAAAAAAAAAAAAAAAAAAAAA.svg`,
    ]) {
      expect((await SELF.fetch(`http://shop.test${path}`)).status).toBe(404);
    }
  });
});
