import { expect, type Page, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { placeGuestOrder } from '@tests/support/e2e/orders';
import { ADMIN_STAFF, logInStaff } from '@tests/support/e2e/staff';

async function onHand(page: Page, sku: string) {
  const res = await page.request.get(`/api/admin/inventory/${encodeURIComponent(sku)}/movements`);
  expect(res.status()).toBe(200);
  return (await res.json()) as {
    level: { onHand: number };
    items: { delta: number; reason: string; reference: string | null }[];
  };
}

test('a customer returns two units; staff approve, receive one restocked and one damaged; stock goes up by one', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const order = await placeGuestOrder(request, [2]);
  await logInStaff(page, ADMIN_STAFF);
  await page.goto(`/admin/orders?q=${order.number}`);
  await page.getByRole('link', { name: `#${order.number}` }).click();
  const adminOrder = page.url();
  const sku = (await page.locator('section[aria-labelledby="lines"] code').first().textContent())!.trim();

  // Ship both units.
  const ship = page.locator('#ship-form');
  await ship.getByLabel('Carrier').selectOption({ label: 'UPS' });
  await ship.getByLabel('Tracking number').fill('1Z 999 AA1 0123 4567 84');
  await ship.getByRole('button', { name: 'Ship these items' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Shipped.' })).toBeVisible();
  const before = await onHand(page, sku);

  // The customer, from their order link: Return items.
  for (const viewport of [
    { width: 390, height: 844, name: 'phone' },
    { width: 1280, height: 900, name: 'desktop' },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(`/orders/${order.token}`);
    await page.screenshot({ path: `test-results/returns-form-${viewport.name}.png`, fullPage: true });
  }
  const returns = page.getByRole('region', { name: 'Returns' });
  await expect(returns.getByRole('heading', { name: 'Return items' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // "Other" without a note is refused beside the field.
  await returns.getByLabel('Quantity to return').selectOption('2');
  await returns.getByLabel('Reason').selectOption({ label: 'Other (tell us why)' });
  await returns.getByRole('button', { name: 'Request return' }).click();
  await expect(returns.getByText('Tell us why you are returning it.')).toBeVisible();
  await returns.getByLabel('Quantity to return').selectOption('2');
  await returns.getByLabel('Reason').selectOption({ label: 'Too small' });
  await returns.getByRole('button', { name: 'Request return' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Return ${order.number}-R1 requested` }),
  ).toBeVisible();
  await expect(returns.getByText('Requested', { exact: true })).toBeVisible();
  // Everything shipped is now in a return: no form.
  await expect(returns.getByRole('heading', { name: 'Return items' })).toHaveCount(0);

  // Staff approve, then receive one restocked and one damaged.
  await page.goto(adminOrder);
  const section = page.locator('#returns');
  await expect(section.getByRole('heading', { name: new RegExp(`Return ${order.number}-R1`) })).toBeVisible();
  await section.getByRole('button', { name: `Approve return ${order.number}-R1` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Return approved.' })).toBeVisible();
  await section.getByLabel('Restock').fill('1');
  await section.getByLabel('Damaged').fill('1');
  await page.screenshot({ path: 'test-results/returns-admin-receive.png', fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await section.getByRole('button', { name: `Record receipt of ${order.number}-R1` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Return received.' })).toBeVisible();
  await expect(section).toContainText('1 restocked, 1 damaged, 0 missing');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/returns-admin-received-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  const after = await onHand(page, sku);
  expect(after.level.onHand).toBe(before.level.onHand + 1);
  expect(after.items.filter((m) => m.reason === 'return' && m.reference === `order ${order.number}`)).toEqual(
    [expect.objectContaining({ delta: 1 })],
  );

  // The return window is a setting, reached from the Returns section.
  await section.getByRole('link', { name: 'Change the return window' }).click();
  await page.getByLabel('Days after delivery a customer may start a return').fill('45');
  await page.getByRole('button', { name: 'Save return window' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Return window saved.' })).toBeVisible();
  await expect(page.getByLabel('Days after delivery a customer may start a return')).toHaveValue('45');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/returns-settings.png', fullPage: true });

  // The customer sees it received.
  await page.goto(`/orders/${order.token}`);
  await expect(
    page.getByRole('region', { name: 'Returns' }).getByText('Received', { exact: true }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/returns-customer-received.png', fullPage: true });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a guest asks to return an item with the plain form; staff reject it with a reason', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const order = await placeGuestOrder(request, [1]);
    await logInStaff(page, ADMIN_STAFF);
    await page.goto(`/admin/orders?q=${order.number}`);
    await page.getByRole('link', { name: `#${order.number}` }).click();
    const adminOrder = page.url();
    const ship = page.locator('#ship-form');
    await ship.getByLabel('Carrier').selectOption({ label: 'Other' });
    await ship.getByRole('button', { name: 'Ship these items' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Shipped.' })).toBeVisible();

    await page.goto(`/orders/${order.token}`);
    const returns = page.getByRole('region', { name: 'Returns' });
    // A quantity without a reason is refused beside the field, nothing requested.
    await returns.getByLabel('Quantity to return').selectOption('1');
    await returns.getByRole('button', { name: 'Request return' }).click();
    await expect(page.getByText('Choose why you are returning it.')).toBeVisible();
    await page.screenshot({ path: 'test-results/returns-form-error-nojs.png', fullPage: true });
    // What was chosen is kept.
    await expect(page.getByRole('region', { name: 'Returns' }).getByLabel('Quantity to return')).toHaveValue(
      '1',
    );
    await page
      .getByRole('region', { name: 'Returns' })
      .getByLabel('Reason')
      .selectOption({ label: 'Changed my mind' });
    await page
      .getByRole('region', { name: 'Returns' })
      .getByRole('button', { name: 'Request return' })
      .click();
    await expect(
      page.getByRole('status').filter({ hasText: `Return ${order.number}-R1 requested` }),
    ).toBeVisible();

    await page.goto(adminOrder);
    const section = page.locator('#returns');
    await section.getByLabel('Reason for rejecting (the customer reads it)').fill('Opened hygiene item');
    await section.getByRole('button', { name: `Reject return ${order.number}-R1` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Return rejected.' })).toBeVisible();
    await expect(section).toContainText('Rejected because: Opened hygiene item');

    await page.goto(`/orders/${order.token}`);
    await expect(page.getByRole('region', { name: 'Returns' })).toContainText('Reason: Opened hygiene item');
    // The unit is free again: the form is back.
    await expect(
      page.getByRole('region', { name: 'Returns' }).getByRole('heading', { name: 'Return items' }),
    ).toBeVisible();
  });
});
