import { expect, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { placeGuestOrder } from '@tests/support/e2e/orders';
import { ADMIN_STAFF, logInStaff, WAREHOUSE_STAFF } from '@tests/support/e2e/staff';

test('an administrator ships an order in two parcels and the customer sees both with tracking', async ({
  page,
  request,
}) => {
  const order = await placeGuestOrder(request, [2, 1]);
  await logInStaff(page, ADMIN_STAFF);
  await page.goto(`/admin/orders?q=${order.number}`);
  await page.getByRole('link', { name: `#${order.number}` }).click();
  const form = page.locator('#ship-form');
  await expect(form.getByRole('heading', { name: 'Ship items' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Parcel 1: one of the two units of the first item, with UPS.
  const quantities = form.getByRole('spinbutton');
  await expect(quantities).toHaveCount(2);
  await quantities.nth(0).fill('1');
  await quantities.nth(1).fill('0');
  await form.getByLabel('Carrier').selectOption({ label: 'UPS' });
  await form.getByLabel('Tracking number').fill('1Z 999 AA1 0123 4567 84');
  await form.getByRole('button', { name: 'Ship these items' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Shipped.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Processing');
  await page.screenshot({ path: 'test-results/admin-shipments-partial.png', fullPage: true });

  // Parcel 2: everything left (the form offers it), with DHL.
  await expect(form.getByRole('spinbutton').nth(0)).toHaveValue('1');
  await form.getByLabel('Carrier').selectOption({ label: 'DHL' });
  await form.getByLabel('Tracking number').fill('JD014600006281230');
  await form.getByRole('button', { name: 'Ship these items' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Shipped.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Shipped');
  await expect(page.locator('#ship-form')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Track 1Z 999 AA1 0123 4567 84/ })).toHaveAttribute(
    'href',
    'https://www.ups.com/track?tracknum=1Z%20999%20AA1%200123%204567%2084',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/admin-shipments-shipped.png', fullPage: true });

  // The guest's order page (the link from their emails).
  await page.goto(`/orders/${order.token}`);
  const parcels = page.getByRole('region', { name: 'Parcels and tracking' });
  await expect(parcels.getByRole('heading', { name: 'Parcel 1 of 2' })).toBeVisible();
  await expect(parcels.getByRole('heading', { name: 'Parcel 2 of 2' })).toBeVisible();
  await expect(parcels.getByRole('link', { name: /Track parcel 1 with UPS/ })).toHaveAttribute(
    'href',
    /^https:\/\/www\.ups\.com\/track\?tracknum=1Z%20999/,
  );
  await expect(parcels.getByRole('link', { name: /Track parcel 2 with DHL/ })).toHaveAttribute(
    'href',
    /^https:\/\/www\.dhl\.com\/.*JD014600006281230$/,
  );
  await expect(parcels.getByRole('listitem').filter({ hasText: 'Parcel 1 of 2' })).toContainText('1 ×');
  await expect(parcels.getByRole('listitem').filter({ hasText: 'Parcel 2 of 2' })).toContainText('1 ×');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/customer-parcels.png', fullPage: true });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('warehouse staff ship a whole order with the plain form', async ({ page, request }) => {
    const order = await placeGuestOrder(request, [2, 1]);
    await logInStaff(page, WAREHOUSE_STAFF);
    await page.goto(`/admin/orders?q=${order.number}`);
    await page.getByRole('link', { name: `#${order.number}` }).click();
    const form = page.locator('#ship-form');
    await form.getByLabel('Carrier').selectOption({ label: 'USPS' });
    // No tracking number: refused beside the field, with what was chosen kept.
    await form.getByRole('button', { name: 'Ship these items' }).click();
    await expect(form.locator('#ship-tracking-error')).toHaveText(
      'Enter the tracking number the carrier gave you.',
    );
    await expect(form.getByLabel('Carrier')).toHaveValue('usps');
    await page.screenshot({ path: 'test-results/admin-shipments-error.png', fullPage: true });
    await form.getByLabel('Tracking number').fill('9400 1000 0000 0000 0000 00');
    await form.getByRole('button', { name: 'Ship these items' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Shipped.' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Shipped');
    await expect(page.getByRole('link', { name: /Track 9400 1000/ })).toHaveAttribute(
      'href',
      /^https:\/\/tools\.usps\.com\/.*9400%201000/,
    );
  });
});
