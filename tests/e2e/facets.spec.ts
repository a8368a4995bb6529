/** Facets e2e: filter a category by size and colour, share the URL, counts follow, pages keep the filters. */
import { expect, type Page, test } from '@playwright/test';

/** The "N products" line under the listing's heading. */
async function productCount(page: Page): Promise<number> {
  const text = await page.locator('.listing-head').getByRole('status').innerText();
  return Number(/([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? Number.NaN);
}

/** The filter panel, unfolded: wide screens always show it; elsewhere it starts folded while no filter is active. */
async function openFilters(page: Page) {
  const filters = page.getByRole('complementary', { name: 'Filters' });
  if (!(await filters.getByRole('group', { name: 'Size' }).isVisible())) {
    await filters.locator('summary').click();
  }
  return filters;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('size and colour give a shareable URL; counts, pages and "Clear filters" follow', async ({ page }) => {
    await page.goto('/c/t-shirts');
    const all = await productCount(page);
    expect(all).toBeGreaterThan(1);

    let filters = await openFilters(page);
    await filters.getByRole('group', { name: 'Size' }).getByRole('checkbox', { name: /^M\b/ }).check();
    const colour = filters.getByRole('group', { name: 'Colour' }).getByRole('checkbox').first();
    const colourName = (await colour.getAttribute('value'))!;
    await colour.check();
    await filters.getByRole('button', { name: 'Apply filters' }).click();

    await expect(page).toHaveURL(/\/c\/t-shirts\?/);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('size')).toEqual(['M']);
    expect(url.searchParams.getAll('colour')).toEqual([colourName]);
    const filtered = await productCount(page);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const results = page.getByRole('list', { name: 'T-Shirts products' }).getByRole('heading', { level: 2 });
    const names = await results.allInnerTexts();

    // The same address opened again (a shared link) shows the same products with the same boxes ticked.
    await page.goto(url.href);
    expect(await productCount(page)).toBe(filtered);
    expect(await results.allInnerTexts()).toEqual(names);
    filters = page.getByRole('complementary', { name: 'Filters' });
    await expect(filters.getByRole('checkbox', { name: new RegExp(`^${colourName}\\b`) })).toBeChecked();
    // Disjunctive counts: with M chosen, the other sizes still show what ticking them would add.
    await expect(filters.getByRole('group', { name: 'Size' }).getByRole('checkbox')).not.toHaveCount(1);

    // "Clear filters" goes back to the whole category.
    await filters.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/c\/t-shirts$/);
    expect(await productCount(page)).toBe(all);
  });

  test('the next page keeps the filters', async ({ page }) => {
    await page.goto('/search?in_stock=1');
    const next = page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /Next/ });
    await next.click();
    await expect(page).toHaveURL(/[?&]page=2\b/);
    expect(new URL(page.url()).searchParams.get('in_stock')).toBe('1');
    await expect(page.getByRole('checkbox', { name: /In stock only/ })).toBeChecked();
  });
});

test('with JavaScript, ticking a box applies the filter at once', async ({ page }) => {
  await page.goto('/c/t-shirts');
  const all = await productCount(page);
  const filters = await openFilters(page);
  const colour = filters.getByRole('group', { name: 'Colour' }).getByRole('checkbox').first();
  const colourName = (await colour.getAttribute('value'))!;
  await colour.check();
  await expect(page).toHaveURL(new RegExp(`colour=${encodeURIComponent(colourName)}`));
  const filtered = await productCount(page);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);
});
