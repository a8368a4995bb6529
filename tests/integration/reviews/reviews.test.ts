/**
 * Reviews through the API: one per product per customer, edits go back to moderation, verified purchase from the
 * order tables, nobody touches another's review, moderation by administrators and content managers (audit-logged),
 * the public list shows only published reviews with the star counts, posting is rate limited, bad input is a 4xx.
 */
import { env } from 'cloudflare:test';
import { createDb } from '@db/client';
import { orderLines, orders, products } from '@db/schema';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import type { OrderStatus } from '@domain/orders/order-status';
import { api, createCustomer, createStaff, loginCookie, type TestAccount } from '@tests/support/accounts';
import { startEarlyInWindow } from '@tests/support/limits';
import { seedSmallStore } from '@tests/support/workerd';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// Every customer here logs in through the real route (scrypt), so tests with many of them take a few seconds.
vi.setConfig({ testTimeout: 30_000 });

type OwnReview = {
  id: string;
  status: string;
  rating: number;
  title: string;
  body: string;
  verifiedPurchase: boolean;
  moderationNote: string | null;
  productSlug: string;
  authorName: string;
};
type PublicPage = {
  items: { id: string; body: string; verifiedPurchase: boolean }[];
  total: number;
  average: number | null;
  distribution: { stars: number; count: number }[];
};

let data: SeedData;
let admin: string;
/** A product no seeded review mentions, per test (so counts start at zero). */
let productIndex = 0;

beforeAll(async () => {
  data = await seedSmallStore();
  admin = await loginCookie('staff', await createStaff(['admin']));
});

function freshProduct() {
  const reviewed = new Set(data.reviews.map((r) => r.productId));
  const candidates = data.products.filter((p) => p.status === 'active' && !reviewed.has(p.id));
  const product = candidates[productIndex++ % candidates.length];
  if (!product) throw new Error('the seed has no unreviewed active product');
  return product;
}

async function shopper(): Promise<{ account: TestAccount; cookie: string }> {
  const account = await createCustomer();
  return { account, cookie: await loginCookie('customer', account) };
}

const put = (slug: string, cookie: string, body: unknown) =>
  api(`/api/account/reviews/${slug}`, { method: 'PUT', cookie, body });

async function write(
  slug: string,
  cookie: string,
  body: unknown = { rating: 4, title: 'Good', body: 'Nice.' },
) {
  const res = await put(slug, cookie, body);
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as OwnReview;
}

let orderNo = 0;
async function placeOrder(customerId: string, sku: string, status: OrderStatus) {
  const db = createDb(env);
  const now = Date.now();
  const id = newId('order');
  await db.batch([
    db.insert(orders).values({
      id,
      number: `R${Date.now().toString(36)}${++orderNo}`,
      customerId,
      email: 'x@example.com',
      status,
      currency: 'USD',
      subtotalAmount: 1000,
      totalAmount: 1000,
      shippingAddress: '{}',
      shippingMethod: 'standard',
      placedAt: now,
      updatedAt: now,
    }),
    db.insert(orderLines).values({
      id: newId('orderLine'),
      orderId: id,
      sku,
      productName: 'x',
      quantity: 1,
      unitAmount: 1000,
      lineTotalAmount: 1000,
    }),
  ]);
}

const publicPage = async (slug: string, page = 1) => {
  const res = await api(`/api/products/${slug}/reviews?page=${page}`);
  expect(res.status).toBe(200);
  return (await res.json()) as PublicPage;
};

