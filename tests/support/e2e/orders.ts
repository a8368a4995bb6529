/** e2e helpers for the back-office order specs: a staff login from its own address, and a guest order placed through the checkout API. */
import { newId } from '@domain/core/ids';
import { type APIRequestContext, expect, type Page } from '@playwright/test';

/** Logins are limited per client address: each call comes from its own (the Worker reads X-Forwarded-For locally). */
const ip = () => `198.51.${76 + Math.floor(Math.random() * 8)}.${Math.floor(Math.random() * 250)}`;

export async function logInStaff(page: Page, email: string, password: string): Promise<void> {
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': ip() });
  await page.goto('/admin/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/**
 * Places a guest order through the checkout API with the test gateway: `quantities[i]` units of the i-th variant in
 * stock (distinct SKUs), shipped to San Francisco by standard shipping. Its number, email and the secret of its link.
 */
export async function placeGuestOrder(
  request: APIRequestContext,
  quantities: readonly number[] = [1],
): Promise<{ number: string; email: string; token: string }> {
  const headers = { 'X-Forwarded-For': ip() };
  const cartId = newId('cart');
  const { items } = (await (await request.get('/api/products?inStock=true&limit=24')).json()) as {
    items: { slug: string }[];
  };
  let added = 0;
  for (const p of items) {
    const detail = (await (await request.get(`/api/products/${p.slug}`)).json()) as {
      variants: { sku: string }[];
    };
    for (const v of detail.variants) {
      // Each try from its own address: after earlier specs sold SKUs out, finding sellable ones can take more writes
      // than one client's budget (120 a minute), and every later try was a 429 (seen once in CI).
      const res = await request.post(`/api/carts/${cartId}/items`, {
        headers: { 'X-Forwarded-For': ip() },
        data: { sku: v.sku, quantity: quantities[added] },
      });
      if (res.ok()) {
        added++;
        break;
      }
    }
    if (added === quantities.length) break;
  }
  expect(added, 'enough variants are in stock').toBe(quantities.length);
  const checkout = (await (await request.post('/api/checkouts', { headers, data: { cartId } })).json()) as {
    id: string;
  };
  const email = `orders-e2e-${newId('request').slice(-10).toLowerCase()}@example.com`;
  const address = {
    name: 'Grace Hopper',
    line1: '1 Market St',
    city: 'San Francisco',
    region: 'CA',
    postalCode: '94105',
    country: 'US',
  };
  const steps: [string, unknown][] = [
    ['contact', { email }],
    ['shipping-address', { address }],
    ['shipping-method', { method: 'standard' }],
  ];
  for (const [step, data] of steps) {
    const res = await request.put(`/api/checkouts/${checkout.id}/${step}`, { headers, data });
    expect(res.status(), step).toBe(200);
  }
  const placed = await request.post(`/api/checkouts/${checkout.id}/orders`, {
    headers: { ...headers, 'Idempotency-Key': newId('request') },
    data: { provider: 'test', paymentToken: 'success' },
  });
  expect(placed.status()).toBe(201);
  const { number, token } = (await placed.json()) as { number: string; token: string };
  return { number, email, token };
}
