import { expect, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { placeGuestOrder } from '@tests/support/e2e/orders';
import {
  adminApi,
  adminOrder,
  card,
  openWarehouse,
  pickEverything,
  waitForOfflineShell,
} from '@tests/support/e2e/warehouse';

test.use({ viewport: { width: 1024, height: 768 } });

test('a warehouse user picks, packs and ships three orders offline; each ends shipped once with tracking', async ({
  page,
  context,
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const orders = [];
  for (const quantities of [[2], [1, 1], [1]]) orders.push(await placeGuestOrder(request, quantities));
  await openWarehouse(page);
  await waitForOfflineShell(page);
  for (const o of orders) await expect(card(page, o.number)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await context.setOffline(true);
  // The queue opens offline: the page from the service worker, the orders from IndexedDB.
  await page.reload();
  await expect(page.locator('.wh-status')).toContainText('Offline');
  for (const o of orders) await page.getByLabel(`Select ${o.number} for picking`).check();
  await page.getByRole('link', { name: 'Pick selected orders (3)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pick list' })).toBeVisible();
  expect(await pickEverything(page)).toBe(5);
  await page.screenshot({ path: 'test-results/warehouse-pick-offline.png', fullPage: true });

  for (const [i, o] of orders.entries()) {
    await page.getByRole('link', { name: `Open order ${o.number}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Order ${o.number}` })).toBeVisible();
    await page.getByRole('button', { name: 'Mark packed' }).click();
    await page.getByLabel('Carrier').selectOption({ label: 'UPS' });
    await page.getByLabel('Tracking number').fill(`1Z999AA1000${i}`);
    await page.getByRole('button', { name: `Ship order ${o.number}` }).click();
    await expect(page.locator('.wh-titlebar .wh-badge')).toHaveText(/Saved on this device/);
    await page.goBack();
  }
  await page.goto('/warehouse');
  const shipped = page.getByRole('list', { name: 'Shipped from this device' });
  for (const o of orders)
    await expect(shipped.locator(`[data-order="${o.number}"]`)).toContainText('Saved on this device');
  await page.screenshot({ path: 'test-results/warehouse-queue-offline.png', fullPage: true });

  await context.setOffline(false);
  for (const o of orders) await expect(card(page, o.number)).toContainText('Synced', { timeout: 30_000 });
  await expect(page.locator('.wh-status')).toContainText('All synced');

  const admin = await adminApi(browser, baseURL as string);
  for (const [i, o] of orders.entries()) {
    const view = await adminOrder(admin.api, o.number);
    expect(view.status).toBe('shipped');
    expect(view.shipments).toEqual([
      expect.objectContaining({ carrier: 'ups', trackingNumber: `1Z999AA1000${i}` }),
    ]);
  }
  await admin.close();
  // The customer sees the tracking on their order page.
  await page.goto(`/orders/${orders[0]?.token}`);
  await expect(page.getByText('1Z999AA10000')).toBeVisible();
});
