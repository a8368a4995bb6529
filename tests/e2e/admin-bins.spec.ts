/**
 * Bin locations on the admin product page: an administrator sets a variant's bin with the labelled Bin field, with
 * JavaScript and without it (a plain form post), and a bad bin is refused with a message; warehouse staff (stock:
 * read only) see the bin as text.
 */
import { expect, test } from '@playwright/test';
import { ADMIN_STAFF, logInStaff, WAREHOUSE_STAFF } from '@tests/support/e2e/staff';

async function productPage(page: import('@playwright/test').Page, index = 0) {
  await page.goto('/admin/products');
  await page.locator('table tbody tr a').nth(index).click();
  await expect(page.getByRole('table', { name: 'Variants and stock' })).toBeVisible();
}

test('an administrator sets and clears a bin, and a bad one is refused', async ({ page }) => {
  await logInStaff(page, ADMIN_STAFF);
  await productPage(page);
  const bin = page.getByLabel(/^Bin/).first();
  await bin.fill('  A-03-2 ');
  await page
    .getByRole('button', { name: /^Save bin/ })
    .first()
    .click();
  await expect(page.getByRole('status').getByText(/is now in bin A-03-2\./)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/^Bin/).first()).toHaveValue('A-03-2');
  await page.screenshot({ path: 'tmp/admin-bins.png', fullPage: true });

  await page.getByLabel(/^Bin/).first().fill('A_1');
  await page
    .getByRole('button', { name: /^Save bin/ })
    .first()
    .click();
  await expect(page.getByRole('alert').getByText(/may hold only letters/)).toBeVisible();

  await page.getByLabel(/^Bin/).first().fill('');
  await page
    .getByRole('button', { name: /^Save bin/ })
    .first()
    .click();
  await expect(page.getByRole('status').getByText(/has no bin now\./)).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the Bin form still saves', async ({ page }) => {
    await logInStaff(page, ADMIN_STAFF);
    await productPage(page, 1);
    await page.getByLabel(/^Bin/).first().fill('B-10');
    await page
      .getByRole('button', { name: /^Save bin/ })
      .first()
      .click();
    await expect(page.getByText(/is now in bin B-10\./)).toBeVisible();
    await expect(page.getByLabel(/^Bin/).first()).toHaveValue('B-10');
  });
});

test('warehouse staff see bins but cannot edit them', async ({ page }) => {
  await logInStaff(page, WAREHOUSE_STAFF);
  await productPage(page);
  await expect(page.getByRole('columnheader', { name: 'Bin location' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Save bin/ })).toHaveCount(0);
});
