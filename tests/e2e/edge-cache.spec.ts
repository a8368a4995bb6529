/**
 * Catalog pages come from the edge cache and are the same for everyone; the header's cart count and the signed-in
 * name arrive in the browser (SessionIsland). Both must show on a page the cache served (X-Cache: HIT).
 */
import { expect, type Page, test } from '@playwright/test';
import { chooseInStockVariant } from '@tests/support/e2e/product-page';

/** Loads `path` until the edge cache serves it (the first load may render and store it), and returns the status. */
async function gotoCached(page: Page, path: string): Promise<void> {
  await expect
    .poll(async () => (await page.goto(path))?.headers()['x-cache'], {
      message: `${path} from the edge cache`,
    })
    .toBe('HIT');
}

test('the header shows the cart count after add to cart, on pages served from the edge cache', async ({
  page,
}) => {
  const list = await page.request.get('/api/products?limit=24');
  const slugs = ((await list.json()) as { items: Array<{ slug: string }> }).items.map((p) => p.slug);
  const count = page.getByRole('banner').getByTestId('cart-count');
  for (const slug of slugs) {
    await gotoCached(page, `/p/${slug}`);
    if (!(await chooseInStockVariant(page))) continue;
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    // In place, without a reload: the page announced the new count to the island.
    await expect(count).toHaveText('2');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Cart 2 items' })).toBeVisible();
    // The same cached page, for everyone: the count comes from /api/session/summary.
    await gotoCached(page, `/p/${slug}`);
    await expect(count).toHaveText('2');
    await gotoCached(page, '/');
    await expect(count).toHaveText('2');
    return;
  }
  throw new Error('no product with an in-stock variant');
});

test('the signed-in first name shows on a cached page, and is gone after logging out', async ({ page }) => {
  await gotoCached(page, '/');
  const account = page.getByRole('banner').getByRole('link', { name: /log in|account/i });
  await expect(account).toHaveText('Log in');

  await page.goto('/account/login');
  await page.getByLabel('Email address').fill('jane@demo.shop');
  await page.getByLabel('Password').fill('jane-demo-1234');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();

  await gotoCached(page, '/');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Jane (your account)' })).toBeVisible();
  const html = await (await page.request.get('/')).text();
  expect(html, 'the page itself never carries the name').not.toContain('Jane');

  await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('status')).toContainText('You have logged out.');
  await gotoCached(page, '/');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
});

test('without JavaScript the header links still lead to the cart and the account', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Account' })).toHaveAttribute(
    'href',
    '/account',
  );
  await expect(page.getByRole('banner').getByRole('link', { name: 'Cart' })).toHaveAttribute('href', '/cart');
  await context.close();
});
