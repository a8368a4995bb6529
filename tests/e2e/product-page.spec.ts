/** Product page e2e: structured data and head tags, gallery loading, and availability pushed live from the StockDO. */
import { expect, type Page, test } from '@playwright/test';

/** The first product of the first category listing, opened. */
async function openSomeProduct(page: Page): Promise<string> {
  const res = await page.request.get('/api/products?limit=1');
  const { items } = (await res.json()) as { items: { slug: string }[] };
  const slug = items[0]!.slug;
  await page.goto(`/p/${slug}`);
  return slug;
}

test('the product page carries canonical, Open Graph and a Product JSON-LD with one offer per variant', async ({
  page,
}) => {
  const slug = await openSomeProduct(page);
  const product = (await (await page.request.get(`/api/products/${slug}`)).json()) as {
    name: string;
    variants: { sku: string; price: { amount: number; currency: string } }[];
    reviewCount: number;
    related: unknown[];
    attributes: { name: string; value: string }[];
  };
  const origin = new URL(page.url()).origin;
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(1);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${origin}/p/${slug}`);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', product.name);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /^http/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');

  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(scripts).toHaveLength(1);
  const ld = JSON.parse(scripts[0]!) as {
    '@type': string;
    name: string;
    offers: { sku: string; price: string; priceCurrency: string; availability: string }[];
    aggregateRating?: { reviewCount: number };
  };
  expect(ld['@type']).toBe('Product');
  expect(ld.name).toBe(product.name);
  expect(ld.offers.map((o) => o.sku)).toEqual(product.variants.map((v) => v.sku));
  for (const offer of ld.offers) {
    const v = product.variants.find((x) => x.sku === offer.sku)!;
    expect(offer.price).toBe((v.price.amount / 100).toFixed(2));
    expect(offer.priceCurrency).toBe(v.price.currency);
    expect(offer.availability).toMatch(/^https:\/\/schema\.org\/(InStock|LimitedAvailability|OutOfStock)$/);
  }
  if (product.reviewCount > 0) expect(ld.aggregateRating?.reviewCount).toBe(product.reviewCount);
  else expect(ld.aggregateRating).toBeUndefined();

  // The first photo is the LCP: eager and high priority; every photo has its size.
  const photos = page.locator('.gallery-track img');
  await expect(photos.first()).toHaveAttribute('fetchpriority', 'high');
  await expect(photos.first()).toHaveAttribute('loading', 'eager');
  for (const img of await page.locator('.gallery img').all()) {
    await expect(img).toHaveAttribute('width', /^\d+$/);
    await expect(img).toHaveAttribute('height', /^\d+$/);
  }
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link')).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Specifications' })).toBeVisible();
  const spec = product.attributes[0]!;
  await expect(page.getByRole('row', { name: `${spec.name} ${spec.value}` })).toBeVisible();
  if (product.related.length > 0) {
    await expect(page.getByRole('list', { name: 'Related products' }).getByRole('listitem')).toHaveCount(
      product.related.length,
    );
  }
});

test('a shopper sees the chosen variant sell out without reloading', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  try {
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await openSomeProduct(page);
    const note = page.getByTestId('stock-note');
    // Pick a variant that is in stock now.
    const radios = page.locator('.option-group').last().getByRole('radio');
    for (let i = 0; i < (await radios.count()); i++) {
      await radios.nth(i).check();
      if (!/Out of stock/.test(await note.innerText())) break;
    }
    await expect(note).not.toHaveText(/Out of stock/);
    const sku = await page.locator('[data-live-stock]').getAttribute('data-live-stock');
    expect(sku).toBeTruthy();
    // The page opens its socket for this SKU once idle.
    await expect.poll(() => sockets.some((u) => u.endsWith(`/api/stock/${sku}/live`))).toBe(true);

    // Elsewhere, the stock is corrected to zero through the SKU's StockDO.
    const level = await page.request.post(`/dev/stock/${sku}/adjust`, { data: { delta: 1 } });
    expect(level.ok()).toBe(true);
    const { value } = (await level.json()) as { value: { available: number } };
    await expect(note).toHaveText(value.available <= 5 ? `Only ${value.available} left` : 'In stock');
    const sold = await page.request.post(`/dev/stock/${sku}/adjust`, { data: { delta: -value.available } });
    expect(sold.ok()).toBe(true);

    await expect(note).toHaveText('Out of stock');
    await expect(page.getByRole('button', { name: 'Sold out' })).toBeDisabled();
    expect(await note.getAttribute('aria-live')).toBe('polite');
  } finally {
    await context.close();
  }
});

test('crawlers get the live sitemap and robots.txt from the served shop (not a file left in dist/)', async ({
  request,
}) => {
  const { items } = (await (await request.get('/api/products?limit=1')).json()) as {
    items: { slug: string }[];
  };
  const sitemap = await request.get('/sitemap.xml');
  expect(sitemap.status()).toBe(200);
  expect(await sitemap.text()).toContain(`/p/${items[0]!.slug}</loc>`);
  const robots = await request.get('/robots.txt');
  expect(await robots.text()).toMatch(/^Sitemap: http.*\/sitemap\.xml$/m);
});
