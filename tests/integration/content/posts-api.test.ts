/** Blog posts through the back-office API: writes, refusals (fields, sizes, slugs, dates, products), permissions. */
import type { SeedData } from '@db/seed/generate';
import { api, createStaff, loginCookie } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';

let data: SeedData;
let content: string;
let n = 0;
const slug = (p: string) => `${p}-${Date.now().toString(36)}-${++n}`;

interface PostJson {
  id: string;
  slug: string;
  status: string;
  publishedAt: number | null;
  tags: string[];
  products: { id: string }[];
  coverAlt: string;
  code?: string;
  errors?: { path: string }[];
}

beforeAll(async () => {
  data = await seedSmallStore();
  content = await loginCookie('staff', await createStaff(['content']));
});

async function create(body: Record<string, unknown>, cookie = content) {
  const res = await api('/api/admin/posts', {
    cookie,
    body: { title: 'A post', slug: slug('post'), bodyMarkdown: 'Hello', ...body },
  });
  return { res, json: (await res.json()) as PostJson };
}

describe('admin posts API', () => {
  it('creates a post with normalised tags, related products by SKU, slug or id, and a cover', async () => {
    const [a, b] = data.products;
    const sku = data.variants.find((v) => v.productId === b!.id)!.sku;
    const { res, json } = await create({
      tags: ['Slow Fashion', 'slow fashion', 'Wool'],
      relatedProducts: [a!.slug, sku, a!.id],
      cover: { url: '/media/placeholder/x.svg', alt: 'A folded jumper' },
      status: 'published',
    });
    expect(res.status).toBe(201);
    expect(json.tags).toEqual(['slow-fashion', 'wool']);
    expect(json.products.map((p) => p.id)).toEqual([a!.id, b!.id]);
    expect(json.coverAlt).toBe('A folded jumper');
    expect(json.status).toBe('published');
    expect(json.publishedAt).toBeGreaterThan(Date.now() - 60_000);

    const got = await api(`/api/admin/posts/${json.id}`, { cookie: content });
    expect(got.status).toBe(200);
    expect(((await got.json()) as PostJson).slug).toBe(json.slug);
    const list = (await (await api('/api/admin/posts', { cookie: content })).json()) as { items: PostJson[] };
    expect(list.items.map((p) => p.id)).toContain(json.id);
  });

  it('updates (replacing tags and products) and deletes', async () => {
    const { json } = await create({ tags: ['one'], relatedProducts: [data.products[0]!.slug] });
    const put = await api(`/api/admin/posts/${json.id}`, {
      method: 'PUT',
      cookie: content,
      body: { title: 'Changed', slug: json.slug, bodyMarkdown: 'x', tags: ['two'] },
    });
    expect(put.status).toBe(200);
    const changed = (await put.json()) as PostJson;
    expect(changed.tags).toEqual(['two']);
    expect(changed.products).toEqual([]);
    expect((await api(`/api/admin/posts/${json.id}`, { method: 'DELETE', cookie: content })).status).toBe(
      204,
    );
    expect((await api(`/api/admin/posts/${json.id}`, { cookie: content })).status).toBe(404);
    expect((await api(`/api/admin/posts/${json.id}`, { method: 'DELETE', cookie: content })).status).toBe(
      404,
    );
  });

  it('refuses unknown fields, huge strings, a cover without alt and unknown products, writing nothing', async () => {
    const taken = slug('refused');
    const cases: [Record<string, unknown>, number, string?][] = [
      [{ colour: 'red' }, 400],
      [{ title: 'x'.repeat(201) }, 400],
      [{ bodyMarkdown: 'x'.repeat(100_001) }, 413],
      [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 400],
      [{ cover: { url: '/media/a.jpg', alt: '' } }, 400],
      [{ cover: { url: 'https://evil.example/a.jpg', alt: 'x' } }, 400],
      [{ relatedProducts: ['no-such-product'] }, 400, 'relatedProducts.0'],
    ];
    for (const [body, status, path] of cases) {
      const { res, json } = await create({ slug: taken, ...body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      if (path) expect(json.errors?.map((e) => e.path)).toContain(path);
    }
    const list = (await (await api('/api/admin/posts', { cookie: content })).json()) as { items: PostJson[] };
    expect(list.items.some((p) => p.slug === taken)).toBe(false);
  });

  it('answers 409 for a slug another post uses, on create and on update', async () => {
    const first = (await create({})).json;
    const dup = await create({ slug: first.slug });
    expect(dup.res.status).toBe(409);
    expect(dup.json.errors?.[0]?.path).toBe('slug');
    const other = (await create({})).json;
    const put = await api(`/api/admin/posts/${other.id}`, {
      method: 'PUT',
      cookie: content,
      body: { title: 'x', slug: first.slug, bodyMarkdown: 'x' },
    });
    expect(put.status).toBe(409);
  });

  it('answers 422 for a date that does not exist or is out of range', async () => {
    for (const publishedAt of ['2026-02-30T10:00', 'next tuesday', '1999-01-01', '2090-01-01']) {
      const { res, json } = await create({ status: 'published', publishedAt });
      expect(res.status, publishedAt).toBe(422);
      expect(json.code).toBe('INVALID_DATE');
    }
  });

  it('lets a content manager in, a warehouse role not, and an anonymous caller gets 401', async () => {
    const warehouse = await loginCookie('staff', await createStaff(['warehouse']));
    expect((await api('/api/admin/posts', { cookie: warehouse })).status).toBe(403);
    expect((await create({}, warehouse)).res.status).toBe(403);
    expect((await api('/api/admin/posts')).status).toBe(401);
    expect((await api('/api/admin/posts', { body: { title: 'x' } })).status).toBe(401);
    expect((await api('/api/admin/posts', { cookie: content })).status).toBe(200);
  });
});
