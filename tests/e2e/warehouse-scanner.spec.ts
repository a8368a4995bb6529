import { expect, test } from '@playwright/test';
import { logInStaff, WAREHOUSE_STAFF } from '@tests/support/e2e/staff';
import { findChromium } from '../../scripts/chromium.mjs';

// A fake camera (Chromium's test pattern), granted without a prompt. Debian's desktop Chromium has no native
// BarcodeDetector, so this exercises the ZXing ponyfill the app falls back to.
test.use({
  launchOptions: {
    executablePath: findChromium() ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  },
});

test('the camera scanner runs on a browser without BarcodeDetector, with its WebAssembly from our own origin', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000); // compiling 1 MB of WebAssembly is slow on a busy machine
  await context.grantPermissions(['camera']);
  // Every request the page makes, also those the service worker answers. (Not the Resource Timing buffer: it keeps
  // only 250 entries, and the pick page's prefetched chunks can fill it before the scanner asks for its .wasm.)
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await logInStaff(page, WAREHOUSE_STAFF);
  const pick = await page.goto('/warehouse/pick');
  // Only the warehouse pages may use the camera and compile WebAssembly; the rest of the shop may not.
  expect(pick?.headers()['permissions-policy']).toContain('camera=(self)');
  expect(pick?.headers()['content-security-policy']).toContain("'wasm-unsafe-eval'");
  const home = await page.request.get('/');
  expect(home.headers()['permissions-policy']).toContain('camera=()');
  expect(home.headers()['content-security-policy']).not.toContain('wasm');

  expect(await page.evaluate(() => 'BarcodeDetector' in window)).toBe(false);
  await page.getByRole('button', { name: 'Scan with camera' }).click();
  // The scanner fetched its WebAssembly from this origin, and nothing from the package's default CDN or any other.
  const origin = new URL(page.url()).origin;
  await expect.poll(() => requested, { timeout: 20_000 }).toContain(`${origin}/vendor/zxing_reader.wasm`);
  expect(requested.filter((url) => !url.startsWith(origin))).toEqual([]);
  const served = await page.request.get('/vendor/zxing_reader.wasm');
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('application/wasm');
  // The page's policy lets the scanner compile it (without 'wasm-unsafe-eval' this throws a CompileError).
  const compiled = await page.evaluate(async () => {
    const module = await WebAssembly.compile(await (await fetch('/vendor/zxing_reader.wasm')).arrayBuffer());
    return WebAssembly.Module.exports(module).length > 0;
  });
  expect(compiled).toBe(true);
  await expect(page.getByLabel('Camera view')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop camera' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'camera could not be opened' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Stop camera' }).click();
  await expect(page.getByLabel('Camera view')).toBeHidden();
});
