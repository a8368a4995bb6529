/** Accessibility e2e: axe-core finds no serious or critical violation on the shop's main pages, on a phone and a desktop. */
import { expect, type Page, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

interface Category {
  slug: string;
  productCount: number;
}
interface ProductSummary {
  slug: string;
  name: string;
}

/** Paths of a home page, a category listing, search results and a product page of the seeded store. */
async function shopPages(page: Page): Promise<Record<string, string>> {
  const categories = ((await (await page.request.get('/api/categories')).json()) as { items: Category[] })
    .items;
  const category = categories.find((c) => c.productCount > 0)!;
  const [product] = (
    (await (await page.request.get(`/api/products?category=${category.slug}&limit=1`)).json()) as {
      items: ProductSummary[];
    }
  ).items;
  const word = product!.name.split(/\s+/)[0]!;
  return {
    home: '/',
    listing: `/c/${category.slug}`,
    search: `/search?q=${encodeURIComponent(word)}`,
    product: `/p/${product!.slug}`,
  };
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`on a ${name}`, () => {
    test.use({ viewport, serviceWorkers: 'block' });

    for (const pageName of ['home', 'listing', 'search', 'product'] as const) {
      test(`${pageName} has no serious or critical axe violation`, async ({ page }) => {
        const path = (await shopPages(page))[pageName]!;
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}
