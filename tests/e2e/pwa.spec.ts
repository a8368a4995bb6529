/** PWA e2e: the manifest and its icons, Chromium's installability check, and the headers on pages and static files. */

import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  contentSecurityPolicy,
  SECURITY_HEADERS,
  STATIC_CONTENT_SECURITY_POLICY,
  STATIC_SCRIPT_SRC,
} from '@worker/middleware/security-headers';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the web app manifest is served, complete, and its icons exist at their declared sizes', async ({
  request,
}) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/(manifest\+)?json/);
  const manifest = (await response.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
  expect(manifest).toMatchObject({
    name: 'Northwind Supply',
    short_name: expect.any(String),
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#1f3a5f',
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    categories: ['shopping'],
  });
  expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort()).toEqual([
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ]);
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()['content-type']).toBe('image/png');
    expect(pngSize(await file.body()), icon.src).toBe(icon.sizes);
  }
  for (const path of ['/favicon.svg', '/offline.html']) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
});

// Contexts that Playwright creates are off the record, and Chromium never offers to install from those
// ("in-incognito"), so this check runs in a persistent profile with the same browser and flags.
test('Chromium finds no installability errors', async ({ playwright, launchOptions, baseURL }) => {
  const profile = await mkdtemp(join(tmpdir(), 'edgeshop-pwa-'));
  const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20_000 });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const { url, errors } = await cdp.send('Page.getAppManifest');
    expect(url).toMatch(/\/manifest\.webmanifest$/);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('pages and static files carry the security headers; the SW and hashed files the right caching', async ({
  request,
}) => {
  const page = await request.get('/');
  const sw = await request.get('/sw.js');
  const offline = await request.get('/offline.html');
  for (const [label, response] of [
    ['page', page],
    ['sw.js', sw],
    ['offline.html', offline],
  ] as const) {
    expect(response.status(), label).toBe(200);
    const headers = response.headers();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(headers[name.toLowerCase()], `${label}: ${name}`).toBe(value);
    }
  }
  // Pages get a per-response nonce; static files the same policy with offline.html's inline script by hash.
  const nonce = page.headers()['content-security-policy']?.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeDefined();
  expect(page.headers()['content-security-policy']).toBe(
    contentSecurityPolicy([`'nonce-${nonce}'`, "'strict-dynamic'", "'self'"]),
  );
  expect(sw.headers()['content-security-policy']).toBe(STATIC_CONTENT_SECURITY_POLICY);
  expect(offline.headers()['content-security-policy']).toBe(STATIC_CONTENT_SECURITY_POLICY);
  const inlineScripts = [...(await offline.text()).matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => m[1]!,
  );
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const script of inlineScripts) {
    const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
    expect(STATIC_SCRIPT_SRC, 'offline.html inline script hash in public/_headers').toContain(hash);
  }

  expect(sw.headers()['cache-control']).toBe('no-cache');
  expect(sw.headers()['service-worker-allowed']).toBe('/');
  expect(sw.headers()['content-type']).toMatch(/javascript/);

  // A hashed Qwik chunk, as referenced by the page, is immutable.
  const chunk = (await page.text()).match(/\/build\/q-[\w-]+\.js/)?.[0];
  expect(chunk).toBeDefined();
  expect((await request.get(chunk!)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});
