/**
 * Banners and menus end to end: a content manager creates an announcement banner and a footer link with the admin's
 * plain forms; a shopper then sees both on shop pages, the banner's link reachable from the keyboard.
 */
import { expect, test } from '@playwright/test';
import { CONTENT_STAFF, freshAddress, logInStaff } from '@tests/support/e2e/staff';

test('a content manager adds an announcement and a footer link; a shopper sees both', async ({ browser }) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const title = `Winter sale ${stamp}`;
  const label = `Gift guide ${stamp}`;

  const staff = await browser.newPage();
  await logInStaff(staff, CONTENT_STAFF);

  await staff.getByRole('navigation').getByRole('link', { name: 'Banners' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Banners' })).toBeVisible();
  await staff.getByRole('link', { name: 'New banner' }).click();
  await staff.getByLabel('Placement').selectOption('announcement');
  await staff.getByLabel('Title').fill(title);
  await staff.getByLabel('Link (optional)').fill('javascript:alert(1)');
  await staff.getByLabel('Priority').fill('1000');
  await staff.getByRole('button', { name: 'Create banner' }).click();
  // A script link is refused with the reason beside the field; nothing is created.
  await expect(staff.getByText('Use a path on this shop')).toBeVisible();
  await staff.getByLabel('Link (optional)').fill('/search?q=wool');
  await staff.getByRole('button', { name: 'Create banner' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Banner saved.' })).toBeVisible();
  await expect(staff.getByText('Live', { exact: true })).toBeVisible();

  await staff.goto('/admin/content/navigation');
  await staff.getByLabel('Label').last().fill(label);
  await staff.getByLabel('Link').last().fill('/search?q=gift');
  await staff.getByRole('button', { name: 'Add footer link' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'saved in the footer menu' })).toBeVisible();

  const shopper = await browser.newPage();
  await shopper.setExtraHTTPHeaders({ 'X-Forwarded-For': freshAddress() });
  // Shop pages are edge-cached; the writes moved the version, which the Worker re-reads within a second.
  await expect(async () => {
    await shopper.goto('/search');
    await expect(shopper.getByRole('complementary', { name: 'Announcement' })).toContainText(title, {
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  await expect(shopper.getByRole('contentinfo').getByRole('link', { name: label })).toHaveAttribute(
    'href',
    '/search?q=gift',
  );

  // Keyboard: after the skip link, the banner's link is the next stop.
  await shopper.keyboard.press('Tab');
  await expect(shopper.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await shopper.keyboard.press('Tab');
  const more = shopper.getByRole('link', { name: new RegExp(`^Find out more\\s*: ${title}$`) });
  await expect(more).toBeFocused();
  await shopper.keyboard.press('Enter');
  await expect(shopper).toHaveURL(/\/search\?q=wool$/);
});
