/** Page weight e2e: the JavaScript a first visit to home, a listing and a product page downloads; never the outbox. */
import { expect, test } from '@playwright/test';

/**
 * Budgets for a first visit's scripts, compressed bytes on the wire (headers included, as Chromium counts them over
 * HTTP/1.1: about 900 bytes of security headers per file, which HTTP/2 compresses away). Measured on 2026-12-02 with
 * Lighthouse 12.2.3 (docs/benchmarks.md): home 39,742 in 11 files, a category 41,726 in 13, a product page 34,321 in
 * 7 (gzip bodies alone: 29,999, 30,215 and 28,118); each budget is that plus ~15%.
 */
/** `path` null: the first product's page. */
const PAGES: { name: string; path: string | null; budget: number }[] = [
  { name: 'the home page', path: '/', budget: 45_700 },
  { name: 'a category listing', path: '/c/t-shirts', budget: 48_000 },
  { name: 'a product page', path: null, budget: 39_500 },
];

/**
 * Strings only the outbox carries (outbox-requests.ts's error text, outbox.ts's Web Lock name). The outbox now runs
 * in the service worker; if a page script holds them, something pulled it (and zod) back into the preload graph.
 */
const OUTBOX_MARKERS = ['Unknown outbox kind', 'edgeshop-outbox'];

for (const { name, path, budget } of PAGES)
  test(`${name} loads its scripts within budget and without the outbox`, async ({ browser, baseURL }) => {
    // Blocking the SW keeps every script on the network, so the count is what a first-time visitor downloads.
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const scripts = new Map<string, string>(); // requestId -> URL
      const bytes = new Map<string, number>();
      cdp.on('Network.responseReceived', ({ requestId, response }) => {
        if (new URL(response.url).pathname.endsWith('.js')) scripts.set(requestId, response.url);
      });
      cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
        bytes.set(requestId, encodedDataLength);
      });

      const url =
        path ?? `/p/${(await (await context.request.get('/api/products?limit=1')).json()).items[0].slug}`;
      await page.goto(url, { waitUntil: 'networkidle' });
      // Qwik's preloader keeps fetching in idle time after load; give it a moment, then wait for quiet again.
      await page.waitForTimeout(1_500);
      await page.waitForLoadState('networkidle');

      const urls = [...new Set(scripts.values())];
      expect(urls.length).toBeGreaterThan(0);
      const total = [...scripts.keys()].reduce((sum, id) => sum + (bytes.get(id) ?? 0), 0);
      console.log(`${name} scripts: ${urls.length} files, ${total} bytes on the wire`);

      for (const url of urls) {
        const text = await (await context.request.get(url)).text();
        for (const marker of OUTBOX_MARKERS) {
          expect(text.includes(marker), `${url} contains "${marker}"`).toBe(false);
        }
      }
      expect(total).toBeLessThanOrEqual(budget);
    } finally {
      await context.close();
    }
  });
