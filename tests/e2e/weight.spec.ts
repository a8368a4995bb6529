/** Page weight e2e: the JavaScript a first visit to the home page downloads, and that the outbox is not part of it. */
import { expect, test } from '@playwright/test';

/**
 * Budget for the home page's scripts, compressed bytes on the wire (headers included, as Chromium counts them).
 * Measured 35,311 bytes in 8 scripts once the SW replayed the outbox (64,175 in 10 while pages preloaded it);
 * the budget is that plus ~15%.
 */
const SCRIPT_BUDGET_BYTES = 40_600;

/**
 * Strings only the outbox carries (outbox-requests.ts's error text, outbox.ts's Web Lock name). The outbox now runs
 * in the service worker; if a page script holds them, something pulled it (and zod) back into the preload graph.
 */
const OUTBOX_MARKERS = ['Unknown outbox kind', 'edgeshop-outbox'];

test('the home page loads its scripts within budget and without the outbox', async ({ browser, baseURL }) => {
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

    await page.goto('/', { waitUntil: 'networkidle' });
    // Qwik's preloader keeps fetching in idle time after load; give it a moment, then wait for quiet again.
    await page.waitForTimeout(1_500);
    await page.waitForLoadState('networkidle');

    const urls = [...new Set(scripts.values())];
    expect(urls.length).toBeGreaterThan(0);
    const total = [...scripts.keys()].reduce((sum, id) => sum + (bytes.get(id) ?? 0), 0);
    console.log(`home page scripts: ${urls.length} files, ${total} bytes on the wire`);

    for (const url of urls) {
      const text = await (await context.request.get(url)).text();
      for (const marker of OUTBOX_MARKERS) {
        expect(text.includes(marker), `${url} contains "${marker}"`).toBe(false);
      }
    }
    expect(total).toBeLessThanOrEqual(SCRIPT_BUDGET_BYTES);
  } finally {
    await context.close();
  }
});
