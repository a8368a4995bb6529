/**
 * Product editor e2e: an administrator creates a product with two option types, generates its four variants, prices
 * them, uploads images (reordering, relabelling and deleting them), activates it, and the shop shows it at /p/<slug>.
 */
import { expect, test } from '@playwright/test';
import { ADMIN_STAFF, logInStaff } from '@tests/support/e2e/staff';

// A 2×1 red PNG, made here so the test needs no fixture file.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4z8AARAAI/gH/xp559wAAAABJRU5ErkJggg==',
  'base64',
);

test('an administrator creates, prices, illustrates and publishes a product', async ({ page }) => {
  const slug = `e2e-tee-${Date.now().toString(36)}`;
  await logInStaff(page, ADMIN_STAFF);

  await page.goto('/admin/products');
  await page.getByRole('link', { name: 'New product' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New product' })).toBeVisible();

  await page.getByLabel('Name', { exact: true }).fill('E2E Tee');
  await page.getByLabel('Slug').fill(slug);
  await page.getByLabel('Description (Markdown)').fill('A **soft** tee.');
  await page.getByLabel('Category', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Option 1 name').fill('Size');
  await page.getByLabel('Option 1 values').fill('S, M');
  await page.getByLabel('Option 2 name').fill('Colour');
  await page.getByLabel('Option 2 values').fill('Red, Blue');
  await page.getByRole('button', { name: 'Generate variants' }).click();

  const rows = page.locator('table tbody tr');
  await expect(rows).toHaveCount(4);
  for (const label of ['S / Red', 'S / Blue', 'M / Red', 'M / Blue']) {
    await page.getByLabel(`Price of ${label}`, { exact: true }).fill('19.90');
  }
  await page.getByRole('button', { name: 'Save product' }).first().click();

  await expect(page).toHaveURL(/\/admin\/products\/[^/]+\/edit\?created=1$/);
  await expect(page.getByRole('status').getByText('Product created.')).toBeVisible();
  await expect(page.getByLabel('Price of M / Blue', { exact: true })).toHaveValue('19.90');

  await page.getByLabel(/^Image file/).setInputFiles({ name: 'tee.png', mimeType: 'image/png', buffer: PNG });
  await page.getByLabel('Alt text').last().fill('The red tee');
  await page.getByRole('button', { name: 'Upload image' }).click();
  await expect(page.getByRole('img', { name: 'The red tee' })).toBeVisible();
  await expect(page.getByText('2×1 px')).toBeVisible();

  // A second photo, moved to the front, its alt text corrected, then the first photo deleted: the list follows.
  const photos = page.getByRole('region', { name: 'Images' }).getByRole('img');
  await page
    .getByLabel(/^Image file/)
    .setInputFiles({ name: 'back.png', mimeType: 'image/png', buffer: PNG });
  await page.getByLabel('Alt text').last().fill('The back of the tee');
  await page.getByRole('button', { name: 'Upload image' }).click();
  await expect(photos).toHaveCount(2);
  await page.getByRole('button', { name: 'Move up image 2' }).click();
  await expect(photos.first()).toHaveAttribute('alt', 'The back of the tee');
  await page.getByLabel('Alt text').first().fill('The back of the red tee');
  await page.getByRole('button', { name: 'Save alt text of image 1' }).click();
  await expect(photos.first()).toHaveAttribute('alt', 'The back of the red tee');
  const deleted = (await photos.nth(1).getAttribute('src'))!;
  expect((await page.request.get(deleted)).status()).toBe(200);
  await page.getByRole('button', { name: 'Delete image 2' }).click();
  await expect(photos).toHaveCount(1);
  expect((await page.request.get(deleted)).status()).toBe(404); // the file is gone from the bucket too
  await expect(photos.first()).toHaveAttribute('alt', 'The back of the red tee');

  await page.getByLabel('Status', { exact: true }).selectOption('active');
  await page.getByRole('button', { name: 'Save product' }).first().click();
  await expect(page.getByRole('status').getByText('Product saved.')).toBeVisible();
  await page.screenshot({ path: 'test-results/admin-product-editor.png', fullPage: true });

  await page.goto(`/p/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: 'E2E Tee' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'The back of the red tee' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'The red tee', exact: true })).toHaveCount(0);
  await expect(page.getByText(/19\.90/).first()).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('uploading an image posts the form and the page says so', async ({ page }) => {
    await logInStaff(page, ADMIN_STAFF);
    const { items } = (await (await page.request.get('/api/admin/products')).json()) as {
      items: { id: string }[];
    };
    await page.goto(`/admin/products/${items[0]!.id}/edit`);
    const photos = page.getByRole('region', { name: 'Images' }).getByRole('img');
    const before = await photos.count();
    await page
      .getByLabel(/^Image file/)
      .setInputFiles({ name: 'plain.png', mimeType: 'image/png', buffer: PNG });
    await page.getByLabel('Alt text').last().fill('Posted without scripts');
    await page.getByRole('button', { name: 'Upload image' }).click();
    await expect(page.getByRole('status').getByText('Image uploaded.')).toBeVisible();
    await expect(photos).toHaveCount(before + 1);
    await expect(page.getByRole('img', { name: 'Posted without scripts' })).toBeVisible();
  });
});
