import { expect, test } from '@playwright/test';
import { CONTENT_STAFF, logInStaff, WAREHOUSE_STAFF } from '@tests/support/e2e/staff';

test('the warehouse app asks anonymous visitors to sign in and refuses staff without fulfilment', async ({
  page,
}) => {
  await page.goto('/warehouse/pick?orders=ord_x');
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fwarehouse%2Fpick%3Forders%3Dord_x$/);
  await logInStaff(page, CONTENT_STAFF);
  const refused = await page.goto('/warehouse');
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'No access' })).toBeVisible();
  expect((await page.goto('/warehouse/nothing-here'))?.status()).toBe(403);
});

test('warehouse staff find the warehouse app from the back office home', async ({ page }) => {
  await logInStaff(page, WAREHOUSE_STAFF);
  await page.getByRole('link', { name: 'Open the warehouse app' }).click();
  await expect(page).toHaveURL(/\/warehouse$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Orders to fulfil' })).toBeVisible();
});
