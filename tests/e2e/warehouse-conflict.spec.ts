import { expect, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { placeGuestOrder } from '@tests/support/e2e/orders';
import { adminApi, adminOrder, card, openWarehouse, waitForOfflineShell } from '@tests/support/e2e/warehouse';

test.use({ viewport: { width: 768, height: 1024 } });

test('an order cancelled in the admin while a tablet shipped it offline lands in Needs attention with both sides', async ({
  page,
  context,
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const order = await placeGuestOrder(request, [1]);
  await openWarehouse(page);
  await waitForOfflineShell(page);
  await expect(card(page, order.number)).toBeVisible();
  const admin = await adminApi(browser, baseURL as string);
  const { id } = await adminOrder(admin.api, order.number);

  await context.setOffline(true);
  await page.getByRole('link', { name: `Order ${order.number}` }).click();
  await page.getByRole('button', { name: 'Mark packed' }).click();
  await page.getByLabel('Carrier').selectOption({ label: 'DHL' });
  await page.getByLabel('Tracking number').fill('JD0146000062');
  await page.getByRole('button', { name: `Ship order ${order.number}` }).click();
  await expect(page.locator('.wh-titlebar .wh-badge')).toHaveText(/Saved on this device/);

  // Meanwhile the shop cancels it.
  const cancelled = await admin.api.post(`/api/admin/orders/${id}/cancel`, {
    data: { reason: 'Customer called to cancel', restock: true },
  });
  expect(cancelled.status()).toBe(200);

  await context.setOffline(false);
  // The order's page says the server refused, and leads to the list (the menu's count may already show it too).
  await expect(page.getByText('The server refused an action on this order.')).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('link', { name: 'See Needs attention' }).click();
  const conflict = page.locator(`[data-order="${order.number}"]`);
  await expect(conflict.getByRole('heading', { name: `Order ${order.number}` })).toBeVisible();
  await expect(conflict).toContainText('The order was cancelled.');
  await expect(conflict.getByRole('region', { name: 'What this tablet did' })).toContainText(
    'Shipped with dhl JD0146000062',
  );
  await expect(conflict.getByRole('region', { name: 'The order now' })).toContainText('cancelled');
  // Cancelled: no retry, only discard or a note.
  await expect(conflict.getByRole('button', { name: 'Retry with the current order' })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/warehouse-conflict.png', fullPage: true });

  await conflict
    .getByLabel(`Note for the supervisor on order ${order.number}`)
    .fill('Parcel was already labelled; put back on shelf A-2.');
  await conflict.getByRole('button', { name: 'Add note for the supervisor' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Note added to order ${order.number}` }),
  ).toBeVisible();
  await expect
    .poll(
      async () =>
        (await adminOrder(admin.api, order.number)).timeline.some((e) =>
          e.note?.includes('put back on shelf'),
        ),
      {
        timeout: 20_000,
      },
    )
    .toBe(true);
  await conflict.getByRole('button', { name: 'Discard my actions' }).click();
  await expect(page.getByText('Nothing needs attention.')).toBeVisible();

  const view = await adminOrder(admin.api, order.number);
  expect(view.status).toBe('cancelled');
  expect(view.shipments).toEqual([]);
  await admin.close();
});

test('an order edited in the admin while a tablet packed it offline can be retried on the current order', async ({
  page,
  context,
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const order = await placeGuestOrder(request, [1]);
  await openWarehouse(page);
  await waitForOfflineShell(page);
  await expect(card(page, order.number)).toBeVisible();
  const admin = await adminApi(browser, baseURL as string);
  const { id } = await adminOrder(admin.api, order.number);

  await context.setOffline(true);
  await page.getByRole('link', { name: `Order ${order.number}` }).click();
  await page.getByRole('button', { name: 'Mark packed' }).click();
  await expect(page.locator('.wh-titlebar .wh-badge')).toHaveText(/Saved on this device/);

  // Meanwhile the shop corrects the address: the order's version moves on.
  const edited = await admin.api.put(`/api/admin/orders/${id}/shipping-address`, {
    data: {
      address: {
        name: 'Grace Hopper',
        line1: '2 Mission St',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94105',
        country: 'US',
      },
    },
  });
  expect(edited.status()).toBe(200);

  await context.setOffline(false);
  await page.goto('/warehouse/attention');
  const conflict = page.locator(`[data-order="${order.number}"]`);
  await expect(conflict).toContainText('The order was changed after this tablet last saw it.', {
    timeout: 30_000,
  });
  await expect(conflict.getByRole('region', { name: 'What this tablet did' })).toContainText('Marked packed');
  await expect(conflict.getByRole('region', { name: 'The order now' })).toContainText('2 Mission St');
  await conflict.getByRole('button', { name: 'Retry with the current order' }).click();
  await expect(page.getByText('Nothing needs attention.')).toBeVisible({ timeout: 30_000 });

  await page.goto('/warehouse');
  await expect(card(page, order.number)).toContainText('packed');
  await expect(card(page, order.number)).toContainText('Synced');
  const queue = (await (await page.request.get('/api/warehouse/queue')).json()) as {
    orders: { number: string; packedAt: number | null; shipTo: { line1: string } }[];
  };
  expect(queue.orders.find((o) => o.number === order.number)).toMatchObject({
    shipTo: { line1: '2 Mission St' },
  });
  expect(queue.orders.find((o) => o.number === order.number)?.packedAt).not.toBeNull();
  await admin.close();
});
