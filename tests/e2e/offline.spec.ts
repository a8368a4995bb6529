/** Offline e2e: the service worker serves visited pages and the offline page, and the Dexie outbox replays to the API. */
import { expect, type Page, test } from '@playwright/test';
import { build } from 'esbuild';

interface ProductSummary {
  slug: string;
  name: string;
}
interface ProductDetail {
  name: string;
  variants: Array<{ sku: string }>;
}

/** A product the seed always has, with the name its page shows as <h1>. */
async function firstProduct(page: Page): Promise<ProductDetail & { slug: string }> {
  const list = await page.request.get('/api/products?limit=1');
  expect(list.status()).toBe(200);
  const [summary] = ((await list.json()) as { items: ProductSummary[] }).items;
  expect(summary).toBeDefined();
  const detail = await page.request.get(`/api/products/${summary!.slug}`);
  return { ...((await detail.json()) as ProductDetail), slug: summary!.slug };
}

/** Waits until the SW controls the page (skipWaiting + clientsClaim make this happen on the first visit). */
async function waitForController(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20_000 });
}

/** Waits until the SW has stored `path` in the pages cache (NetworkFirst writes after answering). */
async function waitForCachedPage(page: Page, path: string) {
  await page.waitForFunction(
    async (url) => Boolean(await (await caches.open('pages-v1')).match(url)),
    new URL(path, page.url()).href,
    { timeout: 10_000 },
  );
}

test('a visited page reloads offline; an unvisited one shows the offline page', async ({ page, context }) => {
  const product = await firstProduct(page);
  await page.goto('/');
  await waitForController(page);

  // Navigations after the SW took control go through it and are kept.
  const productResponse = await page.goto(`/p/${product.slug}`);
  expect(productResponse?.status()).toBe(200);
  const productPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1, name: product.name })).toBeVisible();
  await waitForCachedPage(page, productPath);
  // Product images (/media/*) go cache-first into their own cache.
  await page.waitForFunction(async () => (await (await caches.open('media-v1')).keys()).length > 0);
  await page.goto('/');
  await waitForCachedPage(page, '/');

  await context.setOffline(true);
  try {
    await page.goto(productPath);
    await expect(page.getByRole('heading', { level: 1, name: product.name })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: product.name })).toBeVisible();
    await page.goto('/');
    await expect(page.locator('body')).not.toContainText("You're offline");

    await page.goto('/c/never-visited-category/');
    await expect(page.getByRole('heading', { name: "You're offline" })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Try again' })).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
});

test('the catalogue API is served stale-while-revalidate; carts are never cached', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForController(page);
  const online = await page.evaluate(async () => (await fetch('/api/products?limit=3')).status);
  expect(online).toBe(200);
  await page.waitForFunction(async () => (await caches.keys()).includes('catalog-v1'));

  await context.setOffline(true);
  try {
    const offline = await page.evaluate(async () => {
      const res = await fetch('/api/products?limit=3');
      return { status: res.status, items: ((await res.json()) as { items: unknown[] }).items.length };
    });
    expect(offline).toEqual({ status: 200, items: 3 });
    const cart = await page.evaluate(() =>
      fetch('/api/carts/cart_01JD0000000000000000000000').then(
        (r) => r.status,
        () => 'network-error',
      ),
    );
    expect(cart).toBe('network-error');
  } finally {
    await context.setOffline(false);
  }
  const cachedCartUrls = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls.filter((url) => url.includes('/api/carts'));
  });
  expect(cachedCartUrls).toEqual([]);
});

/** Bundles the real offline modules for the page, exposed as globalThis.edgeshopOffline. */
async function offlineBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import * as db from './app/lib/offline/db';
        import * as outbox from './app/lib/offline/outbox';
        import { newId } from './domain/ids';
        globalThis.edgeshopOffline = { ...db, ...outbox, newId };`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

type OfflineApi = typeof import('../../app/lib/offline/db') &
  typeof import('../../app/lib/offline/outbox') & { newId: typeof import('../../domain/ids').newId };
declare global {
  var edgeshopOffline: OfflineApi;
}

test('the Dexie outbox stores a write offline and replays it once back online', async ({ page, context }) => {
  const product = await firstProduct(page);
  const sku = product.variants[0]!.sku;
  await page.goto('/');
  await waitForController(page); // SwRegister's task has run: its online/offline listeners are attached
  await page.evaluate(await offlineBundle());

  const cartId = await page.evaluate(async () => {
    const db = await edgeshopOffline.getDb();
    await db.cartLines.put({
      sku: 'SNAPSHOT-1',
      quantity: 2,
      addedAt: 1,
      unitPrice: { amount: 1250, currency: 'USD' },
    });
    return edgeshopOffline.newId('cart');
  });

  await context.setOffline(true);
  const queued = await page.evaluate(
    async ({ cartId, sku }) => {
      const entry = await edgeshopOffline.enqueue('cart.add', { cartId, sku, quantity: 2 });
      const report = await edgeshopOffline.flushOutbox();
      const db = await edgeshopOffline.getDb();
      return { entry, report, stored: await db.outbox.toArray(), line: await db.cartLines.get('SNAPSHOT-1') };
    },
    { cartId, sku },
  );
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  expect(queued.report).toMatchObject({ sent: 0, remaining: 1, halted: expect.stringMatching(/^network:/) });
  expect(queued.stored).toHaveLength(1);
  expect(queued.stored[0]).toMatchObject({
    id: queued.entry.id,
    kind: 'cart.add',
    payload: { cartId, sku, quantity: 2 },
    idempotencyKey: queued.entry.idempotencyKey,
    attempts: 1,
  });
  expect(queued.line).toMatchObject({ quantity: 2, unitPrice: { amount: 1250, currency: 'USD' } });

  // Back online: SwRegister's 'online' listener replays the outbox by itself.
  await context.setOffline(false);
  await page.waitForFunction(async () => (await (await edgeshopOffline.getDb()).outbox.count()) === 0, null, {
    timeout: 10_000,
  });
  // A second flush finds nothing: the write is not sent twice.
  expect(await page.evaluate(() => edgeshopOffline.flushOutbox())).toEqual({
    sent: 0,
    rejected: [],
    remaining: 0,
  });

  const cart = await page.request.get(`/api/carts/${cartId}`);
  expect(cart.status()).toBe(200);
  const body = (await cart.json()) as { lines: Array<{ sku: string; quantity: number }> };
  expect(body.lines).toEqual([expect.objectContaining({ sku, quantity: 2 })]);
});
