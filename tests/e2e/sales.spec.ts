/**
 * Catalog sales in Chromium, on the demo store's live Knitwear sale (db/seed/generate.ts DEMO_SALE, 25% off): the
 * category listing and the product page show the sale price beside the original struck through, with "Now"/"Was"
 * for screen readers and a Sale badge; the cart charges the sale price; the back office lists the sale as live, and
 * its form (posted as a document) shows field errors, creates a scheduled sale and deactivates it.
 */
import { expect, type Locator, test } from '@playwright/test';
import { chooseInStockVariant } from '@tests/support/e2e/product-page';
import { ADMIN_STAFF, logInStaff } from '@tests/support/e2e/staff';

/** "$1,234.56" (the first price in `text`) as integer cents. */
function centsOf(text: string): number {
  const match = /\$([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`no price in ${JSON.stringify(text)}`);
  return Number(match[1]!.replaceAll(',', '')) * 100 + Number(match[2]);
}

/** The now and was prices of a Price element, read from what screen readers hear. */
async function nowAndWas(price: Locator): Promise<{ now: number; was: number }> {
  const text = await price.innerText();
  const was = price.locator('s');
  await expect(was).toContainText('Was');
  expect(text).toContain('Now');
  return { now: centsOf(text), was: centsOf(await was.innerText()) };
}

/** 25% off, rounded half to even as domain/pricing/money.ts does it (close enough: within a cent). */
const expectQuarterOff = ({ now, was }: { now: number; was: number }) =>
  expect(Math.abs(now - was * 0.75)).toBeLessThanOrEqual(1);

test('a shopper sees was/now on the listing and the product page, and pays the sale price', async ({
  page,
}) => {
  await page.goto('/c/knitwear');
  await expect(page.getByRole('heading', { level: 1, name: 'Knitwear' })).toBeVisible();
  const cards = page.getByRole('list', { name: 'Knitwear products' }).getByRole('listitem');
  await expect(cards.first()).toBeVisible();
  const first = cards.first();
  await expect(first.getByText('Sale', { exact: true })).toBeVisible();
  expectQuarterOff(await nowAndWas(first.locator('.price')));

  // Open products until one has an in-stock variant (the seed sells out a few SKUs on purpose).
  let chosen = '';
  for (let i = 0; i < 5 && !chosen; i++) {
    await page.goto('/c/knitwear');
    const link = cards.nth(i).getByRole('heading').getByRole('link');
    const name = (await link.innerText()).trim();
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    if (await chooseInStockVariant(page)) chosen = name;
  }
  expect(chosen, 'a knitwear product with an in-stock variant').not.toBe('');
  const shown = await nowAndWas(page.getByTestId('product-price'));
  expectQuarterOff(shown);

  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added 1 × ${chosen}` })).toBeVisible();
  await page.goto('/cart');
  const line = page
    .getByRole('list', { name: 'Items in your cart' })
    .getByRole('listitem')
    .filter({ hasText: chosen });
  await expect(line.locator('s')).toContainText('Was');
  expect(centsOf(await line.locator('s').innerText())).toBe(shown.was);
  expect(centsOf(await line.getByTestId('line-total').innerText())).toBe(shown.now);
  expect(centsOf(await page.getByRole('complementary', { name: 'Order summary' }).innerText())).toBe(
    shown.now,
  );
});

test('administrators see the demo sale as live and can open it', async ({ page }) => {
  await logInStaff(page, ADMIN_STAFF, '/admin/promotions');
  await page.getByRole('link', { name: 'Sales' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sales' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Knitwear sale' });
  await expect(row).toContainText('25% off');
  await expect(row).toContainText('Live');
  await row.getByRole('link', { name: 'Knitwear sale' }).click();
  await expect(page.getByLabel('Percentage off')).toHaveValue('25');
  await expect(page.getByRole('checkbox', { name: 'Knitwear' })).toBeChecked();
});

test('administrators create a scheduled sale through the form, see its errors, and deactivate it', async ({
  page,
}) => {
  await logInStaff(page, ADMIN_STAFF, '/admin/promotions/sales/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New sale' })).toBeVisible();
  const name = `Hats weekend ${Date.now().toString(36)}`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Percentage off').fill('120');
  await page.getByRole('checkbox', { name: 'Hats' }).check();
  // A window far in the future, so no other spec's prices change.
  await page.getByLabel('Starts (UTC)').fill('2030-01-04T09:00');
  await page.getByLabel('Ends (UTC)').fill('2030-01-01T09:00');
  await page.getByRole('button', { name: 'Create sale' }).click();
  await expect(page.getByLabel('Percentage off')).toHaveAccessibleDescription(
    /A sale cannot take more than 100% off\./,
  );
  await expect(page.getByLabel('Ends (UTC)')).toHaveAccessibleDescription(
    /The end must be after the start\./,
  );
  await expect(page.getByLabel('Name')).toHaveValue(name); // what was typed is kept

  await page.getByLabel('Percentage off').fill('15');
  await page.getByLabel('Ends (UTC)').fill('2030-01-06T09:00');
  await page.getByRole('button', { name: 'Create sale' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sale saved.' })).toBeVisible();
  await expect(page.getByText('Scheduled', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Deactivate sale' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sale deactivated' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Deactivated');
});
