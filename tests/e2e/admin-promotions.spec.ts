/**
 * Promotions in the back office: an administrator creates a code promotion with the editor's plain form (a bad
 * percentage first: refused at its field, nothing saved), finds it in the list, generates a batch of single-use codes,
 * downloads them as CSV and deactivates the batch behind its confirmation. A content manager gets the 403 page.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { ADMIN_STAFF, CONTENT_STAFF, logInStaff } from '@tests/support/e2e/staff';

test('an administrator creates a code promotion, generates codes, downloads and deactivates them', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const stamp = Date.now().toString(36).toUpperCase();
  const name = `Winter ten ${stamp}`;
  const code = `WINTER-${stamp}`;

  await logInStaff(page, ADMIN_STAFF);
  await page
    .getByRole('navigation', { name: 'Back office' })
    .getByRole('link', { name: 'Promotions' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Promotions' })).toBeVisible();
  await page.getByRole('link', { name: 'New promotion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New promotion' })).toBeVisible();

  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('With a code the shopper enters').check();
  await page.getByLabel('Codes', { exact: true }).fill(code.toLowerCase());
  await page.getByLabel('Benefit', { exact: true }).selectOption('order_percentage');
  // Only the fields the chosen benefit uses are shown.
  await expect(page.getByLabel(/^Amount off/)).toBeHidden();
  await page.getByLabel('Percentage off (%)').fill('150');
  await page.getByLabel('Total uses (optional)').fill('100');
  await page.getByRole('button', { name: 'Create promotion' }).click();

  // Refused at the field and in the form's alert; the typed values are kept.
  await expect(page.getByRole('alert').filter({ hasText: 'Please check the promotion.' })).toBeVisible();
  const percent = page.getByLabel('Percentage off (%)');
  await expect(percent).toHaveAttribute('aria-invalid', 'true');
  await expect(percent).toHaveAccessibleDescription(/cannot be more than 100%/);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await expect(page).toHaveURL((url) => url.pathname === '/admin/promotions/new');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('promotion-refused-1280.png'), fullPage: true });

  await percent.fill('10');
  await page.getByRole('button', { name: 'Create promotion' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Promotion saved.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByLabel('Codes', { exact: true })).toHaveValue(code);
  const promotionUrl = page.url();

  // The list: one promotion of that name (the refused attempt saved nothing), described in words.
  await page.goto('/admin/promotions');
  const table = page.getByRole('table', { name: 'Promotions, newest first' });
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell')).toHaveText([code, '10% off the order', 'Always', 'Active', '0 of 100']);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('promotions-list-1280.png'), fullPage: true });

  // A batch of five single-use codes.
  await page.goto(promotionUrl);
  await page.getByLabel('Number of codes').fill('5');
  await page.getByLabel('Prefix (optional)').fill('e2e');
  await page.getByRole('button', { name: 'Generate codes' }).click();
  await expect(page.getByRole('status').filter({ hasText: '5 codes generated.' })).toBeVisible();
  const batches = page.getByRole('table', { name: 'Batches of generated codes, newest first' });
  await expect(batches.getByRole('row')).toHaveCount(2);
  await expect(batches.getByRole('cell').first()).toHaveText('E2E');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('promotion-page-1280.png'), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    batches.getByRole('link', { name: /^Download CSV/ }).click(),
  ]);
  const csv = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
  expect(csv[0]).toBe('code,used,active');
  const codes = csv.slice(1);
  expect(codes).toHaveLength(5);
  for (const line of codes) expect(line).toMatch(/^E2E-[0-9A-HJKMNP-TV-Z]{10},no,yes$/);
  expect(new Set(codes).size).toBe(5);

  // Deactivating asks first (Cancel leaves it), then turns the whole batch off.
  await batches.getByRole('button', { name: /^Deactivate batch/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Deactivate this batch?' });
  await expect(confirm).toContainText('All 5 codes stop working at once');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await batches.getByRole('button', { name: /^Deactivate batch/ }).focus();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Yes, deactivate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Batch deactivated' })).toBeVisible();
  await expect(batches.getByRole('cell').nth(2)).toHaveText(/^Deactivated /);
  await expect(batches.getByRole('button', { name: /^Deactivate batch/ })).toHaveCount(0);
});

test('a content manager gets the 403 page for promotions and no link to them', async ({ page }) => {
  await logInStaff(page, CONTENT_STAFF);
  await expect(
    page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Promotions' }),
  ).toHaveCount(0);
  for (const path of ['/admin/promotions', '/admin/promotions/new']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(
      page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }),
    ).toBeVisible();
  }
});

test('without JavaScript: a code another promotion holds is refused at its field; an automatic offer is saved (off) and edited', async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const stamp = Date.now().toString(36).toUpperCase();
  const name = `Free shipping ${stamp}`;
  await logInStaff(page, ADMIN_STAFF, '/admin/promotions/new');

  // WELCOME10 belongs to a demo promotion: codes are never shared, so nothing is saved.
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Codes', { exact: true }).fill(`welcome10\nFRESH-${stamp}`);
  await page.getByLabel('Percentage off (%)').fill('5');
  await page.getByRole('button', { name: 'Create promotion' }).click();
  const codes = page.getByLabel('Codes', { exact: true });
  await expect(codes).toHaveAttribute('aria-invalid', 'true');
  await expect(codes).toHaveAccessibleDescription(/Already in use: WELCOME10/);
  await expect(page.getByRole('alert').filter({ hasText: 'Already in use: WELCOME10' })).toBeVisible();

  // The fields follow the choices by CSS alone.
  await page.getByLabel('Automatically, to every cart that qualifies').check();
  await expect(codes).toBeHidden();
  await page.getByLabel('Benefit', { exact: true }).selectOption('free_shipping');
  await expect(page.getByLabel('Percentage off (%)')).toBeHidden();
  await page.getByLabel(/^Pay shipping up to/).fill('10');
  await page.getByLabel(/^Minimum subtotal/).fill('75');
  // Saved switched off: an automatic offer that is on would change the totals of later checkout specs.
  await page.getByLabel('Active', { exact: true }).uncheck();
  await page.getByRole('button', { name: 'Create promotion' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Promotion saved.' })).toBeVisible();
  // An automatic promotion takes no generated codes.
  await expect(page.getByRole('heading', { name: 'Single-use codes' })).toHaveCount(0);

  await page.getByLabel('Priority').fill('5');
  await page.getByRole('button', { name: 'Save promotion' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Promotion saved.' })).toBeVisible();
  await expect(page.getByLabel('Priority')).toHaveValue('5');
  await expect(page.getByLabel('Active', { exact: true })).not.toBeChecked();
  await expect(page.getByLabel(/^Minimum subtotal/)).toHaveValue('75.00');

  await page.goto('/admin/promotions');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
  await expect(row.getByRole('cell')).toHaveText([
    'Automatic',
    'Free shipping up to $10.00',
    'Always',
    'Off',
    '0 (no limit)',
  ]);
  await context.close();
});
