/**
 * Landing pages end to end: a content manager builds a page with a hero and a product grid, sees a bad link refused,
 * previews the draft through a private link (in a browser with no staff session), schedules it a few seconds ahead,
 * and a shopper sees it go live at that moment on the edge-cached shop; a renamed page then redirects.
 */
import { expect, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { CONTENT_STAFF, freshAddress, logInStaff } from '@tests/support/e2e/staff';

/** A `datetime-local` value (UTC, seconds) `ms` from now. */
const utcInput = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 19);

test('a content manager builds, previews and schedules a landing page; shoppers see it go live', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const slug = `winter-warmers-${Date.now().toString(36)}`;

  const staff = await (await browser.newContext()).newPage();
  await logInStaff(staff, CONTENT_STAFF);
  await staff.getByRole('navigation').getByRole('link', { name: 'Landing pages' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Landing pages' })).toBeVisible();
  await staff.getByRole('link', { name: 'New page' }).click();
  await staff.getByLabel('Title').fill('Winter warmers');
  await staff.getByLabel('Address (optional)').fill(slug);
  await staff.getByRole('button', { name: 'Create page' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Page created.' })).toBeVisible();

  // Blocks are added before saving; the form keeps what was typed.
  await staff.getByLabel('New block').selectOption('hero');
  await staff.getByRole('button', { name: 'Add block' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Hero block added' })).toBeVisible();
  await staff.getByLabel('Heading', { exact: true }).fill('Winter warmers');
  await staff.getByLabel('Text (optional)').fill('Wool, fleece and everything cosy.');
  await staff.getByLabel('New block').selectOption('product-grid');
  await staff.getByRole('button', { name: 'Add block' }).click();
  await expect(staff.getByLabel('Heading', { exact: true })).toHaveValue('Winter warmers');
  await staff.getByLabel('Heading (optional)').fill('Staff favourites');
  await staff.getByLabel('Show products from').selectOption('collection');
  await staff.getByLabel('Collection', { exact: true }).selectOption({ label: 'Staff picks' });

  // A script link on the hero's button is refused beside its field; nothing is saved.
  await staff.getByLabel('Button label (optional)').fill('Shop now');
  await staff.getByLabel('Button link').fill('javascript:alert(1)');
  await staff.getByRole('button', { name: 'Save draft' }).first().click();
  await expect(staff.getByRole('alert').filter({ hasText: 'The draft was not saved' })).toBeVisible();
  await expect(staff.getByText('Use a path on this shop')).toBeVisible();
  await staff.getByLabel('Button link').fill('/collections/staff-picks');
  await staff.getByRole('button', { name: 'Save draft' }).first().click();
  await expect(staff.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();

  // Not in the shop yet.
  const shopper = await (await browser.newContext()).newPage();
  await shopper.setExtraHTTPHeaders({ 'X-Forwarded-For': freshAddress() });
  expect((await shopper.goto(`/pages/${slug}`))?.status()).toBe(404);

  // A private preview link opens the draft for someone with no staff session.
  await staff.getByRole('button', { name: 'Create preview link' }).click();
  const previewPath = await staff.getByLabel('Preview link').inputValue();
  expect(previewPath).toMatch(/^\/preview\/pages\/[A-Za-z0-9_-]{43}$/);
  const colleague = await browser.newContext();
  const preview = await colleague.newPage();
  const previewed = await preview.goto(previewPath);
  expect(previewed?.headers()['cache-control']).toBe('no-store');
  await expect(preview.getByRole('status').filter({ hasText: 'Preview of the draft' })).toBeVisible();
  await expect(preview.getByRole('heading', { level: 1, name: 'Winter warmers' })).toBeVisible();
  await expect(preview.getByRole('heading', { level: 2, name: 'Staff favourites' })).toBeVisible();
  expect(await preview.locator('.product-grid > li').count()).toBeGreaterThan(0);
  expect((await preview.goto(`${previewPath.slice(0, -3)}abc`))?.status()).toBe(404);
  await colleague.close();

  // Scheduled a few seconds ahead: shown as scheduled, still not in the shop, then live on time.
  await staff.getByLabel('Publish at (optional)').fill(utcInput(12_000));
  await staff.getByRole('button', { name: 'Publish draft' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Published.' })).toBeVisible();
  await expect(staff.getByText('Scheduled', { exact: true })).toBeVisible();
  expect((await shopper.goto(`/pages/${slug}`))?.status()).toBe(404);
  await expect(async () => {
    const res = await shopper.goto(`/pages/${slug}`);
    expect(res?.status()).toBe(200);
  }).toPass({ timeout: 40_000, intervals: [2_000] });
  await expect(shopper.getByRole('heading', { level: 1, name: 'Winter warmers' })).toBeVisible();
  await expect(shopper.getByRole('link', { name: 'Shop now' })).toHaveAttribute(
    'href',
    '/collections/staff-picks',
  );
  const grid = shopper.getByRole('region', { name: 'Staff favourites' });
  await expect(grid.getByRole('listitem').first()).toBeVisible();
  expect(await seriousViolations(shopper)).toEqual([]);

  // Renaming the live page leaves a permanent redirect from the old address.
  await staff.reload();
  expect(await seriousViolations(staff)).toEqual([]);
  await staff.getByLabel('Address', { exact: true }).fill(`${slug}-new`);
  await staff.getByRole('button', { name: 'Save draft' }).first().click();
  await expect(staff.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
  const moved = await shopper.request.get(`/pages/${slug}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(moved.headers().location).toBe(`/pages/${slug}-new`);
});
