/** e2e helpers for checkout specs: a cart filled through the product pages, and a guest checkout up to payment. */
import { expect, type Page } from '@playwright/test';
import { chooseInStockVariant } from './product-page';

/** Puts one in-stock item in this browser's cart through the product page, and returns its name. */
export async function fillCart(page: Page): Promise<string> {
  for (let i = 0; i < 6; i++) {
    await page.goto('/');
    const link = page
      .getByRole('list', { name: 'Featured products' })
      .getByRole('listitem')
      .nth(i)
      .getByRole('link')
      .first();
    await link.click();
    const name = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
    if (!(await chooseInStockVariant(page))) continue;
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Added 1 × ${name}` })).toBeVisible();
    return name;
  }
  throw new Error('no in-stock product among the featured ones');
}

/** Takes the checkout from the cart to the payment step as a guest with `email`. */
export async function toPayment(page: Page, email = 'guest.buyer@example.com'): Promise<void> {
  await page.goto('/cart');
  await page.getByRole('link', { name: 'Go to checkout' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue to shipping address' }).click();

  await expect(page.getByLabel('Country')).toHaveValue('US');
  await page.getByLabel('Full name').fill('Grace Hopper');
  await page.getByLabel('Address line 1').fill('1 Market St');
  await page.getByLabel('City').fill('San Francisco');
  await page
    .getByLabel('State')
    .selectOption({ label: 'California' })
    .catch(() => page.getByLabel('State').fill('CA'));
  await page.getByLabel('ZIP code').fill('94105');
  await page.getByRole('button', { name: 'Continue to shipping method' }).click();

  await expect(page.getByRole('group', { name: 'Choose how your order travels' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(page.getByRole('button', { name: /Place order/ })).toBeVisible();
}
