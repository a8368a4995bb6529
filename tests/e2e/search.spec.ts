/** Search e2e: suggestions as you type (a native datalist), results by word prefix and stem, FTS syntax inert. */
import { expect, test } from '@playwright/test';

test('typing in the search box suggests matching products, and Enter shows the results', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search products' });
  await box.click();
  await box.pressSequentially('organ', { delay: 40 });
  const options = page.locator('#search-suggestions option');
  await expect.poll(async () => options.count()).toBeGreaterThan(0);
  const values = await options.evaluateAll((els) => els.map((o) => (o as HTMLOptionElement).value));
  expect(values.every((v) => /organ/i.test(v))).toBe(true);

  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=organ/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('organ');
  const cards = page
    .getByRole('main')
    .getByRole('link')
    .filter({ hasText: /organic/i });
  await expect(cards.first()).toBeVisible();
});

test('a plural finds the singular, and FTS syntax in a query is just text', async ({ page }) => {
  await page.goto('/search?q=shirts');
  await expect(page.getByRole('main').getByRole('link').filter({ hasText: /shirt/i }).first()).toBeVisible();
  const res = await page.goto(`/search?q=${encodeURIComponent('"NEAR(* OR name:')}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
