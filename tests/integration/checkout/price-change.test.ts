/**
 * A price change between the cart and the payment: carts price from the variants this isolate keeps per catalog
 * version (worker/services/catalog/cart-variants.ts), so they show it once the isolate sees the version move; checkout
 * reads the database, so what the shopper is asked to pay is the new price at once, before any pause.
 */
import { env } from 'cloudflare:workers';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { jsonBody, seedSmallStore } from '@tests/support/workerd';
import { VERSION_MEMO_MS } from '@worker/services/catalog/catalog-version';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, readyCheckout } from './support';

let data: SeedData;
beforeAll(async () => {
  data = await seedSmallStore();
});

type Money = { amount: number; currency: string };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a variant re-priced after it was added to the cart', () => {
  it('checkout and the order use the new price at once; the cart shows it within the version memo', async () => {
    const sku = data.inventory.find((l) => l.onHand >= 5)!.sku;
    const { api, cartId, checkoutId } = await readyCheckout([{ sku, quantity: 2 }]);
    const before = (await (await api(`/api/carts/${cartId}`)).json()) as { subtotal: Money };
    const newPrice = before.subtotal.amount / 2 + 1234;
    await env.DB.prepare('UPDATE product_variants SET price_amount = ? WHERE sku = ?')
      .bind(newPrice, sku)
      .run();

    const checkout = (await (await api(`/api/checkouts/${checkoutId}`)).json()) as {
      totals: { subtotal: Money };
    };
    expect(checkout.totals.subtotal.amount).toBe(2 * newPrice);
    const placed = await placeOrder(api, checkoutId, 'success');
    expect(placed.status).toBe(201);
    const { number } = (await placed.json()) as { number: string };
    const order = await env.DB.prepare('SELECT subtotal_amount AS subtotal FROM orders WHERE number = ?')
      .bind(number)
      .first<{ subtotal: number }>();
    expect(order?.subtotal).toBe(2 * newPrice);

    // A new cart with the same SKU, once the isolate has seen the version move.
    await pause(VERSION_MEMO_MS + 50);
    const added = await api(`/api/carts/${newId('cart')}/items`, jsonBody({ sku, quantity: 1 }));
    expect(added.status).toBe(200);
    expect(((await added.json()) as { subtotal: Money }).subtotal.amount).toBe(newPrice);
  });
});
