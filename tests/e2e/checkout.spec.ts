/** Checkout as a guest in Chromium: cart → contact → address → shipping → pay with the test gateway → the order. */
import { expect, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { fillCart, toPayment } from '@tests/support/e2e/checkout';

test('a guest checks out with the test gateway and sees the order and its confirmation email', async ({
  page,
}) => {
  const product = await fillCart(page);
  await toPayment(page);
  // Every total is shown before paying; the address and method can be changed from here.
  const summary = page.getByRole('complementary', { name: 'Order summary' });
  await expect(summary.getByText(product)).toBeVisible();
  await expect(summary.getByText('Tax')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Change shipping address' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Payment succeeds', { exact: true }).check();
  await page.getByRole('button', { name: /Place order/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Order \d+$/ })).toBeVisible();
  await expect(page.getByText(/Thank you!/)).toBeVisible();
  await expect(page.getByRole('table', { name: /Items in order/ })).toContainText(product);
  const number = (await page.getByRole('heading', { level: 1 }).innerText()).replace('Order ', '');
  const orderUrl = page.url();
  expect(orderUrl).not.toContain(number);

  await page.goto('/cart');
  await expect(page.getByRole('heading', { name: 'Your cart is empty' })).toBeVisible();
  await page.goto('/dev/mailbox');
  await expect(page.getByText(`Your Northwind Supply order ${number}`).first()).toBeVisible();
});

test('a payment the bank must confirm: the test gateway page, then the order', async ({ page }) => {
  await fillCart(page);
  await toPayment(page);
  await page.getByLabel('Bank asks the shopper to authenticate').check();
  await page.getByRole('button', { name: /Place order/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm this test payment' })).toBeVisible();
  await expect(page.getByText('Test gateway · no real money')).toBeVisible();
  await page.getByRole('button', { name: 'Approve test payment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Order \d+$/ })).toBeVisible();
});

test('a declined card says so and keeps the shopper at the payment step', async ({ page }) => {
  await fillCart(page);
  await toPayment(page);
  await page.getByLabel('Card is declined').check();
  await page.getByRole('button', { name: /Place order/ }).click();
  await expect(page.getByRole('alert')).toContainText('declined');
  await expect(page.getByRole('button', { name: /Place order/ })).toBeVisible();
});

test('a customer ships to a saved address and finds the order in their account', async ({ page }) => {
  await page.goto('/account/login');
  await page.getByLabel('Email address').fill('liam@demo.shop');
  await page.getByLabel('Password').fill('liam-demo-1234');
  await page.getByRole('button', { name: 'Log in' }).click();
  // Wait for the login to land: the login page has a heading too, and leaving it early cancels the sign-in.
  await expect(page).not.toHaveURL(/\/account\/login/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await fillCart(page);
  await page.goto('/checkout');
  // The account's email fills the contact step: checkout opens at the address.
  await expect(page.getByRole('region', { name: /Contact/ }).getByText('liam@demo.shop')).toBeVisible();
  const saved = page.getByRole('group', { name: 'Ship to a saved address' });
  await expect(saved.getByText('12 Grafton Street')).toBeVisible();
  await page.getByRole('button', { name: 'Ship to this address' }).click();
  await expect(page.getByRole('group', { name: 'Choose how your order travels' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.getByLabel('Payment succeeds', { exact: true }).check();
  await page.getByRole('button', { name: /Place order/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Order \d+$/ })).toBeVisible();
  const number = (await page.getByRole('heading', { level: 1 }).innerText()).replace('Order ', '');
  await page.goto('/account/orders');
  await expect(page.getByRole('link', { name: new RegExp(number) })).toBeVisible();
});
