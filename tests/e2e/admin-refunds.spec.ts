import { expect, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { placeGuestOrder } from '@tests/support/e2e/orders';
import { ADMIN_STAFF, logInStaff, WAREHOUSE_STAFF } from '@tests/support/e2e/staff';

test('an administrator refunds part of a delivered order and sees it on the timeline', async ({
  page,
  request,
}) => {
  const order = await placeGuestOrder(request);
  await logInStaff(page, ADMIN_STAFF);
  await page.goto(`/admin/orders?q=${encodeURIComponent(order.email)}`);
  await page.getByRole('link', { name: `#${order.number}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Cancel the order' })).toBeVisible();
  await expect(page.getByLabel('Reason for cancelling')).toBeVisible();
  const ship = page.locator('#ship-form');
  await ship.getByLabel('Carrier').selectOption({ label: 'UPS' });
  await ship.getByLabel('Tracking number').fill('1Z 999 AA1 0123 4567 84');
  await ship.getByRole('button', { name: 'Ship these items' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Shipped.' })).toBeVisible();
  await page.getByRole('button', { name: 'Mark as delivered' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status changed.' })).toBeVisible();
  // Shipped and delivered: no cancelling any more, refunding instead.
  await expect(page.getByRole('heading', { level: 2, name: 'Cancel the order' })).toHaveCount(0);
  const form = page.locator('#refund-form');
  await expect(form.getByRole('heading', { level: 2, name: 'Refund' })).toBeVisible();
  await form.getByLabel(/^Or an amount/).fill('1.00');
  await form.getByLabel(/^Reason/).fill('Scratched box');
  await form.screenshot({ path: 'test-results/admin-refund-form.png' });
  await form.getByRole('button', { name: 'Refund' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Refund sent to the payment provider.' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Partially refunded');

  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('Delivered → Partially refunded by Ada Admin');
  await expect(timeline).toContainText('Refund of $1.00 requested: Scratched box (not restocked)');
  await expect(page.getByRole('region', { name: 'Payments' })).toContainText('$1.00');
  // The form is empty again: submitting twice by accident refunds nothing more.
  await expect(form.getByLabel(/^Or an amount/)).toHaveValue('');
  await page.screenshot({ path: 'test-results/admin-refunded-order.png', fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // The same form sent twice at once (a double click, a resend after a dropped connection): one refund.
  const action = new URL((await form.getAttribute('action'))!, page.url()).href;
  const refundId = await form.locator('input[name="refundId"]').inputValue();
  const twice = await Promise.all(
    [1, 2].map(() =>
      page.request.post(action, {
        form: { amount: '2.00', reason: 'Sent twice', refundId },
        headers: { Origin: new URL(page.url()).origin },
        maxRedirects: 0,
      }),
    ),
  );
  for (const res of twice) expect(res.status(), await res.text()).toBeLessThan(400);
  await page.reload();
  await expect(timeline.getByText('Refund of $2.00 requested: Sent twice')).toHaveCount(1);

  // Warehouse staff read the order but get neither form: they may fulfil, never refund or cancel.
  const orderUrl = new URL(page.url()).pathname;
  await page.context().clearCookies();
  await logInStaff(page, WAREHOUSE_STAFF);
  await page.goto(orderUrl);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Order #${order.number}`);
  await expect(page.getByRole('button', { name: 'Refund' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
});
