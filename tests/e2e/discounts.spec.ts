/**
 * Discount codes at checkout in Chromium: an expired code is refused with its reason at the field, a welcome code
 * (typed in lower case) takes 10% off, and the order is placed at the discounted total.
 */
import { expect, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { fillCart, toPayment } from '@tests/support/e2e/checkout';

/** "$1,234.56" → 123456 (minor units). */
const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100);

test('a guest is told why an expired code does not apply, then saves 10% with the welcome code', async ({
  page,
}) => {
  await fillCart(page);
  // A first-time buyer: the welcome code is for first orders only.
  await toPayment(page, `first.order.${Date.now().toString(36)}@example.com`);
  const summary = page.getByRole('complementary', { name: 'Order summary' });
  const total = summary.getByTestId('checkout-total');
  const before = cents(await total.innerText());

  const field = summary.getByRole('textbox', { name: 'Discount code' });
  await field.fill('spring20');
  await summary.getByRole('button', { name: 'Apply code' }).click();
  await expect(summary.getByRole('textbox', { name: 'Discount code' })).toHaveAccessibleDescription(
    /This code has expired\./,
  );
  expect(cents(await total.innerText())).toBe(before);

  await summary.getByRole('textbox', { name: 'Discount code' }).fill('welcome10');
  await summary.getByRole('button', { name: 'Apply code' }).click();
  await expect(summary.getByRole('status')).toHaveText('Applied WELCOME10.');
  const applied = summary.getByRole('list', { name: 'Discounts applied' });
  await expect(applied).toContainText('WELCOME10');
  await expect(applied).toContainText('Welcome: 10% off your first order');
  await expect(summary.getByRole('button', { name: 'Remove code WELCOME10' })).toBeVisible();
  const after = cents(await total.innerText());
  expect(after).toBeLessThan(before);
  const discount = cents(await summary.getByRole('definition').filter({ hasText: '−' }).first().innerText());
  expect(discount).toBeGreaterThan(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/checkout-discount.png', fullPage: true });

  await page.getByLabel('Payment succeeds', { exact: true }).check();
  await page.getByRole('button', { name: /Place order/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Order \d+$/ })).toBeVisible();
  await expect(page.getByText('Discount', { exact: true })).toBeVisible();
  expect(cents(await page.getByRole('definition').filter({ hasText: '−' }).first().innerText())).toBe(
    discount,
  );
});
