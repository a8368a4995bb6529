/** e2e helper for the back-office order specs: a guest order placed through the checkout API. */
import { newId } from '@domain/core/ids';
import { type APIRequestContext, expect } from '@playwright/test';
import { freshAddress } from './staff';

/**
 * Places a guest order through the checkout API with the test gateway: `quantities[i]` units of the i-th variant in
 * stock (distinct SKUs), shipped to San Francisco by standard shipping. Its number, email and the secret of its link.
 */
export async function placeGuestOrder(
  request: APIRequestContext,
  quantities: readonly number[] = [1],
): Promise<{ number: string; email: string; token: string }> {
  const headers = { 'X-Forwarded-For': freshAddress() };
  const cartId = newId('cart');
  let added = 0;
  let products = 0;
  const refusals: string[] = [];
  // Page by page: the first page's products may have been sold out by earlier specs.
  for (let offset = 0; offset < 96 && added < quantities.length; offset += 24) {
    const listing = await request.get(`/api/products?inStock=true&limit=24&offset=${offset}`);
    const { items } = (await listing.json()) as { items: { slug: string }[] };
    products += items.length;
    for (const p of items) {
      const detail = (await (await request.get(`/api/products/${p.slug}`)).json()) as {
        variants: { sku: string }[];
      };
      for (const v of detail.variants) {
        // Each try from its own address: finding sellable SKUs can take more writes than one client's budget (120 a
        // minute), and every later try was a 429 (seen once in CI).
        const res = await request.post(`/api/carts/${cartId}/items`, {
          headers: { 'X-Forwarded-For': freshAddress() },
          data: { sku: v.sku, quantity: quantities[added] },
        });
        if (res.ok()) {
          added++;
          break;
        }
        refusals.push(`${v.sku}: ${res.status()} ${(await res.text()).slice(0, 160)}`);
      }
      if (added === quantities.length) break;
    }
  }
  // What the shop answered says why when this fails (it did once in CI, after nearly every other spec had run).
  expect(added, `enough variants in stock among ${products} products; ${refusals.slice(-5).join('; ')}`).toBe(
    quantities.length,
  );
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
