/**
 * Offline browsing e2e: after one online visit, with the network cut, a category page never opened and a search
 * render from the catalog snapshot the service worker synced into IndexedDB.
 */
import { expect, type Page, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';

interface Category {
  slug: string;
  name: string;
  productCount: number;
}
interface ProductSummary {
  slug: string;
  name: string;
}

/** Waits until the SW controls the page (skipWaiting + clientsClaim make this happen on the first visit). */
async function waitForController(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20_000 });
}

/** The device's snapshot state (meta `catalog-snapshot` in the `edgeshop` IndexedDB), read without Dexie. */
async function snapshotState(page: Page): Promise<{ total: number; version: number } | null> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'edgeshop')) return null;
    return new Promise((resolve) => {
      const open = indexedDB.open('edgeshop');
      open.onerror = () => resolve(null);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('meta')) {
          db.close();
          resolve(null);
          return;
        }
        const get = db.transaction('meta').objectStore('meta').get('catalog-snapshot');
        get.onsuccess = () => {
          db.close();
          resolve((get.result as { value?: { total: number; version: number } } | undefined)?.value ?? null);
        };
        get.onerror = () => {
          db.close();
          resolve(null);
        };
      };
    });
  });
}

test('offline, a category never opened and a search list products from the saved catalogue', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000); // two sites' worth of navigation plus an axe run, on a shared machine
  const categories = ((await (await page.request.get('/api/categories')).json()) as { items: Category[] })
    .items;
  const category = categories.find((c) => c.productCount > 0)!;
  expect(category, 'a category with products').toBeDefined();
  const inCategory = (
    (await (await page.request.get(`/api/products?category=${category.slug}&limit=100`)).json()) as {
      items: ProductSummary[];
    }
  ).items;
  const elsewhere = (
    (await (await page.request.get('/api/products?limit=100')).json()) as { items: ProductSummary[] }
  ).items.find((p) => !inCategory.some((q) => q.slug === p.slug))!;

  // One online visit: the SW takes control, and once the page is idle it syncs the snapshot.
  await page.goto('/');
  await waitForController(page);
  await expect.poll(() => snapshotState(page), { timeout: 20_000 }).not.toBeNull();
  const state = await snapshotState(page);
  expect(state!.total).toBeGreaterThanOrEqual(inCategory.length);

  await context.setOffline(true);
  try {
    // Never opened online: the SW's page cache has no copy, so the offline catalogue shell stands in.
    await page.goto(`/c/${category.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: category.name })).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: "You're offline — prices may change." }),
    ).toBeVisible();
    const list = page.getByRole('list', { name: 'Products' });
    for (const product of inCategory.slice(0, 5)) {
      await expect(list.getByRole('link', { name: product.name, exact: true })).toBeVisible();
    }
    await expect(list.getByRole('listitem')).toHaveCount(inCategory.length);
    expect(await seriousViolations(page), 'the offline catalogue shell is accessible').toEqual([]);
    // Other categories are a link away, still offline.
    await expect(page.getByRole('navigation', { name: 'Categories' }).getByRole('link')).toHaveCount(
      categories.length,
    );

    // Search offline from the shell's own search box (a plain GET form: the SW serves the shell for /search too).
    const word = elsewhere.name.split(/\s+/)[0]!;
    await page.getByLabel('Search products').fill(word.toLowerCase().slice(0, Math.max(3, word.length - 1)));
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByRole('heading', { level: 1, name: /^Results for/ })).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Products' }).getByRole('link', { name: elsewhere.name, exact: true }),
    ).toBeVisible();

    await page.goto('/search?q=zzzqqqx');
    await expect(page.getByText('No saved product matches “zzzqqqx”.')).toBeVisible();

    // A product page never opened cannot be shown offline: the offline page says so.
    await page.goto(`/p/${elsewhere.slug}`);
    await expect(page.getByRole('heading', { name: "You're offline" })).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
});

test('the catalogue snapshot is synced by the service worker: no page loads Dexie', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push(await response.text().catch(() => ''));
  });
  await page.goto('/');
  await waitForController(page);
  await expect.poll(() => snapshotState(page), { timeout: 20_000 }).not.toBeNull();
  const products = (
    (await (await page.request.get('/api/products?limit=1')).json()) as { items: ProductSummary[] }
  ).items;
  await page.goto(`/p/${products[0]!.slug}`);
  await page.waitForLoadState('networkidle');
  // Dexie's own error names appear in its bundle and nowhere else.
  expect(scripts.filter((source) => source.includes('DatabaseClosedError'))).toEqual([]);
});
