import { expect, type Route, test } from '@playwright/test';
import { placeGuestOrder } from '@tests/support/e2e/orders';
import { adminApi, adminOrder, card, openWarehouse, pickEverything } from '@tests/support/e2e/warehouse';

// The replay runs in the page here (the foreground flush), so page.route sees every request; with a service worker
// Background Sync would replay past the route.
test.use({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });

/** A small seeded generator, so a failing run can be replayed. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORDERS = 10;
const NOTES_PER_ORDER = 5;

test('100 warehouse actions queued offline replay through flaky connectivity: none lost, none applied twice', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const seed = Number(process.env.FLAKY_SEED ?? Date.now() % 100_000);
  test.info().annotations.push({ type: 'seed', description: String(seed) });
  const random = mulberry32(seed);
  const orders = [];
  for (let i = 0; i < ORDERS; i++) orders.push(await placeGuestOrder(request, [2, 1]));
  await openWarehouse(page);
  for (const o of orders) await expect(card(page, o.number)).toBeVisible();

  // Phase 1: the warehouse API is unreachable; every action stays on the device.
  let mode: 'down' | 'flaky' = 'down';
  const tally = { passed: 0, aborted: 0, unavailable: 0, dropped: 0, doubled: 0 };
  await page.route('**/api/warehouse/**', async (route: Route) => {
    if (mode === 'down') return route.abort('internetdisconnected');
    const r = random();
    if (r < 0.12) {
      tally.aborted++;
      return route.abort('connectionreset');
    }
    if (r < 0.22) {
      tally.unavailable++;
      return route.fulfill({ status: 503, json: { status: 503, code: 'UNAVAILABLE' } });
    }
    if (r < 0.3) {
      // Reaches the server, the answer is lost: the replay must not apply it again.
      tally.dropped++;
      await route.fetch();
      return route.abort('connectionreset');
    }
    if (r < 0.36) {
      // Sent twice (a retrying proxy): the second must answer the first result.
      tally.doubled++;
      await route.fetch();
      return route.fulfill({ response: await route.fetch() });
    }
    tally.passed++;
    return route.continue();
  });

  let actions = 0;
  for (const o of orders) await page.getByLabel(`Select ${o.number} for picking`).check();
  await page.getByRole('link', { name: `Pick selected orders (${ORDERS})` }).click();
  actions += await pickEverything(page);
  expect(actions).toBe(ORDERS * 3);
  for (const o of orders) {
    await page.goto(`/warehouse`);
    await page.getByRole('link', { name: `Order ${o.number}` }).click();
    await page.getByRole('button', { name: 'Mark packed' }).click();
    await expect(page.getByText('Packed by')).toBeVisible();
    for (let n = 1; n <= NOTES_PER_ORDER; n++) {
      await page.getByLabel(`Note on order ${o.number}`).fill(`Flaky note ${n} on ${o.number}`);
      await page.getByRole('button', { name: 'Add note' }).click();
      await expect(page.getByLabel(`Note on order ${o.number}`)).toHaveValue('');
    }
    await page.getByLabel('Tracking number').fill(`1Z${o.number.replace(/\D/g, '')}X`);
    await page.getByRole('button', { name: `Ship order ${o.number}` }).click();
    await expect(page.locator('.wh-titlebar .wh-badge')).toHaveText(/Saved on this device/);
    actions += 2 + NOTES_PER_ORDER;
  }
  expect(actions).toBe(100);
  await expect(page.getByRole('status').filter({ hasText: '100 waiting to sync' })).toBeVisible();

  // Phase 2: the connection comes back, flaky.
  await page.goto('/warehouse');
  mode = 'flaky';
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  const shipped = page.getByRole('list', { name: 'Shipped from this device' });
  await expect(async () => {
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(page.getByRole('status').filter({ hasText: 'All synced' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 240_000, intervals: [1_000] });
  for (const o of orders) await expect(shipped.locator(`[data-order="${o.number}"]`)).toContainText('Synced');
  await expect(page.getByRole('link', { name: 'Needs attention' })).toHaveText('Needs attention');
  console.log(`flaky replay (seed ${seed}):`, JSON.stringify(tally));
  expect(tally.aborted + tally.unavailable + tally.dropped + tally.doubled).toBeGreaterThan(0);

  const admin = await adminApi(browser, baseURL as string);
  for (const o of orders) {
    const view = await adminOrder(admin.api, o.number);
    expect(view.status, o.number).toBe('shipped');
    expect(view.shipments, o.number).toHaveLength(1);
    const notes = view.timeline.flatMap((e) => e.note?.match(/Flaky note \d+ on \S+/g) ?? []);
    expect(notes.sort(), o.number).toEqual(
      Array.from({ length: NOTES_PER_ORDER }, (_, n) => `Flaky note ${n + 1} on ${o.number}`).sort(),
    );
  }
  await admin.close();
});
