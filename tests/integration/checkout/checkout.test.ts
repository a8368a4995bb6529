/** Checkout through the real Worker, StockDO, CartDO, D1 and the test gateway: steps, payment outcomes, idempotency. */
import { env } from 'cloudflare:workers';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { stockStub } from '@durable-objects/stock';
import { waitForEmail } from '@tests/support/accounts';
import { jsonBody, newClient, seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, put, readyCheckout } from './support';

let data: SeedData;
let skus: string[];
beforeAll(async () => {
  data = await seedSmallStore();
  skus = data.inventory.filter((l) => l.onHand >= 20).map((l) => l.sku);
});

async function available(sku: string) {
  const level = await stockStub(env, sku).getLevel({ sku });
  if (!level.ok) throw new Error(level.error.code);
  return level.value;
}

describe('checkout steps', () => {
  it('refuses an empty cart, steps out of order, a bad address and an unknown method, saving nothing', async () => {
    const api = newClient();
    const empty = await api('/api/checkouts', jsonBody({ cartId: newId('cart') }));
    expect(empty.status).toBe(409);
    expect(((await empty.json()) as { code: string }).code).toBe('CHECKOUT_INCOMPLETE');

    const cartId = newId('cart');
    await api(`/api/carts/${cartId}/items`, jsonBody({ sku: skus[0], quantity: 1 }));
    const { id } = (await (await api('/api/checkouts', jsonBody({ cartId }))).json()) as { id: string };
    const early = await api(`/api/checkouts/${id}/shipping-method`, put({ method: 'standard' }));
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({
      code: 'CHECKOUT_INCOMPLETE',
      detail: 'Enter your email address first.',
    });

    expect((await api(`/api/checkouts/${id}/contact`, put({ email: 'not-an-email' }))).status).toBe(400);
    expect(
      (await api(`/api/checkouts/${id}/contact`, put({ email: 'a@example.com', price: 1 }))).status,
    ).toBe(400);
    expect((await api(`/api/checkouts/${id}/contact`, put({ email: 'a@example.com' }))).status).toBe(200);
    const badZip = await api(
      `/api/checkouts/${id}/shipping-address`,
      put({
        address: { name: 'A', line1: '1 St', city: 'X', region: 'CA', postalCode: 'ABC', country: 'US' },
      }),
    );
    expect(badZip.status).toBe(400);
    const after = (await (await api(`/api/checkouts/${id}`)).json()) as {
      shippingAddress: unknown;
      nextStep: string;
    };
    expect(after).toMatchObject({ shippingAddress: null, nextStep: 'address' });
    const place = await placeOrder(api, id, 'success');
    expect(place.status).toBe(409);
  });

  it("hides a customer's checkout from everyone else and refuses a checkout id of the wrong shape", async () => {
    const api = newClient();
    expect((await api('/api/checkouts/chk_nope')).status).toBe(400);
    expect((await api(`/api/checkouts/${newId('checkout')}`)).status).toBe(404);
  });
});

describe('placing an order with the test gateway', () => {
  it('creates one order, sells the stock, empties the cart and sends the confirmation', async () => {
    const sku = skus[1]!;
    const before = await available(sku);
    const { api, cartId, checkoutId } = await readyCheckout([{ sku, quantity: 2 }]);
    const view = (await (await api(`/api/checkouts/${checkoutId}`)).json()) as {
      totals: {
        subtotal: { amount: number };
        shipping: { amount: number };
        tax: { amount: number };
        total: { amount: number };
      };
      email: string;
    };
    expect(view.totals.tax.amount).toBeGreaterThan(0); // California
    expect(view.totals.total.amount).toBe(
      view.totals.subtotal.amount + view.totals.shipping.amount + view.totals.tax.amount,
    );

    const key = newId('request');
    const res = await placeOrder(api, checkoutId, 'success', key);
    expect(res.status).toBe(201);
    const order = (await res.json()) as { kind: string; number: string; token: string };
    expect(order).toMatchObject({ kind: 'order', number: expect.stringMatching(/^\d{4,}$/) });

    const replay = await placeOrder(api, checkoutId, 'success', key);
    expect(replay.status).toBe(201);
    expect(await replay.json()).toEqual(order);
    const reused = await placeOrder(api, checkoutId, 'decline', key);
    expect(reused.status).toBe(422);

    const rows = await env.DB.prepare('SELECT number, total_amount, status FROM orders WHERE checkout_id = ?')
      .bind(checkoutId)
      .all();
    expect(rows.results).toEqual([
      { number: order.number, total_amount: view.totals.total.amount, status: 'pending' },
    ]);
    const after = await available(sku);
    expect(after.onHand).toBe(before.onHand - 2);
    expect(after.reserved).toBe(before.reserved);
    const cart = (await (await api(`/api/carts/${cartId}`)).json()) as { lines: unknown[] };
    expect(cart.lines).toEqual([]);
    const mail = await waitForEmail(view.email, 'order-confirmation');
    expect(mail.subject).toContain(order.number);
    expect(mail.textBody).toContain(`/orders/${order.token}`);
  });

  it('releases the holds when the card is declined, and the shopper can pay again', async () => {
    const sku = skus[2]!;
    const before = await available(sku);
    const { api, checkoutId } = await readyCheckout([{ sku, quantity: 3 }]);
    const declined = await placeOrder(api, checkoutId, 'decline');
    expect(declined.status).toBe(402);
    expect(((await declined.json()) as { code: string }).code).toBe('PAYMENT_DECLINED');
    expect(await available(sku)).toEqual(before);
    const view = (await (await api(`/api/checkouts/${checkoutId}`)).json()) as {
      status: string;
      paymentError: string;
    };
    expect(view).toMatchObject({ status: 'open', paymentError: expect.stringContaining('declined') });

    const paid = await placeOrder(api, checkoutId, 'success');
    expect(paid.status).toBe(201);
    expect((await available(sku)).onHand).toBe(before.onHand - 3);
  });

  it('keeps the holds while the bank asks for authentication, and reuses them when the shopper comes back', async () => {
    const sku = skus[3]!;
    const before = await available(sku);
    const { api, checkoutId } = await readyCheckout([{ sku, quantity: 1 }]);
    const pending = await placeOrder(api, checkoutId, 'requires_action');
    expect(pending.status).toBe(202);
    expect(await pending.json()).toMatchObject({
      kind: 'action',
      url: expect.stringContaining('/checkout/test-gateway/'),
    });
    expect((await available(sku)).reserved).toBe(before.reserved + 1);
    // Back at checkout, placing again with the same cart finds its own hold: nothing more is reserved.
    const again = await placeOrder(api, checkoutId, 'success');
    expect(again.status).toBe(201);
    const after = await available(sku);
    expect(after).toMatchObject({ onHand: before.onHand - 1, reserved: before.reserved });
  });
});
