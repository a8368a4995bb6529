/** Categories (a tree without loops, deleted only when empty) and collections through the back-office API. */
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { api, createStaff, loginCookie } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';

let data: SeedData;
let admin: string;
let n = 0;
const slug = (p: string) => `${p}-${Date.now().toString(36)}-${++n}`;

beforeAll(async () => {
  data = await seedSmallStore();
  admin = await loginCookie('staff', await createStaff(['admin']));
});

async function category(body: Record<string, unknown>) {
  const res = await api('/api/admin/categories', {
    cookie: admin,
    body: { name: 'Cat', slug: slug('cat'), ...body },
  });
  return { res, json: (await res.json()) as { id: string; code?: string; errors?: { path: string }[] } };
}

describe('categories', () => {
  it('builds a tree and refuses loops', async () => {
    const top = (await category({})).json;
    const child = (await category({ parentId: top.id })).json;
    const grandchild = (await category({ parentId: child.id })).json;
    const loop = await api(`/api/admin/categories/${top.id}`, {
      method: 'PUT',
      cookie: admin,
      body: { name: 'Top', slug: slug('top'), parentId: grandchild.id },
    });
    expect(loop.status).toBe(409);
    const self = await api(`/api/admin/categories/${top.id}`, {
      method: 'PUT',
      cookie: admin,
      body: { name: 'Top', slug: slug('top'), parentId: top.id },
    });
    expect(self.status).toBe(409);
    const list = (await (await api('/api/admin/categories', { cookie: admin })).json()) as {
      items: { id: string; parentId: string | null }[];
    };
    expect(list.items.find((c) => c.id === grandchild.id)?.parentId).toBe(child.id);
  });

  it('refuses a duplicate slug, an unknown parent and unknown fields', async () => {
    const taken = data.categories[0]!.slug;
    const dup = await category({ slug: taken });
    expect(dup.res.status).toBe(409);
    expect(dup.json.errors?.[0]?.path).toBe('slug');
    expect((await category({ parentId: newId('category') })).res.status).toBe(400);
    expect((await category({ colour: 'red' })).res.status).toBe(400);
  });

  it('deletes an empty category, refuses one with products or subcategories', async () => {
    const used = await api(`/api/admin/categories/${data.categories[0]!.id}`, {
      method: 'DELETE',
      cookie: admin,
    });
    expect(used.status).toBe(409);
    const parent = (await category({})).json;
    await category({ parentId: parent.id });
    expect(
      (await api(`/api/admin/categories/${parent.id}`, { method: 'DELETE', cookie: admin })).status,
    ).toBe(409);
    const lone = (await category({})).json;
    expect((await api(`/api/admin/categories/${lone.id}`, { method: 'DELETE', cookie: admin })).status).toBe(
      204,
    );
    expect((await api(`/api/admin/categories/${lone.id}`, { method: 'DELETE', cookie: admin })).status).toBe(
      404,
    );
  });

  it('a warehouse role may list but not change categories', async () => {
    const warehouse = await loginCookie('staff', await createStaff(['warehouse']));
    expect((await api('/api/admin/categories', { cookie: warehouse })).status).toBe(200);
    expect(
      (await api('/api/admin/categories', { cookie: warehouse, body: { name: 'X', slug: slug('x') } }))
        .status,
    ).toBe(403);
  });
});

describe('collections', () => {
  it('creates, sets products in order, refuses unknown products, deletes', async () => {
    const created = await api('/api/admin/collections', {
      cookie: admin,
      body: { name: 'Gifts', slug: slug('gifts'), featured: true },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const ids = [data.products[2]!.id, data.products[0]!.id];
    const set = await api(`/api/admin/collections/${id}/products`, {
      method: 'PUT',
      cookie: admin,
      body: { productIds: ids },
    });
    expect(set.status).toBe(200);
    const got = (await (await api(`/api/admin/collections/${id}`, { cookie: admin })).json()) as {
      products: { id: string }[];
    };
    expect(got.products.map((p) => p.id)).toEqual(ids);
    const bad = await api(`/api/admin/collections/${id}/products`, {
      method: 'PUT',
      cookie: admin,
      body: { productIds: [newId('product')] },
    });
    expect(bad.status).toBe(400);
    const dup = await api('/api/admin/collections', {
      cookie: admin,
      body: {
        name: 'Again',
        slug: (
          (await (await api(`/api/admin/collections/${id}`, { cookie: admin })).json()) as { slug: string }
        ).slug,
      },
    });
    expect(dup.status).toBe(409);
    expect((await api(`/api/admin/collections/${id}`, { method: 'DELETE', cookie: admin })).status).toBe(204);
    expect((await api(`/api/admin/collections/${id}`, { cookie: admin })).status).toBe(404);
  });
});

describe('counts', () => {
  it('lists each category with its number of products and each collection with its products', async () => {
    const list = (await (await api('/api/admin/categories', { cookie: admin })).json()) as {
      items: { id: string; productCount: number }[];
    };
    const expected = data.products.filter((p) => p.categoryId === data.categories[0]!.id).length;
    expect(expected).toBeGreaterThan(0);
    expect(list.items.find((c) => c.id === data.categories[0]!.id)?.productCount).toBe(expected);
  });
});
