import { expect, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { placeGuestOrder } from '@tests/support/e2e/orders';
import { ADMIN_STAFF, CONTENT_STAFF, logInStaff, WAREHOUSE_STAFF } from '@tests/support/e2e/staff';

test('an administrator finds an order, notes it, moves it to processing and sees the timeline', async ({
  page,
  request,
}) => {
  const order = await placeGuestOrder(request);
  await logInStaff(page, ADMIN_STAFF);
  await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Search by order number, email, name or SKU').fill(order.email);
  await page.getByLabel('Status').selectOption({ label: 'Pending' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  // The filters live in the URL: the filtered list can be reloaded or shared.
  await expect(page).toHaveURL(/status=pending/);
  await page.reload();
  await expect(page.getByLabel('Status')).toHaveValue('pending');
  const row = page.getByRole('row', { name: new RegExp(`#${order.number}`) });
  await expect(row).toContainText('Pending');
  await expect(row).toContainText('Grace Hopper');
  await row.getByRole('link', { name: `#${order.number}` }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`Order #${order.number}`) }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Items', exact: true })).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: /^Total$/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Note for the team (customers never see it)').fill('Gift wrap requested by phone');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Note added.' })).toBeVisible();

  await page.getByRole('button', { name: 'Mark as processing' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status changed.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Processing');
  // Shipping is a parcel with a carrier, never a bare status button.
  await expect(page.getByRole('button', { name: 'Ship these items' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as shipped' })).toHaveCount(0);

  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem').nth(0)).toContainText('Order placed');
  await expect(timeline.getByRole('listitem').nth(1)).toContainText('Note by Ada Admin');
  await expect(timeline.getByRole('listitem').nth(1)).toContainText('Gift wrap requested by phone');
  await expect(timeline.getByRole('listitem').nth(2)).toContainText('Pending → Processing by Ada Admin');
  expect(await seriousViolations(page)).toEqual([]);
});

test('an administrator marks selected orders as processing from the list', async ({ page, request }) => {
  const order = await placeGuestOrder(request);
  await logInStaff(page, ADMIN_STAFF);
  await page.goto(`/admin/orders?q=${encodeURIComponent(order.email)}`);
  await page.getByRole('checkbox', { name: `Select order #${order.number}` }).check();
  await page.getByRole('button', { name: 'Mark selected as processing' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 order marked as processing.' })).toBeVisible();
  // Nothing complains, e.g. about the action's own `qaction` parameter being an unknown filter.
  for (const alert of await page.getByRole('alert').all()) await expect(alert).toHaveText('');
  await expect(page.getByRole('row', { name: new RegExp(`#${order.number}`) })).toContainText('Processing');
});

test('a warehouse user reads orders without the forms; a content manager cannot open them', async ({
  page,
}) => {
  await logInStaff(page, WAREHOUSE_STAFF);
  await page.goto('/admin/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark selected as processing' })).toHaveCount(0);

  await page.context().clearCookies();
  await logInStaff(page, CONTENT_STAFF);
  const res = await page.goto('/admin/orders');
  expect(res?.status()).toBe(403);
});
