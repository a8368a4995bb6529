/** Accessibility smoke e2e: skip link, one h1 per page, labelled controls, keyboard-only add to cart. */
import { expect, test } from '@playwright/test';

test('the first Tab reaches the skip link, which moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('every storefront page has exactly one h1 and a labelled search field', async ({ page }) => {
  for (const path of [
    '/',
    '/search?q=tee',
    '/cart',
    '/no-such-page',
    '/account/login',
    '/account/register',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
    await expect(page.getByRole('combobox', { name: 'Search products' }), path).toBeVisible();
  }
});

test('a product can be chosen and added to the cart with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  const firstCard = page.getByRole('list', { name: 'Featured products' }).getByRole('link').first();
  const productName = (await firstCard.innerText()).trim();
  await firstCard.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: productName })).toBeVisible();

  const quantity = page.getByLabel('Quantity');
  await quantity.focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add to cart' })).toBeFocused();
  await page.keyboard.press('Enter');
  const added = page.getByRole('status').filter({ hasText: `Added 1 × ${productName}` });
  const refused = page.getByRole('alert').filter({ hasText: /out of stock|left in stock/ });
  await expect(added.or(refused)).toBeVisible();
});
