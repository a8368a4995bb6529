/** Offline e2e: the service worker serves visited pages and the offline page, and replays the Dexie outbox to the API. */

import { newId } from '@domain/core/ids';
import { expect, type Page, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { chooseInStockVariant } from '@tests/support/e2e/product-page';
import { ADMIN_STAFF, logInStaff } from '@tests/support/e2e/staff';
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
    async (url) => Boolean(await (await caches.open('pages-v3')).match(url)),
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

    // A product page never opened (listings and search get the offline catalogue: offline-browsing.spec.ts).
    await page.goto('/p/never-visited-product/');
    await expect(page.getByRole('heading', { name: "You're offline" })).toBeVisible();
    // Its one inline script (allowed by hash in public/_headers, not by 'unsafe-inline') points Try again here.
    await expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute(
      'href',
      /\/p\/never-visited-product\/$/,
    );
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

/** Puts one unit of an in-stock SKU into cart `cartId` through the API; the product's name. */
async function addInStockLine(page: Page, cartId: string): Promise<string> {
  const list = await page.request.get('/api/products?limit=8');
  for (const { slug } of ((await list.json()) as { items: ProductSummary[] }).items) {
    const product = (await (await page.request.get(`/api/products/${slug}`)).json()) as ProductDetail;
    for (const { sku } of product.variants) {
      const res = await page.request.post(`/api/carts/${cartId}/items`, { data: { sku, quantity: 1 } });
      if (res.ok()) return product.name;
    }
  }
  throw new Error('no in-stock SKU among the first products');
}

test("the cart is never kept on the device: offline, /cart shows the offline page, not the last shopper's cart", async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto('/');
  await waitForController(page);
  const cartId = newId('cart');
  const productName = await addInStockLine(page, cartId);
  await context.addCookies([{ name: 'cart_id', value: cartId, url: baseURL! }]);

  // Online, the shopper sees their cart, and Qwik City's client-side data for it (as a link click would fetch).
  const online = await page.goto('/cart');
  expect(online?.headers()['cache-control']).toBe('no-store');
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Items in your cart' })).toContainText(productName);
  const data = await page.evaluate(async () => {
    const res = await fetch('/cart/q-data.json');
    return { status: res.status, cacheControl: res.headers.get('Cache-Control') };
  });
  expect(data).toEqual({ status: 200, cacheControl: 'no-store' });
  // A page visited afterwards is kept, so the SW had every chance to keep the cart too.
  await page.goto('/');
  await waitForCachedPage(page, '/');

  // The next person on this device, offline.
  await context.setOffline(true);
  try {
    await page.goto('/cart');
    await expect(page.getByRole('heading', { name: "You're offline" })).toBeVisible();
    await expect(page.getByText(productName)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Your cart' })).toHaveCount(0);
    const offlineData = await page.evaluate(() =>
      fetch('/cart/q-data.json').then(
        (r) => r.text(),
        () => 'network-error',
      ),
    );
    expect(offlineData).toBe('network-error');
  } finally {
    await context.setOffline(false);
  }
});

test('ending a session on the device (clear-user-caches) deletes the kept pages', async ({
  page,
  context,
}) => {
  const product = await firstProduct(page);
  await page.goto('/');
  await waitForController(page);
  await page.goto(`/p/${product.slug}`);
  const productPath = new URL(page.url()).pathname;
  await waitForCachedPage(page, productPath);

  await page.evaluate(await offlineBundle());
  await page.evaluate(() => edgeshopOffline.endSessionOnDevice());
  expect(await page.evaluate(async () => (await caches.keys()).includes('pages-v3'))).toBe(false);

  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByRole('heading', { name: "You're offline" })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: product.name })).toHaveCount(0);
  } finally {
    await context.setOffline(false);
  }
});

