/** Playwright e2e: Debian's Chromium (never a downloaded browser) against `npm start`'s server (scripts/start.mjs) on a fresh, seeded local D1. */
import { defineConfig } from '@playwright/test';
// scripts/e2e.mjs (npm test) finds or installs Chromium and passes it as CHROMIUM_PATH; findChromium honours that.
import { findChromium } from './scripts/chromium.mjs';

const PORT = process.env.E2E_PORT ?? '8911';
const BASE_URL = `http://127.0.0.1:${PORT}`;
const PERSIST_DIR = `.wrangler/e2e-${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      // When none is found, Playwright reports the missing /usr/bin/chromium; `npm test` stops earlier with advice.
      executablePath: findChromium() ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // Every run starts from a freshly migrated and seeded store (stock counts, carts), so tests never see leftovers.
    // The reset lives in the command because Playwright starts webServer before globalSetup.
    command: `node -e "require('node:fs').rmSync('${PERSIST_DIR}',{recursive:true,force:true})" && node scripts/start.mjs`,
    env: { PORT, SKIP_BUILD: '1', PERSIST_DIR, WRANGLER_LOG: 'warn' },
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
