/** Paying with PayPal: Orders v2 over fetch against the local stand-in, through the shop's own API routes. */
import { createExecutionContext, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { stockStub } from '@durable-objects/stock';
import { readyCheckout } from '@tests/integration/checkout/support';
import { createStaff, loginCookie } from '@tests/support/accounts';
import { jsonBody, seedSmallStore } from '@tests/support/workerd';
import { createApp } from '@worker/app';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  approve,
  captureCompleted,
  paypalRequests,
  placePayPalOrder,
  postPayPalWebhook,
} from './paypal-support';

let data: SeedData;
let skus: string[];
beforeAll(async () => {
  data = await seedSmallStore();
  skus = data.inventory.filter((l) => l.onHand >= 10).map((l) => l.sku);
});

async function level(sku: string) {
  const found = await stockStub(env, sku).getLevel({ sku });
  if (!found.ok) throw new Error(found.error.code);
  return found.value;
}

const ordersOf = async (checkoutId: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?')
    .bind(checkoutId)
    .first<{ n: number }>())!.n;

/** A checkout placed with PayPal, waiting on the buyer's approval. */
async function pendingPayPalCheckout(sku: string, key = newId('request')) {
  const ready = await readyCheckout([{ sku, quantity: 1 }]);
  const pending = await placePayPalOrder(ready.api, ready.checkoutId, key);
  expect(pending.status).toBe(202);
  const { url } = (await pending.json()) as { url: string };
  const row = await env.DB.prepare('SELECT payment_ref FROM checkouts WHERE id = ?')
    .bind(ready.checkoutId)
    .first<{ payment_ref: string }>();
  return { ...ready, actionUrl: url, orderId: row!.payment_ref };
}

describe('paying with PayPal', () => {
  it('creates the order on the server, sends the buyer to approve, captures on their return: one order', async () => {
    const sku = skus[0]!;
    const before = await level(sku);
    const key = newId('request');
    const { api, checkoutId, actionUrl, orderId } = await pendingPayPalCheckout(sku, key);
    expect(actionUrl).toContain(`/__stand-in/approve/${orderId}`);
    const view = (await (await api(`/api/checkouts/${checkoutId}`)).json()) as {
      providers: string[];
      totals: { total: { amount: number; currency: string } };
    };
    expect(view.providers).toContain('paypal');
    const created = (await paypalRequests()).find(
      (r) => r.path === '/v2/checkout/orders' && JSON.stringify(r.body).includes(checkoutId),
    );
    expect(created!.requestId).toMatch(new RegExp(`^order-create:${checkoutId}:\\d+:${key}$`));
    const { total } = view.totals;
    expect(created!.body).toMatchObject({
      intent: 'CAPTURE',
      purchase_units: [
        {
          custom_id: checkoutId,
          amount: { currency_code: total.currency, value: (total.amount / 100).toFixed(2) },
        },
      ],
    });

    await approve(actionUrl);
    const back = await api(`/api/checkouts/${checkoutId}/payment-status`, { method: 'POST' });
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ kind: 'order' });
    expect(await level(sku)).toMatchObject({ onHand: before.onHand - 1, reserved: before.reserved });
    const captures = (await paypalRequests()).filter(
      (r) => r.path === `/v2/checkout/orders/${orderId}/capture`,
    );
    expect(captures.map((c) => c.requestId)).toEqual([`order-capture:${orderId}`]);
  });

  it('an approval for an attempt the shopper left is neither captured nor refunded: only the checkout’s own is', async () => {
    const { api, checkoutId, actionUrl, orderId } = await pendingPayPalCheckout(skus[6]!);
    await approve(actionUrl);
    // Meanwhile the shopper went back and started another attempt (its order not made yet).
    await env.DB.prepare('UPDATE checkouts SET payment_ref = NULL, attempt = attempt + 1 WHERE id = ?')
      .bind(checkoutId)
      .run();
    const approved = {
      id: `WH-left-${orderId}`,
      event_type: 'CHECKOUT.ORDER.APPROVED',
      resource: { id: orderId, status: 'APPROVED' },
    };
    expect((await postPayPalWebhook(api, approved)).status).toBe(409); // a placement may be under way: retried
    await env.DB.prepare("UPDATE checkouts SET payment_ref = 'ANOTHER-ORDER' WHERE id = ?")
      .bind(checkoutId)
      .run();
    expect((await postPayPalWebhook(api, approved)).status).toBe(200);
    const about = (await paypalRequests()).filter((r) => r.path.includes(orderId) && r.method === 'POST');
    expect(about.map((r) => r.path)).toEqual([]);
  });

  it('PayPal out of reach: a 422 problem and the holds back, never a 500', async () => {
    const sku = skus[7]!;
    const before = await level(sku);
    const { checkoutId } = await readyCheckout([{ sku, quantity: 1 }]);
    // Port 9 (discard) on loopback: nothing answers, not even the token call.
    const res = await createApp().request(
      `/api/checkouts/${checkoutId}/orders`,
      jsonBody({ provider: 'paypal' }, { 'Idempotency-Key': newId('request') }),
      { ...env, PAYPAL_API_BASE: 'http://127.0.0.1:9' },
      createExecutionContext(),
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'PAYMENT_METHOD_UNAVAILABLE' });
    expect(await level(sku)).toMatchObject({ reserved: before.reserved });
  });

  it('funding refused at capture: 402, holds released, no order', async () => {
    const sku = skus[1]!;
    const before = await level(sku);
    const { api, checkoutId, actionUrl } = await pendingPayPalCheckout(sku);
    await approve(actionUrl, true);
    const back = await api(`/api/checkouts/${checkoutId}/payment-status`, { method: 'POST' });
    expect(back.status).toBe(402);
    expect(await back.json()).toMatchObject({ code: 'PAYMENT_DECLINED' });
    expect(await level(sku)).toEqual(before);
    expect(await ordersOf(checkoutId)).toBe(0);
  });
});

