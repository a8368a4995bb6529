/** Facets e2e: filter a category by size and colour with the form, share the URL, counts follow, pages keep filters. */
import { expect, test } from '@playwright/test';

const count = async (page: import('@playwright/test').Page) =>
  Number((await page.getByRole('status').first().innerText()).match(/\d[\d,]*/)![0].replace(/,/g, ''));

test.use({ javaScriptEnabled: false });

test('filtering a category by size and colour gives a shareable URL, and paging keeps the filters', async ({
  page,
}) => {
  await page.goto('/c/t-shirts');
  const all = await count(page);
  expect(all).toBeGreaterThan(0);
  const filters = page.getByRole('complementary', { name: 'Filters' });
  // Phones fold the filters into a <details>; open it when it is closed.
  const summary = filters.locator('summary');
  if (!(await filters.locator('details').getAttribute('open'))) await summary.click();

  await filters.getByRole('group', { name: 'Size' }).getByText('M', { exact: false }).first().click();
  const colour = filters.getByRole('group', { name: 'Colour' }).getByRole('checkbox').first();
  const colourName = await colour.getAttribute('value');
  await colour.check();
  await filters.getByRole('button', { name: 'Apply filters' }).click();

  await expect(page).toHaveURL(/\/c\/t-shirts\?size=M&colour=/);
  const url = page.url();
  const filtered = await count(page);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);
  const names = await page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts();

  // The same URL, opened again (as a shared link would be), shows the same products with the boxes ticked.
  await page.goto(url);
  expect(await count(page)).toBe(filtered);
  expect(await page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(names);
  await expect(filters.getByRole('checkbox', { name: new RegExp(`^${colourName}`) })).toBeChecked();

  // Counts follow the filters: with a size chosen, the size facet still counts other sizes (disjunctive).
  const sizeGroup = filters.getByRole('group', { name: 'Size' });
  await expect(sizeGroup.getByRole('checkbox')).not.toHaveCount(1);

  // Pagination keeps the filters.
  await page.goto('/search?in_stock=1');
  const next = page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /Next/ });
  await expect(next).toHaveAttribute('href', /in_stock=1.*page=2|page=2.*in_stock=1/);
  await next.click();
  await expect(page).toHaveURL(/in_stock=1/);
  await expect(page.getByRole('checkbox', { name: /In stock only/ })).toBeChecked();

  // Clear filters goes back to the whole category.
  await page.goto(url);
  await page.getByRole('link', { name: 'Clear filters' }).first().click();
  await expect(page).toHaveURL(/\/c\/t-shirts$/);
  expect(await count(page)).toBe(all);
});
