/**
 * Products through the back-office API: create with option types and variants, replace keeping variants, bulk
 * actions, and the nasty input every edge must refuse with a 4xx problem (never a 500, never a partial write).
 */
import { env } from 'cloudflare:test';
import { createDb } from '@db/client';
import { orderLines, orders } from '@db/schema';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { api, createCustomer, createStaff, loginCookie } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';

type Problem = { status: number; code: string; errors?: { path: string; message: string }[] };
type Product = {
  id: string;
  slug: string;
  status: string;
  variants: {
    id: string;
    sku: string;
    price: number;
    options: Record<string, string>;
    onHand: number | null;
  }[];
};

let data: SeedData;
let admin: string;
let n = 0;

beforeAll(async () => {
  data = await seedSmallStore();
  admin = await loginCookie('staff', await createStaff(['admin']));
});

/** A valid product body with two option types (2 × 2 variants) and fresh slug and SKUs. */
function draft(overrides: Record<string, unknown> = {}) {
  const k = `${Date.now().toString(36)}${++n}`;
  const combos = [
    ['S', 'Navy'],
    ['S', 'Sand'],
    ['M', 'Navy'],
    ['M', 'Sand'],
  ];
  return {
    name: `Test Tee ${k}`,
    slug: `test-tee-${k}`,
    description: '**Soft** cotton.',
    categoryId: data.categories[0]!.id,
    tags: ['cotton'],
    attributes: [{ name: 'Material', value: 'Cotton' }],
    options: [
      { name: 'Size', values: ['S', 'M'] },
      { name: 'Colour', values: ['Navy', 'Sand'] },
    ],
    variants: combos.map(([size, colour]) => ({
      options: { Size: size, Colour: colour },
      sku: `TT-${k}-${size}-${colour}`.toUpperCase(),
      price: 2500,
    })),
    ...overrides,
  };
}

async function create(body: unknown = draft()) {
  const res = await api('/api/admin/products', { cookie: admin, body });
  return { res, json: (await res.json()) as Product & Problem };
}

describe('create and read', () => {
  it('creates a product with its variants, stock rows at 0 and the Size/Colour facet copies', async () => {
    const { res, json } = await create();
    expect(res.status).toBe(201);
    expect(json.variants).toHaveLength(4);
    expect(json.variants.every((v) => v.onHand === 0)).toBe(true);
    const got = await api(`/api/admin/products/${json.id}`, { cookie: admin });
    expect(got.status).toBe(200);
    const rows = await env.DB.prepare(
      'select size, colour from product_variants where product_id = ? order by position',
    )
      .bind(json.id)
      .all();
    expect(rows.results[1]).toEqual({ size: 'S', colour: 'Sand' });
    const audit = await env.DB.prepare(
      "select count(*) as n from audit_log where action = 'product.create' and entity_id = ?",
    )
      .bind(json.id)
      .first<{ n: number }>();
    expect(audit?.n).toBe(1);
  });

  it('lists drafts by word search, by exact SKU and by status', async () => {
    const body = draft({ name: 'Zebra Quokka Jacket' });
    const { json } = await create(body);
    const byWord = (await (await api('/api/admin/products?q=quokka', { cookie: admin })).json()) as {
      items: { id: string }[];
    };
    expect(byWord.items.map((i) => i.id)).toContain(json.id);
    const bySku = (await (
      await api(`/api/admin/products?q=${body.variants[0]!.sku}&status=draft`, { cookie: admin })
    ).json()) as { items: { id: string }[]; total: number };
    expect(bySku.items.map((i) => i.id)).toEqual([json.id]);
    const hostile = await api(`/api/admin/products?q=${encodeURIComponent('"NEAR(* OR name:')}`, {
      cookie: admin,
    });
    expect(hostile.status).toBe(200);
  });
});

