/** A line that cannot be priced in the cart's currency is shown as unavailable; the cart never becomes a 500. */
import { env } from 'cloudflare:test';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { jsonBody, newClient, seedSmallStore } from '@tests/support/workerd';
import { VERSION_MEMO_MS } from '@worker/services/catalog/catalog-version';
import { beforeAll, describe, expect, it } from 'vitest';

type Cart = {
  lines: { sku: string; quantity: number }[];
  itemCount: number;
  subtotal: { amount: number; currency: string };
  unavailableSkus: string[];
};

let data: SeedData;
beforeAll(async () => {
  data = await seedSmallStore();
});

const priceOf = (sku: string) => data.variants.find((v) => v.sku === sku)!.priceAmount;

describe('a variant priced in another currency than the shop', () => {
  it('already in a cart: the cart still reads and changes (200), with that line unavailable', async () => {
    const api = newClient();
    const cartId = newId('cart');
    const stocked = data.inventory.filter((l) => l.onHand >= 3).map((l) => l.sku);
    const [repriced, kept, later] = stocked as [string, string, string];
    expect((await api(`/api/carts/${cartId}/items`, jsonBody({ sku: repriced, quantity: 1 }))).status).toBe(
      200,
    );
    expect((await api(`/api/carts/${cartId}/items`, jsonBody({ sku: kept, quantity: 2 }))).status).toBe(200);
    // The catalog re-prices one variant in euros after it was added; carts see it once the isolate sees the
    // catalog version move (worker/services/catalog/cart-variants.ts).
    await env.DB.prepare("UPDATE product_variants SET currency = 'EUR' WHERE sku = ?").bind(repriced).run();
    await new Promise((resolve) => setTimeout(resolve, VERSION_MEMO_MS + 50));

    const read = await api(`/api/carts/${cartId}`);
    expect(read.status).toBe(200);
    const cart = (await read.json()) as Cart;
    expect(cart.lines.map((l) => l.sku)).toEqual([kept]);
    expect(cart.unavailableSkus).toEqual([repriced]);
    expect(cart.subtotal).toEqual({ amount: 2 * priceOf(kept), currency: 'USD' });

    const added = await api(`/api/carts/${cartId}/items`, jsonBody({ sku: later, quantity: 1 }));
    expect(added.status).toBe(200);
    expect(((await added.json()) as Cart).unavailableSkus).toEqual([repriced]);

    // Adding the euro variant again is refused before anything is written.
    const refused = await api(`/api/carts/${cartId}/items`, jsonBody({ sku: repriced, quantity: 1 }));
    expect(refused.status).toBe(422);
    expect(refused.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({ code: 'CURRENCY_MISMATCH', meta: { found: 'EUR' } });
  });

  it('added to a new cart: a 422 problem, and the cart stays empty', async () => {
    const api = newClient();
    const cartId = newId('cart');
    const product = data.variants[0]!;
    const sku = 'EUR-ONLY-0001';
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO product_variants (id, sku, product_id, price_amount, currency) VALUES (?, ?, ?, 1000, 'EUR')",
      ).bind(`var_eur_${cartId}`, sku, product.productId),
      env.DB.prepare('INSERT INTO inventory_levels (sku, on_hand, updated_at) VALUES (?, 10, 0)').bind(sku),
    ]);
    const res = await api(`/api/carts/${cartId}/items`, jsonBody({ sku, quantity: 1 }));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'CURRENCY_MISMATCH' });
    const cart = (await (await api(`/api/carts/${cartId}`)).json()) as Cart;
    expect(cart.lines).toEqual([]);
  });
});