/** Bundles the real offline modules for the page, exposed as globalThis.edgeshopOffline. */
async function offlineBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import * as db from './app/lib/offline/db';
        import * as outbox from './app/lib/offline/outbox';
        import { endSessionOnDevice } from './app/lib/offline/sw-messages';
        import { newId } from './domain/core/ids';
        globalThis.edgeshopOffline = { ...db, ...outbox, newId, endSessionOnDevice };`,
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

type OfflineApi = typeof import('~/lib/offline/db') &
  typeof import('~/lib/offline/outbox') & {
    newId: typeof import('@domain/core/ids').newId;
    endSessionOnDevice: typeof import('~/lib/offline/sw-messages').endSessionOnDevice;
  };
declare global {
  var edgeshopOffline: OfflineApi;
}

test('a write queued offline is replayed by the service worker once back online, exactly once', async ({
  page,
  context,
}) => {
  const product = await firstProduct(page);
  const sku = product.variants[0]!.sku;
  await page.goto('/');
  await waitForController(page); // SwRegister's task has run: its online/offline listeners are attached
  await page.evaluate(await offlineBundle());

  const cartId = await page.evaluate(async () => {
    // Reports the SW posts after each replay, for the assertions below.
    const flushed: unknown[] = [];
    Object.assign(globalThis, { flushed });
    navigator.serviceWorker.addEventListener('message', (event) => flushed.push(event.data));
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
      const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
        sync: { getTags(): Promise<string[]> };
      };
      const db = await edgeshopOffline.getDb();
      return {
        entry,
        syncTags: await registration.sync.getTags(),
        stored: await db.outbox.toArray(),
        line: await db.cartLines.get('SNAPSHOT-1'),
      };
    },
    { cartId, sku },
  );
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  expect(queued.syncTags).toContain('outbox');
  expect(queued.stored).toHaveLength(1);
  expect(queued.stored[0]).toMatchObject({
    id: queued.entry.id,
    kind: 'cart.add',
    payload: { cartId, sku, quantity: 2 },
    idempotencyKey: queued.entry.idempotencyKey,
    attempts: 0, // the browser holds the sync until it is online again
  });
  expect(queued.line).toMatchObject({ quantity: 2, unitPrice: { amount: 1250, currency: 'USD' } });

  // Back online: the SW replays the outbox (Background Sync, or the message SwRegister posts on 'online').
  await context.setOffline(false);
  // The report comes from the SW: the page itself has no replay code any more.
  await page.waitForFunction(
    () =>
      (
        globalThis as unknown as { flushed: Array<{ type?: string; report?: { sent: number } }> }
      ).flushed.some((message) => message.type === 'outbox-flushed' && message.report?.sent === 1),
    null,
    { timeout: 10_000 },
  );
  expect(await page.evaluate(async () => (await edgeshopOffline.getDb()).outbox.count())).toBe(0);

  const cart = await page.request.get(`/api/carts/${cartId}`);
  expect(cart.status()).toBe(200);
  const body = (await cart.json()) as { lines: Array<{ sku: string; quantity: number }> };
  // Quantity 2, not 4: however many replays ran (sync and message), the server applied the write once.
  expect(body.lines).toEqual([expect.objectContaining({ sku, quantity: 2 })]);
});

/** A product as GET /api/products/{slug} returns it, with each variant's options. */
interface ProductWithOptions {
  name: string;
  variants: Array<{ sku: string; size: string | null; colour: string | null }>;
}

test('Add to cart offline queues the line, then the service worker adds it to the cart exactly once', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForController(page); // the SW controls the page, so Qwik's chunks come from its precache offline
  const list = await page.request.get('/api/products?limit=8');
  const slugs = ((await list.json()) as { items: ProductSummary[] }).items.map((p) => p.slug);

  // A product with an in-stock variant (the seed sells out some SKUs on purpose), opened online.
  let product: ProductWithOptions | null = null;
  for (const slug of slugs) {
    await page.goto(`/p/${slug}`);
    if (await chooseInStockVariant(page)) {
      product = (await (await page.request.get(`/api/products/${slug}`)).json()) as ProductWithOptions;
      break;
    }
  }
  expect(product, 'a product with an in-stock variant').not.toBeNull();
  await expect(page.getByRole('heading', { level: 1, name: product!.name })).toBeVisible();
  await page.evaluate(await offlineBundle());
  await page.evaluate(() => {
    const flushed: unknown[] = [];
    Object.assign(globalThis, { flushed });
    navigator.serviceWorker.addEventListener('message', (event) => flushed.push(event.data));
  });

  await context.setOffline(true);
  let sku = '';
  try {
    const chosen = await chooseInStockVariant(page); // the picker's handlers load from the SW's precache
    expect(chosen).not.toBeNull();
    sku = product!.variants.find(
      (v) => (v.size ?? '') === chosen!.size && (v.colour ?? '') === chosen!.colour,
    )!.sku;
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: "Saved offline — it will be added to your cart when you're back online." }),
    ).toBeVisible();

    const stored = await page.evaluate(async () => {
      const db = await edgeshopOffline.getDb();
      return { outbox: await db.outbox.toArray(), lines: await db.cartLines.toArray() };
    });
    const cartId = (await context.cookies()).find((c) => c.name === 'cart_id')?.value;
    expect(cartId).toMatch(/^cart_/); // minted on the device: this shopper had no cart yet
    expect(stored.outbox).toEqual([
      expect.objectContaining({ kind: 'cart.add', payload: { cartId, sku, quantity: 2 }, attempts: 0 }),
    ]);
    expect(stored.lines).toEqual([
      expect.objectContaining({
        sku,
        quantity: 2,
        productName: product!.name,
        unitPrice: expect.any(Object),
      }),
    ]);
  } finally {
    await context.setOffline(false);
  }

  await page.waitForFunction(
    () =>
      (
        globalThis as unknown as { flushed: Array<{ type?: string; report?: { sent: number } }> }
      ).flushed.some((message) => message.type === 'outbox-flushed' && message.report?.sent === 1),
    null,
    { timeout: 10_000 },
  );
  const cartId = (await context.cookies()).find((c) => c.name === 'cart_id')!.value;
  const cart = await page.request.get(`/api/carts/${cartId}`);
  expect(cart.status()).toBe(200);
  const body = (await cart.json()) as { lines: Array<{ sku: string; quantity: number }> };
  expect(body.lines).toEqual([expect.objectContaining({ sku, quantity: 2 })]);
  // The replay emptied the queue, so the device's snapshot lines go.
  expect(
    await page.evaluate(async () => {
      const db = await edgeshopOffline.getDb();
      return [await db.outbox.count(), await db.cartLines.count()];
    }),
  ).toEqual([0, 0]);
});

/** A product as the admin API returns it whole (GET /api/admin/products/{id}), enough to write it back. */
interface AdminProduct {
  id: string;
  variants: Array<Record<string, unknown> & { sku: string; price: number }>;
  [field: string]: unknown;
}

/** Sets a SKU's units available to exactly `target` through the dev stock route. */
async function setAvailable(page: Page, sku: string, target: number): Promise<void> {
  // An adjustment of 0 is refused, so probe with +1 and correct from the level it reports.
  const probe = await page.request.post(`/dev/stock/${sku}/adjust`, { data: { delta: 1 } });
  expect(probe.status()).toBe(200);
  const { value } = (await probe.json()) as { value: { available: number } };
  if (value.available === target) return;
  const res = await page.request.post(`/dev/stock/${sku}/adjust`, {
    data: { delta: target - value.available },
  });
  expect(res.status()).toBe(200);
}

/** Changes one variant's price through the admin API (the seeded administrator signs in on `admin`). */
async function changePrice(admin: Page, slug: string, sku: string, price: number): Promise<void> {
  await logInStaff(admin, ADMIN_STAFF);
  const list = await admin.request.get(`/api/admin/products?q=${encodeURIComponent(slug)}`);
  const { items } = (await list.json()) as { items: Array<{ id: string; slug: string }> };
  const id = items.find((p) => p.slug === slug)!.id;
  const product = (await (await admin.request.get(`/api/admin/products/${id}`)).json()) as AdminProduct;
  const { id: _, images: __, createdAt: ___, updatedAt: ____, ...body } = product;
  const variants = product.variants.map(
    ({ id, options, sku: s, price: p, compareAt, barcode, weightGrams }) => ({
      id,
      options,
      sku: s,
      price: s === sku ? price : p,
      compareAt,
      barcode,
      weightGrams,
    }),
  );
  const origin = new URL(admin.url()).origin;
  const res = await admin.request.put(`/api/admin/products/${id}`, {
    data: { ...body, variants },
    headers: { Origin: origin },
  });
  expect(res.status(), await res.text()).toBe(200);
}

test('offline add, quantity change and removal replay; the cart page then says what the shop changed meanwhile', async ({
  page,
  context,
  baseURL,
}) => {
  // A seeded product with three variants: A and B are in the cart, C is added offline from the product page.
  const list = await page.request.get('/api/products?limit=12');
  let chosen: {
    slug: string;
    name: string;
    variants: Array<{ sku: string; size: string | null; colour: string | null }>;
  } | null = null;
  for (const { slug } of ((await list.json()) as { items: ProductSummary[] }).items) {
    const detail = (await (await page.request.get(`/api/products/${slug}`)).json()) as ProductWithOptions;
    if (detail.variants.length >= 3) {
      chosen = { slug, ...detail };
      break;
    }
  }
  expect(chosen, 'a product with three variants').not.toBeNull();
  const [a, b, c] = chosen!.variants;
  await setAvailable(page, a!.sku, 10);
  await setAvailable(page, b!.sku, 10);
  await setAvailable(page, c!.sku, 10);

  await page.goto('/');
  await waitForController(page);
  const cartId = newId('cart');
  for (const sku of [a!.sku, b!.sku]) {
    const res = await page.request.post(`/api/carts/${cartId}/items`, { data: { sku, quantity: 1 } });
    expect(res.status()).toBe(200);
  }
  await context.addCookies([{ name: 'cart_id', value: cartId, url: baseURL! }]);
  const before = (await (await page.request.get(`/api/carts/${cartId}`)).json()) as {
    lines: Array<{ sku: string; unitPrice: { amount: number } }>;
  };
  const oldPrice = before.lines.find((l) => l.sku === a!.sku)!.unitPrice.amount;

  // Tab 1: the cart, as shown online. Tab 2: the product page, for the offline add.
  await page.goto('/cart');
  const lines = page.getByRole('list', { name: 'Items in your cart' });
  await expect(lines.locator('li')).toHaveCount(2);
  const shop = await context.newPage();
  await shop.goto(`/p/${chosen!.slug}`);
  await expect(shop.getByRole('heading', { level: 1, name: chosen!.name })).toBeVisible();

  // Meanwhile the shop raises A's price and sells all but one unit of it.
  const admin = await context.newPage();
  await changePrice(admin, chosen!.slug, a!.sku, oldPrice + 600);
  await admin.close();
  await setAvailable(page, a!.sku, 1);

  await context.setOffline(true);
  try {
    const lineA = lines.locator(`li[data-sku="${a!.sku}"]`);
    await lineA.getByRole('spinbutton').fill('3');
    await lineA.getByRole('button', { name: /^Update/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Quantity saved on this device' })).toBeVisible();
    await lines
      .locator(`li[data-sku="${b!.sku}"]`)
      .getByRole('button', { name: /^Remove/ })
      .click();
    await expect(lines.locator(`li[data-sku="${b!.sku}"]`)).toHaveCount(0);

    // The add on the other tab shows up here at once, priced on this device.
    for (const [group, value] of [
      ['Size', c!.size],
      ['Colour', c!.colour],
    ] as const) {
      if (value) {
        await shop
          .getByRole('group', { name: new RegExp(group) })
          .locator(`input[type="radio"][value="${value}"]`)
          .check();
      }
    }
    await shop.getByLabel('Quantity').fill('2');
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await expect(shop.getByRole('status').filter({ hasText: 'Saved offline' })).toBeVisible();
    // Its header counts the add at once: 2 in the cart when the tab opened, 2 more now.
    await expect(shop.getByTestId('cart-count')).toHaveText('4');
    await expect(lines.locator(`li[data-sku="${c!.sku}"]`).getByRole('spinbutton')).toHaveValue('2');
    await expect(lines.locator(`li[data-sku="${a!.sku}"]`).getByRole('spinbutton')).toHaveValue('3');
    await expect(page.getByTestId('item-count')).toHaveText('5');
    await expect(page.getByTestId('cart-count')).toHaveText('5');
    await expect(page.getByTestId('estimated-note')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await context.setOffline(false);
  }

  // Back online: the writes replay, and the page shows the server's cart with what changed.
  const notice = page.getByRole('status', { name: 'Your cart was updated while you were offline' });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(notice).toContainText(/the price changed from .+ to .+\./);
  await expect(notice).toContainText('the quantity went down from 3 to 1.');
  await expect(notice).toContainText('was not saved because not enough is in stock.');
  await expect(lines.locator('li')).toHaveCount(2);
  await expect(lines.locator(`li[data-sku="${a!.sku}"]`).getByRole('spinbutton')).toHaveValue('1');
  await expect(lines.locator(`li[data-sku="${c!.sku}"]`).getByRole('spinbutton')).toHaveValue('2');
  await expect(page.getByTestId('estimated-note')).toHaveCount(0);
  const server = (await (await page.request.get(`/api/carts/${cartId}`)).json()) as {
    lines: Array<{ sku: string; quantity: number; unitPrice: { amount: number } }>;
    itemCount: number;
  };
  expect(
    server.lines.map(({ sku, quantity }) => ({ sku, quantity })).sort((x, y) => (x.sku < y.sku ? -1 : 1)),
  ).toEqual(
    [
      { sku: a!.sku, quantity: 1 },
      { sku: c!.sku, quantity: 2 },
    ].sort((x, y) => (x.sku < y.sku ? -1 : 1)),
  );
  expect(server.lines.find((l) => l.sku === a!.sku)!.unitPrice.amount).toBe(oldPrice + 600);
  await expect(page.getByTestId('item-count')).toHaveText(String(server.itemCount));
  // The notice and the redrawn cart pass axe like the shop's other pages (tests/e2e/a11y.spec.ts).
  expect(await seriousViolations(page)).toEqual([]);
});

test('a cart write refused while no cart page was open is reported on the cart page once', async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto('/');
  await waitForController(page);
  const cartId = newId('cart');
  const productName = await addInStockLine(page, cartId);
  const cart = (await (await page.request.get(`/api/carts/${cartId}`)).json()) as {
    lines: Array<{ sku: string }>;
  };
  const sku = cart.lines[0]!.sku;
  await setAvailable(page, sku, 2);
  await context.addCookies([{ name: 'cart_id', value: cartId, url: baseURL! }]);
  await page.evaluate(await offlineBundle());
  await page.evaluate(() => {
    const flushed: unknown[] = [];
    Object.assign(globalThis, { flushed });
    navigator.serviceWorker.addEventListener('message', (event) => flushed.push(event.data));
  });

  // Offline on the home page, 5 are asked for; the shop has 2. The replay runs with no cart page open.
  await context.setOffline(true);
  await page.evaluate(
    ({ cartId, sku }) => edgeshopOffline.enqueue('cart.set', { cartId, sku, quantity: 5 }),
    { cartId, sku },
  );
  await context.setOffline(false);
  await page.waitForFunction(
    () =>
      (
        globalThis as unknown as { flushed: Array<{ type?: string; report?: { rejected: unknown[] } }> }
      ).flushed.some((m) => m.type === 'outbox-flushed' && m.report?.rejected.length === 1),
    null,
    { timeout: 10_000 },
  );

  await page.goto('/cart');
  const notice = page.getByRole('status', { name: 'Your cart was updated while you were offline' });
  await expect(notice).toContainText(`Changing the quantity of ${productName}`);
  await expect(notice).toContainText('was not saved because not enough is in stock.');
  await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('spinbutton')).toHaveValue(
    '1',
  );

  // Told once: the next visit has nothing new to say.
  await page.reload();
  await page.waitForLoadState('networkidle');
  await expect(
    page.getByRole('heading', { name: 'Your cart was updated while you were offline' }),
  ).toHaveCount(0);
});