describe('nasty input', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['an unknown field', { colourway: 'x' }],
    ['a negative price', { variants: [{ options: { Size: 'S', Colour: 'Navy' }, sku: 'NEG-1', price: -1 }] }],
    ['a huge price', { variants: [{ options: { Size: 'S', Colour: 'Navy' }, sku: 'HUGE-1', price: 1e12 }] }],
    [
      'a fractional price',
      { variants: [{ options: { Size: 'S', Colour: 'Navy' }, sku: 'FR-1', price: 9.99 }] },
    ],
    [
      'four option types',
      { options: ['A', 'B', 'C', 'D'].map((name) => ({ name, values: ['x'] })), variants: [] },
    ],
    ['a bad slug', { slug: 'Bad Slug!' }],
    ['a bad SKU', { variants: [{ options: { Size: 'S', Colour: 'Navy' }, sku: 'has space', price: 1 }] }],
    [
      'an unknown option value',
      { variants: [{ options: { Size: 'XL', Colour: 'Navy' }, sku: 'XL-1', price: 1 }] },
    ],
    ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
    ['a description over 20k', { description: 'x'.repeat(20_001) }],
  ];
  it.each(cases)('refuses %s with 400 and field errors', async (_, overrides) => {
    const { res, json } = await create(draft(overrides));
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(json.code).toBe('VALIDATION_FAILED');
    expect(json.errors?.length).toBeGreaterThan(0);
  });

  it('refuses a duplicate slug and a SKU of another product with 409 and the fields, writing nothing', async () => {
    const first = await create();
    const clash = draft({ slug: first.json.slug });
    const { res, json } = await create(clash);
    expect(res.status).toBe(409);
    expect(json.errors?.map((e) => e.path)).toEqual(['slug']);
    const other = draft();
    other.variants[2]!.sku = first.json.variants[0]!.sku;
    const second = await create(other);
    expect(second.res.status).toBe(409);
    expect(second.json.errors?.map((e) => e.path)).toEqual(['variants.2.sku']);
    const leaked = await env.DB.prepare('select count(*) as n from products where slug = ?')
      .bind(other.slug)
      .first<{ n: number }>();
    expect(leaked?.n).toBe(0);
  });

  it('refuses an unknown category (400) and an active product without variants', async () => {
    const { res, json } = await create(draft({ categoryId: newId('category') }));
    expect(res.status).toBe(400);
    expect(json.errors?.[0]?.path).toBe('categoryId');
    const empty = await create(draft({ options: [], variants: [], status: 'active' }));
    expect(empty.res.status).toBe(400);
  });

  it('unauthenticated is 401; a content manager may read but not write (403); a customer cookie is 401', async () => {
    expect((await api('/api/admin/products', { body: draft() })).status).toBe(401);
    const content = await loginCookie('staff', await createStaff(['content']));
    expect((await api('/api/admin/products', { cookie: content })).status).toBe(200);
    expect((await api('/api/admin/products', { cookie: content, body: draft() })).status).toBe(403);
    const customer = await loginCookie('customer', await createCustomer());
    expect((await api('/api/admin/products', { cookie: customer })).status).toBe(401);
  });
});

describe('replace', () => {
  it('keeps variants by id, adds and removes others, refuses an id of another product', async () => {
    const { json } = await create();
    const body = draft({ slug: json.slug, name: 'Renamed' });
    body.options = [{ name: 'Size', values: ['S', 'M', 'L'] }];
    const keep = json.variants[0]!;
    body.variants = [
      { id: keep.id, options: { Size: 'S' }, sku: keep.sku, price: 3000 } as never,
      { options: { Size: 'L' }, sku: `${keep.sku}-L`, price: 3100 } as never,
    ];
    const res = await api(`/api/admin/products/${json.id}`, { method: 'PUT', cookie: admin, body });
    expect(res.status).toBe(200);
    const after = (await res.json()) as Product;
    expect(after.variants.map((v) => [v.id === keep.id, v.price, v.options])).toEqual([
      [true, 3000, { Size: 'S' }],
      [false, 3100, { Size: 'L' }],
    ]);
    const stranger = (await create()).json.variants[0]!;
    body.variants = [{ id: stranger.id, options: { Size: 'S' }, sku: 'ZZ-1', price: 1 } as never];
    const refused = await api(`/api/admin/products/${json.id}`, { method: 'PUT', cookie: admin, body });
    expect(refused.status).toBe(400);
    const missing = await api(`/api/admin/products/${newId('product')}`, {
      method: 'PUT',
      cookie: admin,
      body,
    });
    expect(missing.status).toBe(404);
  });
});

