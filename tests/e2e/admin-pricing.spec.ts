/**
 * Tax and shipping settings e2e: an administrator changes a tax rate and adds a shipping zone with a weight-table
 * method through the pages (labels and buttons only), sees them listed, and a shopper's checkout offers the method;
 * a warehouse user cannot open the pages.
 */
import { expect, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { ADMIN_STAFF, logInStaff, WAREHOUSE_STAFF } from '@tests/support/e2e/staff';

test('an administrator sets a tax rate and adds a shipping zone with a weight table', async ({ page }) => {
  await logInStaff(page, ADMIN_STAFF);
  await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Taxes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Taxes' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Germany Standard rate 19% VAT/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Country code').fill('is');
  await page.getByLabel('Tax category').selectOption({ label: 'Standard rate' });
  await page.getByLabel('Rate (%)').fill('24');
  await page.getByLabel('Name on receipts').fill('VSK');
  await page.getByRole('button', { name: 'Save rate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'VSK for Iceland' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Iceland Standard rate 24% VSK/ })).toBeVisible();

  // A rate that is not a percentage is refused with the reason, and nothing changes.
  await page.getByLabel('Country code').fill('IS');
  await page.getByLabel('Rate (%)').fill('140');
  await page.getByLabel('Name on receipts').fill('VSK');
  await page.getByRole('button', { name: 'Save rate' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'percentage from 0 to 100' }).first()).toBeVisible();
  await expect(page.getByRole('row', { name: /Iceland Standard rate 24% VSK/ })).toBeVisible();

  await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Shipping' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shipping' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Europe' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const zone = `Oceania ${Date.now().toString(36)}`;
  await page.getByLabel('Zone name').fill(zone);
  await page.getByLabel('Country codes').fill('au, nz');
  await page.getByRole('button', { name: 'Save zone' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Zone “${zone}” saved.` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: zone })).toBeVisible();

  // A country already in another zone is refused, naming the zone.
  await page.getByLabel('Zone name').fill('Duplicate US');
  await page.getByLabel('Country codes').fill('US');
  await page.getByRole('button', { name: 'Save zone' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'United States' }).first()).toBeVisible();

  await page.getByLabel('Zone', { exact: true }).selectOption({ label: zone });
  await page.getByLabel('Name shoppers see').fill('Economy air');
  await page.getByLabel('Method code').fill('economy');
  await page.getByLabel('Priced').selectOption({ label: 'By weight' });
  await page.getByLabel(/Weight table/).fill('500: 12.00\n2000: 18.50');
  await page.getByLabel('Shortest transit (business days)').fill('6');
  await page.getByLabel('Longest transit (business days)').fill('12');
  await page.getByRole('button', { name: 'Save method' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Method “Economy air” saved.' })).toBeVisible();
  await expect(
    page.getByRole('row', {
      name: /Economy air economy By weight: up to 500 g \$12\.00; up to 2,000 g \$18\.50/,
    }),
  ).toBeVisible();
});

test('a warehouse user cannot open the tax or shipping pages', async ({ page }) => {
  await logInStaff(page, WAREHOUSE_STAFF);
  for (const path of ['/admin/settings/tax', '/admin/settings/shipping']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
  }
});
