/** Shopper journey e2e: browse → product → choose a variant → add to cart → change quantity → remove, with and without JS. */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { chooseInStockVariant } from '@tests/support/e2e/product-page';

/** "$1,234.56" (the first price in `text`) as integer cents. */
function centsOf(text: string): number {
  const match = /\$([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`no price in ${JSON.stringify(text)}`);
  return Number(match[1]!.replaceAll(',', '')) * 100 + Number(match[2]);
}

/** Integer cents as the shop shows them in en-US dollars. */
function dollars(cents: number): string {
  const whole = Math.floor(cents / 100).toLocaleString('en-US');
  return `$${whole}.${String(cents % 100).padStart(2, '0')}`;
}

/** The price the product page shows for the chosen variant (the sale price when it is on sale). */
async function shownPrice(page: Page): Promise<number> {
  return centsOf(await page.getByTestId('product-price').innerText());
}

/** The cart line (list item) for a product name. */
function cartLine(page: Page, productName: string): Locator {
  return page
    .getByRole('list', { name: 'Items in your cart' })
    .getByRole('listitem')
    .filter({ hasText: productName });
}

test('browse, add a chosen variant to the cart, change its quantity and remove it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const featured = page.getByRole('list', { name: 'Featured products' }).getByRole('listitem');
  await expect(featured.first()).toBeVisible();
  expect(await featured.count()).toBeGreaterThan(0);

  // Open a category from the navigation.
  const categoryLink = page.getByRole('navigation', { name: 'Categories' }).getByRole('link').first();
  const categoryName = (await categoryLink.innerText()).trim();
  await categoryLink.click();
  await expect(page.getByRole('heading', { level: 1, name: categoryName })).toBeVisible();
  const products = page
    .getByRole('list', { name: `${categoryName} products` })
    .getByRole('heading', { level: 2 });
  await expect(products.first()).toBeVisible();

  // Open products until one has an in-stock variant (the seed sells out ~5% of SKUs on purpose).
  const categoryUrl = page.url();
  let productName = '';
  for (let i = 0; i < 5 && !productName; i++) {
    await page.goto(categoryUrl);
    const link = page
      .getByRole('list', { name: `${categoryName} products` })
      .getByRole('heading', { level: 2 })
      .nth(i)
      .getByRole('link');
    const name = (await link.innerText()).trim();
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    if (await chooseInStockVariant(page)) productName = name;
  }
  expect(productName, 'a product with an in-stock variant').not.toBe('');

  const unit = await shownPrice(page);
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added 2 × ${productName}` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cart 2 items' })).toBeVisible();

  // The cart shows the line, its quantity and the total the product page implied.
  await page.getByRole('link', { name: 'View cart' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  const line = cartLine(page, productName);
  await expect(line.getByRole('link', { name: productName })).toBeVisible();
  await expect(line.getByLabel(`Quantity of ${productName}`)).toHaveValue('2');
  await expect(line.getByText(dollars(unit * 2))).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Order summary' })).toContainText(dollars(unit * 2));

  // Change the quantity.
  await line.getByLabel(`Quantity of ${productName}`).fill('3');
  await line.getByRole('button', { name: `Update quantity of ${productName}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Quantity updated.' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Order summary' })).toContainText(dollars(unit * 3));
  await expect(page.getByRole('link', { name: 'Cart 3 items' })).toBeVisible();

  // Remove it: the cart is empty again.
  await line.getByRole('button', { name: `Remove ${productName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart is empty' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cart 0 items' })).toBeVisible();
});

test('an unknown product shows the styled 404 page', async ({ page }) => {
  const response = await page.goto('/p/no-such-product');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: "We couldn't find that product" })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to the shop' })).toBeVisible();
});

test('a broken address (bad percent-encoding) gets a 400 page, not the raw error', async ({ request }) => {
  for (const path of ['/p/%ZZ', '/c/%E0%A4%A']) {
    const response = await request.get(path);
    expect(response.status()).toBe(400);
    const html = await response.text();
    expect(html).toContain('This address is not valid');
    expect(html).not.toContain('URIError');
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the product page renders and Add to cart posts the chosen variant', async ({ page }) => {
    await page.goto('/');
    const firstCard = page.getByRole('list', { name: 'Featured products' }).getByRole('link').first();
    const productName = (await firstCard.innerText()).trim();
    await firstCard.click();
    await expect(page.getByRole('heading', { level: 1, name: productName })).toBeVisible();

    // Choose the last size and colour offered; the server resolves the SKU from them.
    for (const group of ['Colour', 'Size']) {
      const radios = page.getByRole('group', { name: new RegExp(group) }).getByRole('radio');
      if ((await radios.count()) > 0) await radios.last().check();
    }
    await page.getByLabel('Quantity').fill('1');
    await page.getByRole('button', { name: 'Add to cart' }).click();

    // A full page load follows the POST: either the item was added, or a friendly stock message explains why not.
    const added = page.getByRole('status').filter({ hasText: `Added 1 × ${productName}` });
    const refused = page.getByRole('alert').filter({ hasText: /out of stock|left in stock|not available/ });
    await expect(added.or(refused)).toBeVisible();
    if (await added.isVisible()) {
      // Without JavaScript the header shows no count (it comes from a client-side island on cached pages).
      await page.goto('/cart');
      await expect(cartLine(page, productName).getByLabel(`Quantity of ${productName}`)).toHaveValue('1');
    }
  });

  test('the cart updates and removes lines with plain form posts', async ({ page }) => {
    await page.goto('/search?q=tee');
    const cards = page.getByRole('list', { name: 'Search results' }).getByRole('heading', { level: 2 });
    let productName = '';
    for (let i = 0; i < 5 && !productName; i++) {
      await page.goto('/search?q=tee');
      const link = cards.nth(i).getByRole('link');
      const name = (await link.innerText()).trim();
      await link.click();
      // Without JS the page shows the stock of the first variant, which is what the form posts by default.
      if (await page.getByText('In stock', { exact: true }).isVisible()) productName = name;
    }
    expect(productName, 'a product whose default variant is in stock').not.toBe('');
    const unit = await shownPrice(page);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Added 1 × ${productName}` })).toBeVisible();

    await page.goto('/cart');
    const line = cartLine(page, productName);
    await line.getByLabel(`Quantity of ${productName}`).fill('2');
    await line.getByRole('button', { name: `Update quantity of ${productName}` }).click();
    await expect(page.getByRole('complementary', { name: 'Order summary' })).toContainText(dollars(unit * 2));
    await cartLine(page, productName)
      .getByRole('button', { name: `Remove ${productName}` })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your cart is empty' })).toBeVisible();
  });
});