describe('writing a review', () => {
  it('creates one review per product per customer; writing again edits it', async () => {
    const p = freshProduct();
    const { cookie } = await shopper();
    const first = await put(p.slug, cookie, { rating: 5, title: '  Great ', body: ' Love it ' });
    expect(first.status).toBe(201);
    const created = (await first.json()) as OwnReview;
    expect(created).toMatchObject({ status: 'pending', rating: 5, title: 'Great', body: 'Love it' });
    expect(created.authorName).toBe('Test S.');

    const second = await put(p.slug, cookie, { rating: 3, body: 'Changed my mind' });
    expect(second.status).toBe(200);
    const edited = (await second.json()) as OwnReview;
    expect(edited.id).toBe(created.id);
    expect(edited).toMatchObject({ rating: 3, title: '', body: 'Changed my mind' });

    const mine = (await (await api('/api/account/reviews', { cookie })).json()) as { items: OwnReview[] };
    expect(mine.items.map((r) => [r.id, r.productSlug])).toEqual([[created.id, p.slug]]);
  });

  it('sends an edited published review back to moderation, out of the public list', async () => {
    const p = freshProduct();
    const { cookie } = await shopper();
    const review = await write(p.slug, cookie);
    expect((await publicPage(p.slug)).total).toBe(0);
    expect(
      (await api(`/api/admin/reviews/${review.id}/approve`, { cookie: admin, method: 'POST' })).status,
    ).toBe(200);
    expect((await publicPage(p.slug)).items.map((r) => r.id)).toEqual([review.id]);

    const edited = await write(p.slug, cookie, { rating: 1, body: 'It broke.' });
    expect(edited.status).toBe('pending');
    expect((await publicPage(p.slug)).total).toBe(0);
    const [row] = await createDb(env).select().from(products).where(eq(products.id, p.id));
    expect(row).toMatchObject({ reviewCount: 0, ratingAvg: null });
  });

  it('is a verified purchase only when a paid, not cancelled or refunded, order holds the product', async () => {
    const p = freshProduct();
    const sku = data.variants.find((v) => v.productId === p.id)!.sku;
    const otherSku = data.variants.find((v) => v.productId !== p.id)!.sku;

    const buyer = await shopper();
    await placeOrder(buyer.account.id, sku, 'delivered');
    expect((await write(p.slug, buyer.cookie)).verifiedPurchase).toBe(true);

    for (const status of ['pending', 'cancelled', 'refunded'] as const) {
      const s = await shopper();
      await placeOrder(s.account.id, sku, status);
      await placeOrder(s.account.id, otherSku, 'delivered');
      expect((await write(p.slug, s.cookie)).verifiedPurchase, status).toBe(false);
    }

    // Bought after writing: the next edit marks it.
    const later = await shopper();
    expect((await write(p.slug, later.cookie)).verifiedPurchase).toBe(false);
    await placeOrder(later.account.id, sku, 'shipped');
    expect((await write(p.slug, later.cookie)).verifiedPurchase).toBe(true);
  });

  it('keeps markup as text: the API returns it as written, never as HTML', async () => {
    const p = freshProduct();
    const { cookie } = await shopper();
    const body = '<img src=x onerror=alert(1)>';
    expect((await write(p.slug, cookie, { rating: 2, title: '<b>bold</b>', body })).body).toBe(body);
  });
});

describe('another customer', () => {
  it('cannot edit or delete my review: they only ever reach their own', async () => {
    const p = freshProduct();
    const me = await shopper();
    const mine = await write(p.slug, me.cookie, { rating: 5, body: 'Mine' });
    const other = await shopper();
    expect(
      (await api(`/api/account/reviews/${p.slug}`, { method: 'DELETE', cookie: other.cookie })).status,
    ).toBe(404);
    const theirs = await write(p.slug, other.cookie, { rating: 1, body: 'Theirs' });
    expect(theirs.id).not.toBe(mine.id);
    const still = (await (await api('/api/account/reviews', { cookie: me.cookie })).json()) as {
      items: OwnReview[];
    };
    expect(still.items.map((r) => [r.id, r.body])).toEqual([[mine.id, 'Mine']]);

    expect(
      (await api(`/api/account/reviews/${p.slug}`, { method: 'DELETE', cookie: me.cookie })).status,
    ).toBe(204);
    expect(
      (await api(`/api/account/reviews/${p.slug}`, { method: 'DELETE', cookie: me.cookie })).status,
    ).toBe(404);
    const left = (await (await api('/api/account/reviews', { cookie: other.cookie })).json()) as {
      items: OwnReview[];
    };
    expect(left.items.map((r) => r.id)).toEqual([theirs.id]);
  });

  it('needs to be signed in to write, list or delete', async () => {
    const p = freshProduct();
    expect((await put(p.slug, '', { rating: 5, body: 'x' })).status).toBe(401);
    expect((await api('/api/account/reviews')).status).toBe(401);
    expect((await api(`/api/account/reviews/${p.slug}`, { method: 'DELETE' })).status).toBe(401);
  });
});