describe('bulk actions', () => {
  it('publishes, moves and deletes; a product some order refers to is archived instead of deleted', async () => {
    const a = (await create()).json;
    const b = (await create()).json;
    const empty = (await create(draft({ options: [], variants: [] }))).json;
    const publish = await api('/api/admin/products/bulk', {
      cookie: admin,
      body: { action: 'publish', ids: [a.id, b.id, empty.id, newId('product')] },
    });
    expect(publish.status).toBe(200);
    const outcome = (await publish.json()) as {
      done: string[];
      skipped: { id: string }[];
      notFound: string[];
    };
    expect(outcome.done.sort()).toEqual([a.id, b.id].sort());
    expect(outcome.skipped.map((s) => s.id)).toEqual([empty.id]);
    expect(outcome.notFound).toHaveLength(1);
    // The shop shows it now.
    expect((await api(`/api/products/${a.slug}`)).status).toBe(200);

    const category = data.categories[1]!.id;
    const move = await api('/api/admin/products/bulk', {
      cookie: admin,
      body: { action: 'setCategory', ids: [a.id], categoryId: category },
    });
    expect(move.status).toBe(200);
    expect(
      (await api('/api/admin/products/bulk', { cookie: admin, body: { action: 'setCategory', ids: [a.id] } }))
        .status,
    ).toBe(400);

    const customer = await createCustomer();
    const orderId = newId('order');
    const db = createDb(env);
    await db.insert(orders).values({
      id: orderId,
      number: `T${Date.now()}`,
      customerId: customer.id,
      email: customer.email,
      status: 'processing',
      currency: 'USD',
      subtotalAmount: 2500,
      totalAmount: 2500,
      shippingAddress: '{}',
      shippingMethod: 'standard',
      placedAt: Date.now(),
      updatedAt: Date.now(),
    });
    await db.insert(orderLines).values({
      id: newId('orderLine'),
      orderId,
      sku: b.variants[0]!.sku,
      productName: 'x',
      quantity: 1,
      unitAmount: 2500,
      lineTotalAmount: 2500,
    });
    const del = await api('/api/admin/products/bulk', {
      cookie: admin,
      body: { action: 'delete', ids: [a.id, b.id] },
    });
    const deleted = (await del.json()) as { done: string[]; archivedInstead: string[] };
    expect(deleted).toMatchObject({ done: [a.id], archivedInstead: [b.id] });
    expect((await api(`/api/admin/products/${a.id}`, { cookie: admin })).status).toBe(404);
    const kept = (await (await api(`/api/admin/products/${b.id}`, { cookie: admin })).json()) as Product;
    expect(kept.status).toBe('archived');
    const stock = await env.DB.prepare('select count(*) as n from inventory_levels where sku = ?')
      .bind(a.variants[0]!.sku)
      .first<{ n: number }>();
    expect(stock?.n).toBe(0);
  });

  it('refuses more than 100 ids and a bad action', async () => {
    const ids = Array.from({ length: 101 }, () => newId('product'));
    expect(
      (await api('/api/admin/products/bulk', { cookie: admin, body: { action: 'publish', ids } })).status,
    ).toBe(400);
    expect(
      (
        await api('/api/admin/products/bulk', {
          cookie: admin,
          body: { action: 'explode', ids: ids.slice(0, 1) },
        })
      ).status,
    ).toBe(400);
  });
});
