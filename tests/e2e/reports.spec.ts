/**
 * An administrator reads the reports: an order placed in the shop shows at once on the dashboard and in the sales
 * report, the range form changes the grain and comparison (and says what is wrong with an inverted range), the CSV
 * downloads, the best sellers list it (their form offers only the range), and the customers report names the top
 * customers of all time. Read by roles and names, checked with axe, on a laptop and a phone.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { placeGuestOrder } from '@tests/support/e2e/orders';
import { ADMIN_STAFF, freshAddress, logInStaff } from '@tests/support/e2e/staff';

/** Orders in the sales table's row for `label`, or 0 when there is no such row yet. */
async function ordersIn(page: Page, label: string): Promise<number> {
  const table = page.getByRole('table', { name: /Sales by day/ });
  const row = table.getByRole('row', { name: new RegExp(`^${label}\\b`) });
  if ((await row.count()) === 0) return 0;
  return Number((await row.getByRole('cell').first().textContent())?.replace(/\D/g, '') || 0);
}

test('an order placed in the shop shows in the reports at once, and the report reads, filters and downloads', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await logInStaff(page, ADMIN_STAFF, '/admin/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Sales' }),
  ).toHaveAttribute('aria-current', 'page');
  // Today in the report's time zone (not UTC: at 01:00 UTC it is still yesterday in New York) is the last day of
  // the default range, so the table's last body row.
  const label =
    (await page.locator('table tbody tr').last().getByRole('rowheader').textContent())?.trim() ?? '';
  const before = await ordersIn(page, label);

  await placeGuestOrder(request, [2]);
  await page.reload();
  await expect.poll(() => ordersIn(page, label)).toBe(before + 1);
  await expect(page.getByRole('list', { name: 'Key figures' })).toContainText('Net sales');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/reports-sales.png', fullPage: true });

  // The dashboard's tiles say it too.
  await page.goto('/admin');
  const sales = page.getByRole('region', { name: 'Sales' });
  await expect(sales.getByText('Net sales today')).toBeVisible();
  await expect(sales.getByText(/\d+ orders? today/)).not.toHaveText(/^0 orders today/);

  // A longer range by month, against last year.
  await page.goto('/admin/reports');
  await page.getByLabel('From', { exact: true }).fill('2026-01-01');
  await page.getByLabel('To', { exact: true }).fill('2026-12-31');
  await page.getByLabel('Group by').selectOption('month');
  await page.getByLabel('Compare with').selectOption({ label: 'Same dates last year' });
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(page).toHaveURL(/grain=month/);
  const monthly = page.getByRole('table', { name: /Sales by month/ });
  await expect(monthly.getByRole('row')).toHaveCount(1 + 12 + 1);
  await expect(page.getByRole('figure').first()).toContainText('Net sales by month');

  // The CSV holds the same months.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('sales-2026-01-01-to-2026-12-31.csv');
  const csv = readFileSync((await download.path()) as string, 'utf8').split('\r\n');
  expect(csv[0]).toMatch(/^month starting,orders,units,gross sales/);
  expect(csv).toHaveLength(13);

  // An inverted range says what is wrong, beside the field.
  await page.getByLabel('From', { exact: true }).fill('2026-06-01');
  await page.getByLabel('To', { exact: true }).fill('2026-05-01');
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(page.getByText('The range ends before it starts.')).toBeVisible();
  await expect(page.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // Best sellers keep the range.
  await page.goto('/admin/reports');
  await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Products' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Best sellers' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Best sellers by product/ }).getByRole('row')).not.toHaveCount(
    1,
  );
  // Stock cover, and the SKUs running low at the last 28 days' rate (a list, or a sentence saying there are none).
  await expect(
    page
      .getByRole('table', { name: /Best sellers by product/ })
      .getByRole('columnheader', { name: 'Stock cover' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Running low' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // Best sellers total the range: grouping and comparison would change nothing, so they are not offered; the range
  // form and its CSV still work.
  await expect(page.getByLabel('Group by')).toHaveCount(0);
  await expect(page.getByLabel('Compare with')).toHaveCount(0);
  // A new range keeps the grouping chosen.
  await page
    .getByRole('navigation', { name: 'Best sellers by' })
    .getByRole('link', { name: 'Variants by net sales' })
    .click();
  await expect(page.getByRole('table', { name: /Best sellers by variant/ })).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('2026-01-01');
  await page.getByLabel('To', { exact: true }).fill('2026-03-31');
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(page).toHaveURL(/from=2026-01-01&to=2026-03-31/);
  await expect(page.getByRole('table', { name: /Best sellers by variant/ })).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Best sellers by' })
      .getByRole('link', { name: 'Variants by net sales' }),
  ).toHaveAttribute('aria-current', 'page');
  const [productsCsv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  expect(productsCsv.suggestedFilename()).toBe('products-2026-01-01-to-2026-03-31.csv');
  expect(readFileSync((await productsCsv.path()) as string, 'utf8')).toMatch(/^variant,id,units sold/);

  // The dashboard counts the orders needing attention, each reason a link to the order list filtered by it.
  await page.goto('/admin');
  const attention = page.getByRole('region', { name: 'Orders needing attention' });
  await expect(attention).toBeVisible();
  await attention.getByRole('link', { name: /Paid, not shipped after 2 days/ }).click();
  await expect(page).toHaveURL(/\/admin\/orders\?attention=unshipped/);
  await expect(page.getByLabel('Needs attention')).toHaveValue('unshipped');
  expect(await seriousViolations(page)).toEqual([]);

  // Customers: the all-time figures and top spenders, the demo account among them by name, linked to the account.
  // The demo history is drawn up to today, so where Liam ranks moves from day to day: a large order of his own (he
  // signs in through the API) puts him among the top spenders whatever the day.
  const login = await request.post('/api/account/login', {
    headers: { 'X-Forwarded-For': freshAddress() },
    data: { email: 'liam@demo.shop', password: 'liam-demo-1234' },
  });
  expect(login.status()).toBe(200);
  await placeGuestOrder(request, [30, 30]);
  await page.goto('/admin/reports');
  await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'All time' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'All-time customer figures' })).toContainText(
    'Average orders per customer',
  );
  const top = page.getByRole('table', { name: 'Top customers by net sales (all time)' });
  await expect(top.getByRole('row')).toHaveCount(1 + 20);
  await expect(top.getByRole('link', { name: 'Liam Murphy' })).toHaveAttribute(
    'href',
    /^\/admin\/customers\/cus_/,
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/reports-customers.png', fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/admin/reports');
  await page.screenshot({ path: 'test-results/reports-sales-phone.png', fullPage: true });
  await context.close();
});