describe('moderation', () => {
  it('approve publishes, reject hides with a reason the author sees; both are audit-logged', async () => {
    const p = freshProduct();
    const a = await shopper();
    const b = await shopper();
    const good = await write(p.slug, a.cookie, { rating: 5, body: 'Lovely' });
    const bad = await write(p.slug, b.cookie, { rating: 1, body: 'Buy at other-shop.example' });

    const queue = (await (await api('/api/admin/reviews?status=pending', { cookie: admin })).json()) as {
      items: { id: string }[];
    };
    const ids = queue.items.map((r) => r.id);
    expect(ids).toContain(good.id);
    expect(ids.indexOf(good.id)).toBeLessThan(ids.indexOf(bad.id)); // oldest first

    const approved = await api(`/api/admin/reviews/${good.id}/approve`, { cookie: admin, method: 'POST' });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'published', moderatedAt: expect.any(Number) });
    expect(
      (await api(`/api/admin/reviews/${bad.id}/reject`, { cookie: admin, body: { reason: '  ' } })).status,
    ).toBe(400);
    const rejected = await api(`/api/admin/reviews/${bad.id}/reject`, {
      cookie: admin,
      body: { reason: 'Links to other shops are not allowed.' },
    });
    expect(rejected.status).toBe(200);

    const page = await publicPage(p.slug);
    expect(page.items.map((r) => r.id)).toEqual([good.id]);
    expect(page.average).toBe(5);
    expect(page.distribution).toEqual([
      { stars: 5, count: 1 },
      { stars: 4, count: 0 },
      { stars: 3, count: 0 },
      { stars: 2, count: 0 },
      { stars: 1, count: 0 },
    ]);
    const [row] = await createDb(env).select().from(products).where(eq(products.id, p.id));
    expect(row).toMatchObject({ reviewCount: 1, ratingAvg: 5 });

    const mine = (await (await api('/api/account/reviews', { cookie: b.cookie })).json()) as {
      items: OwnReview[];
    };
    expect(mine.items[0]).toMatchObject({
      status: 'rejected',
      moderationNote: 'Links to other shops are not allowed.',
    });

    const audit = (await (await api(`/api/admin/audit?entityId=${bad.id}`, { cookie: admin })).json()) as {
      items: { action: string; before: unknown; after: unknown }[];
    };
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      action: 'reviews.reject',
      before: { status: 'pending', moderationNote: null },
      after: { status: 'rejected', moderationNote: 'Links to other shops are not allowed.' },
    });
    const approvedAudit = (await (
      await api(`/api/admin/audit?entityId=${good.id}`, { cookie: admin })
    ).json()) as {
      items: { action: string }[];
    };
    expect(approvedAudit.items.map((i) => i.action)).toEqual(['reviews.approve']);
  });

  it('content managers may moderate; warehouse staff and customers may not', async () => {
    const p = freshProduct();
    const s = await shopper();
    const review = await write(p.slug, s.cookie);
    const warehouse = await loginCookie('staff', await createStaff(['warehouse']));
    expect((await api('/api/admin/reviews', { cookie: warehouse })).status).toBe(403);
    expect(
      (await api(`/api/admin/reviews/${review.id}/approve`, { cookie: warehouse, method: 'POST' })).status,
    ).toBe(403);
    expect(
      (await api(`/api/admin/reviews/${review.id}/approve`, { cookie: s.cookie, method: 'POST' })).status,
    ).toBe(401);
    const content = await loginCookie('staff', await createStaff(['content']));
    expect((await api('/api/admin/reviews', { cookie: content })).status).toBe(200);
    const res = await api(`/api/admin/reviews/${review.id}/approve`, { cookie: content, method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('published');
  });

  it('answers 404 for an unknown review and 400 for a bad status filter', async () => {
    expect(
      (await api(`/api/admin/reviews/${newId('review')}/approve`, { cookie: admin, method: 'POST' })).status,
    ).toBe(404);
    expect((await api('/api/admin/reviews?status=deleted', { cookie: admin })).status).toBe(400);
  });
});