describe('PayPal webhooks', () => {
  it('a forged or stale event is a 400 problem and nothing is written', async () => {
    const { api, checkoutId, actionUrl, orderId } = await pendingPayPalCheckout(skus[2]!);
    await approve(actionUrl);
    for (const options of [{ forge: true }, { sentAt: Date.now() - 301_000 }]) {
      const res = await postPayPalWebhook(api, captureCompleted(`WH-bad-${orderId}`, orderId), options);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    const events = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM payment_events WHERE provider = 'paypal' AND payment_ref = ?",
    )
      .bind(orderId)
      .first<{ n: number }>();
    expect(events!.n).toBe(0);
    expect(await ordersOf(checkoutId)).toBe(0);
  });

  it('the same event five times racing the buyer’s return: one order, one capture, the event recorded once', async () => {
    const { api, checkoutId, actionUrl, orderId } = await pendingPayPalCheckout(skus[3]!);
    await approve(actionUrl);
    const event = captureCompleted(`WH-race-${orderId}`, orderId);
    const answers = await Promise.all([
      ...[1, 2, 3, 4, 5].map(() => postPayPalWebhook(api, event)),
      api(`/api/checkouts/${checkoutId}/payment-status`, { method: 'POST' }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await ordersOf(checkoutId)).toBe(1);
    const recorded = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM payment_events WHERE provider = 'paypal' AND event_id = ?",
    )
      .bind(event.id)
      .first<{ n: number }>();
    expect(recorded!.n).toBe(1);
    const captures = (await paypalRequests()).filter(
      (r) => r.path === `/v2/checkout/orders/${orderId}/capture`,
    );
    expect(new Set(captures.map((c) => c.requestId))).toEqual(new Set([`order-capture:${orderId}`]));
  });

  it('approved after the stock was sold: refunded at PayPal with a request id, not oversold', async () => {
    const sku = data.inventory.filter((l) => l.onHand >= 3).at(-1)!.sku;
    await env.DB.prepare('UPDATE inventory_levels SET on_hand = 1 WHERE sku = ?').bind(sku).run();
    const first = await pendingPayPalCheckout(sku);
    const stock = stockStub(env, sku);
    await runInDurableObject(stock, (_, state) =>
      state.storage.sql.exec("UPDATE reservations SET expires_at = 0 WHERE status = 'held'"),
    );
    await runDurableObjectAlarm(stock);
    const second = await pendingPayPalCheckout(sku);
    await approve(second.actionUrl);
    expect(
      (await second.api(`/api/checkouts/${second.checkoutId}/payment-status`, { method: 'POST' })).status,
    ).toBe(200);

    await approve(first.actionUrl);
    const late = await first.api(`/api/checkouts/${first.checkoutId}/payment-status`, { method: 'POST' });
    expect(late.status).toBe(409);
    const refunds = (await paypalRequests()).filter(
      (r) =>
        r.path.startsWith('/v2/payments/captures/') && r.requestId === `refund:sold-out:${first.orderId}`,
    );
    expect(refunds).toHaveLength(1);
    expect(await ordersOf(first.checkoutId)).toBe(0);
    expect(await level(sku)).toMatchObject({ onHand: 0, reserved: 0 });
  });
});

describe('refunding a PayPal order', () => {
  it('cancelling refunds the capture at PayPal under the refund’s request id; PAYMENT.CAPTURE.REFUNDED confirms it once', async () => {
    const { api, checkoutId, actionUrl, orderId } = await pendingPayPalCheckout(skus[5]!);
    await approve(actionUrl);
    expect((await api(`/api/checkouts/${checkoutId}/payment-status`, { method: 'POST' })).status).toBe(200);
    const order = await env.DB.prepare('SELECT id, total_amount FROM orders WHERE checkout_id = ?')
      .bind(checkoutId)
      .first<{ id: string; total_amount: number }>();
    const admin = await loginCookie('staff', await createStaff(['admin']));
    const init = jsonBody({ reason: 'Customer changed their mind', restock: true });
    const cancelled = await api(`/api/admin/orders/${order!.id}/cancel`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Cookie: admin },
    });
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', amount: order!.total_amount });

    const refund = await env.DB.prepare('SELECT id, status, provider_ref FROM refunds WHERE order_id = ?')
      .bind(order!.id)
      .first<{ id: string; status: string; provider_ref: string }>();
    expect(refund).toMatchObject({ status: 'pending', provider_ref: expect.stringMatching(/^R/) });
    const asked = (await paypalRequests()).filter((r) =>
      /^\/v2\/payments\/captures\/[^/]+\/refund$/.test(r.path),
    );
    expect(asked.filter((r) => r.requestId === `refund:${refund!.id}`)).toHaveLength(1);

    const event = {
      id: `WH-refund-${refund!.id}`,
      event_type: 'PAYMENT.CAPTURE.REFUNDED',
      resource: {
        id: refund!.provider_ref,
        status: 'COMPLETED',
        supplementary_data: { related_ids: { order_id: orderId } },
      },
    };
    for (let i = 0; i < 2; i++) expect((await postPayPalWebhook(api, event)).status).toBe(200);
    const after = await env.DB.prepare('SELECT status FROM refunds WHERE id = ?')
      .bind(refund!.id)
      .first<{ status: string }>();
    expect(after!.status).toBe('succeeded');
    const confirmations = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM order_events WHERE order_id = ? AND note LIKE '%confirmed%'",
    )
      .bind(order!.id)
      .first<{ n: number }>();
    expect(confirmations!.n).toBe(1);
  });
});