test('every variant that sold in a range exports in the background, with progress, as a CSV', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await logInStaff(page, ADMIN_STAFF, '/admin/reports/products');
  await page.goto('/admin/reports/products?from=2026-01-01&to=2026-03-31&group=variant&by=net');
  await page.getByRole('link', { name: 'Export every variant' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Report exports' })).toBeVisible();
  // The form starts from the best sellers' range and grouping.
  await expect(page.getByLabel('From')).toHaveValue('2026-01-01');
  await expect(page.getByLabel('To')).toHaveValue('2026-03-31');
  await expect(page.getByLabel('One row per')).toHaveValue('variant');
  await page.getByRole('button', { name: 'Start export' }).click();
  await expect(page.getByRole('status')).toContainText('Export started: variants from 2026-01-01');

  const row = page
    .getByRole('table', { name: 'Exports of the last 7 days, newest first' })
    .getByRole('row', { name: /Variants from 2026-01-01 to 2026-03-31/ })
    .first();
  await expect(async () => {
    await page.goto('/admin/reports/exports');
    await expect(row).toContainText(/Done: [\d,]+ rows/, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  const rows = Number((await row.textContent())?.match(/Done: ([\d,]+) rows/)?.[1]?.replace(/,/g, ''));
  expect(rows).toBeGreaterThan(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/reports-exports.png', fullPage: true });

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: /Download CSV/ }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('variants-2026-01-01-to-2026-03-31.csv');
  const lines = readFileSync((await file.path()) as string, 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('variant,id,units sold,units refunded,gross sales,discounts,refunds,net sales');
  expect(lines).toHaveLength(1 + rows);
});
