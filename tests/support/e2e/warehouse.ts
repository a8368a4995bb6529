/** e2e helpers for the warehouse app: the demo warehouse staff member's sign-in, queue cards, and the admin API's view of an order. */
import { type APIRequestContext, type Browser, expect, type Locator, type Page } from '@playwright/test';
import { ADMIN_STAFF, freshAddress, logInStaff, WAREHOUSE_STAFF } from './staff';

/** Signs in (tests/support/e2e/staff.ts) and waits for the queue's first sync. */
export async function openWarehouse(page: Page, staff = WAREHOUSE_STAFF): Promise<void> {
  await logInStaff(page, staff, '/warehouse');
  await expect(page.getByRole('heading', { level: 1, name: 'Orders to fulfil' })).toBeVisible();
}

/** Waits until the service worker controls the page and keeps every warehouse page (so the app opens offline). */
export async function waitForOfflineShell(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20_000 });
  // The first visit was not controlled yet: a reload lets the page ask the worker to keep the shells.
  await page.reload();
  await page.waitForFunction(
    async () => (await (await caches.open('warehouse-v1')).keys()).length >= 4,
    null,
    { timeout: 20_000 },
  );
}

/** An order's card in the queue. */
export function card(page: Page, number: string): Locator {
  return page.locator(`[data-order="${number}"]`);
}

/** A page signed in as an administrator, for the admin API (cancel, read an order). */
export async function adminApi(
  browser: Browser,
  baseURL: string,
): Promise<{ api: APIRequestContext; close(): Promise<void> }> {
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { 'X-Forwarded-For': freshAddress() },
  });
  const page = await context.newPage();
  await logInStaff(page, ADMIN_STAFF);
  return { api: page.request, close: () => context.close() };
}

/** The admin API's view of the order numbered `number`. */
export interface AdminOrderView {
  id: string;
  number: string;
  status: string;
  shipments: { carrier: string; trackingNumber: string | null }[];
  timeline: { note: string | null; toStatus: string | null }[];
}

/** Reads an order through the admin API by its number. */
export async function adminOrder(api: APIRequestContext, number: string): Promise<AdminOrderView> {
  const list = await api.get(`/api/admin/orders?q=${encodeURIComponent(number)}`);
  expect(list.status()).toBe(200);
  const { items } = (await list.json()) as { items: { id: string; number: string }[] };
  const found = items.find((o) => o.number === number);
  expect(found, `order ${number} in the admin list`).toBeTruthy();
  const detail = await api.get(`/api/admin/orders/${found?.id}`);
  expect(detail.status()).toBe(200);
  return (await detail.json()) as AdminOrderView;
}

/** Confirms every unit on the open pick list by tapping. */
export async function pickEverything(page: Page): Promise<number> {
  let taps = 0;
  const next = page.getByRole('button', { name: /^Pick one / });
  // The list is drawn from IndexedDB after the page starts.
  await expect(next.first()).toBeVisible();
  while ((await next.count()) > 0) {
    const before = (await page.locator('.wh-picks').textContent()) ?? '';
    await next.first().click();
    taps++;
    await expect(page.locator('.wh-picks')).not.toHaveText(before);
  }
  return taps;
}
