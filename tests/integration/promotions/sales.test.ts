/**
 * Catalog sales through the real Worker, D1 and Durable Objects: a live sale lowers the cart line, the checkout total
 * and the order line (what the shopper is charged), and the product card and page show was/now; an ended or future
 * sale changes nothing; the back office refuses overlapping sales (409), bad input (400) and content managers (403).
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { SeedData } from '@db/seed/generate';
import { money } from '@domain/pricing/money';
import { SaleInput, salePriceOf } from '@domain/pricing/promotions/sale-price';
import { createStaff, loginCookie } from '@tests/support/accounts';
import { jsonBody, newClient, seedSmallStore } from '@tests/support/workerd';
import { createApp } from '@worker/app';
import { VERSION_MEMO_MS } from '@worker/services/catalog/catalog-version';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, readyCheckout } from '../checkout/support';

const DAY = 86_400_000;
const api = newClient();
let data: SeedData;
let admin: string;
let content: string;

beforeAll(async () => {
  data = await seedSmallStore();
  const cookieFor = (role: 'admin' | 'content') => createStaff([role]).then((s) => loginCookie('staff', s));
  [admin, content] = await Promise.all([cookieFor('admin'), cookieFor('content')]);
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const as = (cookie: string, init: RequestInit) => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), Cookie: cookie },
});
const createSale = (body: Record<string, unknown>, cookie = admin) =>
  api('/api/admin/sales', as(cookie, jsonBody(body)));

/** Distinct products (so their sales never overlap), each with an in-stock SKU and its price. */
let productIndex = 0;
function nextProduct() {
  for (;;) {
    const product = data.products[productIndex++ % data.products.length]!;
    const variant = data.variants.find(
      (v) => v.productId === product.id && (data.inventory.find((l) => l.sku === v.sku)?.onHand ?? 0) >= 3,
    );
    if (variant) return { product, sku: variant.sku, price: variant.priceAmount };
  }
}

interface CartLine {
  sku: string;
  unitPrice: { amount: number };
  compareAtUnitPrice: { amount: number } | null;
  lineTotal: { amount: number };
}