describe('the public list', () => {
  it('pages newest first and is cacheable with an ETag', async () => {
    const p = freshProduct();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const s = await shopper();
      const r = await write(p.slug, s.cookie, { rating: (i % 5) + 1, body: `Review ${i}` });
      await api(`/api/admin/reviews/${r.id}/approve`, { cookie: admin, method: 'POST' });
      ids.push(r.id);
    }
    const first = await api(`/api/products/${p.slug}/reviews`);
    expect(first.headers.get('Cache-Control')).toContain('public');
    const etag = first.headers.get('ETag');
    expect(etag).toBeTruthy();
    expect(
      (await api(`/api/products/${p.slug}/reviews`, { headers: { 'If-None-Match': etag! } })).status,
    ).toBe(304);
    const one = (await first.json()) as PublicPage;
    const two = await publicPage(p.slug, 2);
    expect(one.total).toBe(12);
    expect([...one.items, ...two.items].map((r) => r.id)).toEqual([...ids].reverse());
    expect(one.average).toBeCloseTo((1 + 2 + 3 + 4 + 5 + 1 + 2 + 3 + 4 + 5 + 1 + 2) / 12);
    expect((await publicPage(p.slug, 3)).items).toEqual([]);
  });

  it('answers 404 for an unknown product and 400 for a bad page', async () => {
    expect((await api('/api/products/no-such-product/reviews')).status).toBe(404);
    const p = freshProduct();
    for (const page of ['0', '-1', 'x', '1.5', '99999']) {
      expect((await api(`/api/products/${p.slug}/reviews?page=${page}`)).status, page).toBe(400);
    }
    expect((await api(`/api/products/${p.slug}/reviews?sort=worst`)).status).toBe(400);
  });
});

describe('rate limit', () => {
  it('allows 5 review writes a minute per account, then 429 with Retry-After (from any address)', async () => {
    const p = freshProduct();
    const { cookie } = await shopper();
    await startEarlyInWindow(60, 20_000);
    for (let i = 0; i < 5; i++) await write(p.slug, cookie, { rating: 3, body: `Edit ${i}` });
    const refused = await put(p.slug, cookie, { rating: 3, body: 'One too many' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('60');
    expect(refused.headers.get('Content-Type')).toBe('application/problem+json');
  }, 90_000);
});

describe('bad input', () => {
  it('refuses bad ratings, unknown fields and overlong text with 400, writing nothing', async () => {
    const p = freshProduct();
    const { cookie } = await shopper();
    const bodies: unknown[] = [
      { rating: 0, body: 'x' },
      { rating: 6, body: 'x' },
      { rating: 2.5, body: 'x' },
      { rating: '5', body: 'x' },
      { rating: null, body: 'x' },
      { body: 'x' },
      { rating: 5, body: '' },
      { rating: 5, body: '   ' },
      { rating: 5, body: 'x'.repeat(10_000) },
      { rating: 5, body: 'x', title: 't'.repeat(121) },
      { rating: 5, body: 'x', status: 'published' },
      { rating: 5, body: 'x', verifiedPurchase: true },
      [5, 'x'],
      'five stars',
    ];
    for (const body of bodies) {
      const res = await put(p.slug, cookie, body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    }
    const mine = (await (await api('/api/account/reviews', { cookie })).json()) as { items: unknown[] };
    expect(mine.items).toEqual([]);
  });

  it('answers 404 for an unknown or inactive product', async () => {
    const { cookie } = await shopper();
    expect((await put('no-such-product', cookie, { rating: 5, body: 'x' })).status).toBe(404);
    expect((await put('x'.repeat(121), cookie, { rating: 5, body: 'x' })).status).toBe(400);
    const inactive = data.products.find((p) => p.status !== 'active');
    if (inactive) expect((await put(inactive.slug, cookie, { rating: 5, body: 'x' })).status).toBe(404);
  });
});
