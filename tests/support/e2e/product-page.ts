/** Playwright steps on the product page that several e2e specs share. */
import type { Page } from '@playwright/test';

/** Checks an in-stock size/colour on the product page; its options, or null when every variant is out of stock. */
export async function chooseInStockVariant(page: Page): Promise<{ size: string; colour: string } | null> {
  const colours = page.getByRole('group', { name: /Colour/ }).getByRole('radio');
  const sizes = page.getByRole('group', { name: /Size/ }).getByRole('radio');
  const colourCount = await colours.count();
  const sizeCount = await sizes.count();
  for (let c = 0; c < Math.max(colourCount, 1); c++) {
    if (colourCount > 0) await colours.nth(c).check();
    for (let s = 0; s < Math.max(sizeCount, 1); s++) {
      if (sizeCount > 0) await sizes.nth(s).check();
      if (await page.getByText('In stock', { exact: true }).isVisible()) {
        return {
          colour: colourCount > 0 ? await colours.nth(c).inputValue() : '',
          size: sizeCount > 0 ? await sizes.nth(s).inputValue() : '',
        };
      }
    }
  }
  return null;
}