describe('catalog sales', () => {
  it('charge the sale price while a sale is live, and the catalog price before and after it', async () => {
    const now = Date.now();
    const [live, ended, future] = [nextProduct(), nextProduct(), nextProduct()];
    const window = (from: number, to: number) => ({ startsAt: now + from * DAY, endsAt: now + to * DAY });
    for (const [target, w] of [
      [live, window(-1, 1)],
      [ended, window(-3, -1)],
      [future, window(1, 3)],
    ] as const) {
      const res = await createSale({
        name: 'Sale',
        basisPoints: 2500,
        productIds: [target.product.id],
        ...w,
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    await pause(VERSION_MEMO_MS + 50); // the isolate sees the sales' version bump

    const expected = salePriceOf(
      money(live.price, 'USD'),
      live.product.id,
      [],
      [
        {
          ...SaleInput.parse({
            name: 'x',
            basisPoints: 2500,
            productIds: [live.product.id],
            ...window(-1, 1),
          }),
          id: 's',
        },
      ],
      now,
    ).price.amount;
    expect(expected).toBeLessThan(live.price);

    const {
      api: shopper,
      cartId,
      checkoutId,
    } = await readyCheckout([
      { sku: live.sku, quantity: 2 },
      { sku: ended.sku, quantity: 1 },
      { sku: future.sku, quantity: 1 },
    ]);
    const cart = (await (await shopper(`/api/carts/${cartId}`)).json()) as {
      lines: CartLine[];
      subtotal: { amount: number };
    };
    const line = (sku: string) => cart.lines.find((l) => l.sku === sku)!;
    expect(line(live.sku)).toMatchObject({
      unitPrice: { amount: expected },
      compareAtUnitPrice: { amount: live.price },
      lineTotal: { amount: expected * 2 },
    });
    expect(line(ended.sku)).toMatchObject({ unitPrice: { amount: ended.price }, compareAtUnitPrice: null });
    expect(line(future.sku)).toMatchObject({ unitPrice: { amount: future.price }, compareAtUnitPrice: null });
    const subtotal = expected * 2 + ended.price + future.price;
    expect(cart.subtotal.amount).toBe(subtotal);

    const view = (await (await shopper(`/api/checkouts/${checkoutId}`)).json()) as {
      totals: Record<'subtotal' | 'discount' | 'shipping' | 'tax' | 'total', { amount: number }> & {
        taxIncluded: boolean;
      };
    };
    const t = view.totals;
    expect(t.subtotal.amount).toBe(subtotal);
    expect(t.total.amount).toBe(
      subtotal - t.discount.amount + t.shipping.amount + (t.taxIncluded ? 0 : t.tax.amount),
    );

    // The order keeps what was charged.
    expect((await placeOrder(shopper, checkoutId, 'success')).status).toBe(201);
    const ordered = await env.DB.prepare(
      'SELECT l.unit_amount, o.subtotal_amount, o.total_amount FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.checkout_id = ? AND l.sku = ?',
    )
      .bind(checkoutId, live.sku)
      .first<{ unit_amount: number; subtotal_amount: number; total_amount: number }>();
    expect(ordered).toEqual({
      unit_amount: expected,
      subtotal_amount: subtotal,
      total_amount: t.total.amount,
    });

    // The shop's catalog shows was/now for the live sale only.
    const card = async (slug: string) =>
      (await (await api(`/api/products/${slug}`)).json()) as {
        priceFrom: { amount: number };
        compareAtFrom: { amount: number } | null;
        variants: { sku: string; price: { amount: number }; compareAt: { amount: number } | null }[];
      };
    const shown = await card(live.product.slug);
    expect(shown.variants.find((v) => v.sku === live.sku)).toMatchObject({
      price: { amount: expected },
      compareAt: { amount: live.price },
    });
    expect(shown.compareAtFrom).not.toBeNull();
    // So does the offline snapshot (an offline add to cart takes its price).
    const snapshot = (await (await api('/api/catalog/snapshot')).json()) as {
      products: { id: string; priceFrom: { amount: number }; compareAtAmount: number | null }[];
    };
    const inSnapshot = snapshot.products.find((p) => p.id === live.product.id)!;
    expect(inSnapshot.priceFrom.amount).toBe(shown.priceFrom.amount);
    expect(inSnapshot.compareAtAmount).toBe(shown.compareAtFrom?.amount);
    expect(inSnapshot.compareAtAmount!).toBeGreaterThan(inSnapshot.priceFrom.amount);
    expect((await card(future.product.slug)).variants.find((v) => v.sku === future.sku)?.price.amount).toBe(
      future.price,
    );
  });

  it('write their start and end as schedule marks, and bump the catalog version', async () => {
    const version = async () =>
      (await env.DB.prepare('SELECT version FROM catalog_state WHERE id = 1').first<{ version: number }>())!
        .version;
    const before = await version();
    const startsAt = Date.now() + 5 * DAY;
    const res = await createSale({
      name: 'Marked',
      basisPoints: 1000,
      productIds: [nextProduct().product.id],
      startsAt,
      endsAt: startsAt + DAY,
    });
    const { id } = (await res.json()) as { id: string };
    const marks = await env.DB.prepare('SELECT at FROM schedule_marks WHERE owner_id = ? ORDER BY at')
      .bind(id)
      .all();
    expect(marks.results.map((m) => m.at)).toEqual([startsAt, startsAt + DAY]);
    expect(await version()).toBeGreaterThan(before);
  });

  it('change a cached catalog read exactly when they start, with no write at that moment', async () => {
    const app = createApp(async () => new Response('unused'), { build: crypto.randomUUID() });
    const get = async (path: string) => {
      const ctx = createExecutionContext();
      const res = await app.request(path, {}, env, ctx);
      const body = (await res.json()) as { variants: { sku: string; price: { amount: number } }[] };
      await waitOnExecutionContext(ctx);
      return { cache: res.headers.get('X-Cache'), body };
    };
    const target = nextProduct();
    const path = `/api/products/${target.product.slug}`;
    const priceIn = (r: Awaited<ReturnType<typeof get>>) =>
      r.body.variants.find((v) => v.sku === target.sku)!.price.amount;
    const startsAt = Date.now() + 3 * VERSION_MEMO_MS;
    const created = await createSale({
      name: 'Starts soon',
      basisPoints: 5000,
      productIds: [target.product.id],
      startsAt,
      endsAt: startsAt + DAY,
    });
    expect(created.status).toBe(201);
    await pause(VERSION_MEMO_MS + 50); // the write's own version bump is seen

    expect(priceIn(await get(path))).toBe(target.price);
    const kept = await get(path);
    expect(kept.cache).toBe('HIT');
    expect(priceIn(kept)).toBe(target.price);

    await pause(Math.max(0, startsAt - Date.now()) + VERSION_MEMO_MS + 50);
    const started = await get(path);
    expect(started.cache).toBe('MISS');
    const half = salePriceOf(
      money(target.price, 'USD'),
      target.product.id,
      [],
      [
        {
          ...SaleInput.parse({
            name: 'x',
            basisPoints: 5000,
            productIds: [target.product.id],
            startsAt,
            endsAt: startsAt + DAY,
          }),
          id: 's',
        },
      ],
      startsAt,
    );
    expect(priceIn(started)).toBe(half.price.amount);
  });

  it('refuse an overlapping sale (409), bad input (400) and a content manager (403)', async () => {
    const now = Date.now();
    const { product } = nextProduct();
    const body = {
      name: 'First',
      basisPoints: 1000,
      productIds: [product.id],
      startsAt: now + 10 * DAY,
      endsAt: now + 12 * DAY,
    };
    const first = await createSale(body);
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: string };

    const overlap = await createSale({
      ...body,
      name: 'Second',
      startsAt: now + 11 * DAY,
      endsAt: now + 13 * DAY,
    });
    expect(overlap.status).toBe(409);
    expect(overlap.headers.get('Content-Type')).toMatch(/application\/problem\+json/);
    expect(await overlap.json()).toMatchObject({ code: 'CONFLICT', meta: { saleId: id } });
    // Back to back is not an overlap (the end is exclusive).
    expect((await createSale({ ...body, startsAt: body.endsAt, endsAt: body.endsAt + DAY })).status).toBe(
      201,
    );

    for (const bad of [
      { ...body, endsAt: body.startsAt - 1 },
      { ...body, basisPoints: 10_001 },
      { ...body, basisPoints: -5 },
      { ...body, productIds: [] },
      { ...body, productIds: ['prod_01JD0000000000000000000000'] },
    ]) {
      const res = await createSale(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(((await res.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    }
    const patch = (body: unknown, cookie = admin) =>
      api(`/api/admin/sales/${id}`, as(cookie, { ...jsonBody(body), method: 'PATCH' }));
    expect((await patch({ endsAt: now })).status).toBe(400); // before the stored start

    expect((await createSale(body, content)).status).toBe(403);
    expect((await api('/api/admin/sales', as(content, {}))).status).toBe(403);
    expect((await patch({ active: false }, content)).status).toBe(403);

    const off = await patch({ active: false });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ active: false, state: 'off' });
    // A deactivated sale no longer blocks the dates.
    expect((await createSale({ ...body, name: 'Replacement' })).status).toBe(201);
    expect((await api(`/api/admin/sales/${id}`, as(admin, { method: 'DELETE' }))).status).toBe(204);
    expect((await api(`/api/admin/sales/${id}`, as(admin, {}))).status).toBe(404);
  });
});
