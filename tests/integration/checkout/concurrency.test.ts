/** Under load: concurrent checkouts of one SKU never oversell, and webhooks racing the browser make one order. */
import { env } from 'cloudflare:workers';
import { createDb } from '@db/client';
import type { SeedData } from '@db/seed/generate';
import { stockStub } from '@durable-objects/stock';
import { newClient, seedSmallStore } from '@tests/support/workerd';
import { signTestPayload, TEST_SIGNATURE_HEADER } from '@worker/integrations/payments/test-gateway-signature';
import { reconcileSku } from '@worker/services/inventory/reconcile';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, readyCheckout } from './support';

let data: SeedData;
beforeAll(async () => {
  data = await seedSmallStore();
});

describe('concurrent checkouts of one SKU', () => {
  it('200 shoppers, 10 in stock: exactly 10 orders, 190 told out of stock, nothing oversold, the ledger reconciles', async () => {
    const sku = data.inventory.find((l) => l.onHand >= 1)!.sku;
    await env.DB.prepare('UPDATE inventory_levels SET on_hand = 10 WHERE sku = ?').bind(sku).run();
    const shoppers = [];
    for (let i = 0; i < 200; i += 20) {
      shoppers.push(
        ...(await Promise.all(Array.from({ length: 20 }, () => readyCheckout([{ sku, quantity: 1 }])))),
      );
    }
    const answers = await Promise.all(shoppers.map((s) => placeOrder(s.api, s.checkoutId, 'success')));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(190);
    const refused = await answers.find((r) => r.status === 409)!.json();
    expect(refused).toMatchObject({ code: 'INSUFFICIENT_STOCK' });

    const orders = await env.DB.prepare('SELECT COUNT(*) AS n FROM order_lines WHERE sku = ?')
      .bind(sku)
      .first();
    expect(orders).toEqual({ n: 10 });
    const level = await stockStub(env, sku).getLevel({ sku });
    expect(level).toMatchObject({ ok: true, value: { onHand: 0, reserved: 0, available: 0 } });
    const check = await reconcileSku(env, createDb(env), sku);
    expect(check?.drift).toEqual([]);
  }, 120_000);
});

describe('one checkout placed from several tabs at once', () => {
  it('five placements with different keys: one payment is taken, the others are told to wait (409), stock held once', async () => {
    // The last well-stocked SKU: the oversell test above empties the first one.
    const line = data.inventory.filter((l) => l.onHand >= 5).at(-1)!;
    const { api, checkoutId } = await readyCheckout([{ sku: line.sku, quantity: 2 }]);
    const before = await stockStub(env, line.sku).getLevel({ sku: line.sku });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => placeOrder(api, checkoutId, 'success')),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(4);
    const conflicts = await Promise.all(answers.filter((r) => r.status === 409).map((r) => r.json()));
    for (const c of conflicts)
      expect(c).toMatchObject({ code: expect.stringMatching(/^(CONFLICT|IDEMPOTENCY_IN_PROGRESS)$/) });
    const payments = await env.DB.prepare(
      'SELECT COUNT(*) AS n FROM test_gateway_payments WHERE reference = ?',
    )
      .bind(checkoutId)
      .first<{ n: number }>();
    expect(payments?.n).toBe(1);
    const orders = await env.DB.prepare('SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?')
      .bind(checkoutId)
      .first<{ n: number }>();
    expect(orders?.n).toBe(1);
    const after = await stockStub(env, line.sku).getLevel({ sku: line.sku });
    if (!before.ok || !after.ok) throw new Error('stock level unreadable');
    expect(after.value.onHand).toBe(before.value.onHand - 2);
    expect(after.value.reserved).toBe(before.value.reserved);
  });
});

describe('webhooks racing the browser', () => {
  it('the same event five times in shuffled order with the confirmation: one order, one event recorded', async () => {
    const sku = data.inventory.filter((l) => l.onHand >= 5).at(-1)!.sku;
    const { api, checkoutId } = await readyCheckout([{ sku, quantity: 1 }]);
    const pending = await placeOrder(api, checkoutId, 'requires_action');
    expect(pending.status).toBe(202);
    const { payment_ref: ref } = (await env.DB.prepare('SELECT payment_ref FROM checkouts WHERE id = ?')
      .bind(checkoutId)
      .first<{ payment_ref: string }>())!;
    // The gateway approves the payment (as its authentication page would) and sends its event.
    await env.DB.prepare("UPDATE test_gateway_payments SET status = 'succeeded' WHERE id = ?")
      .bind(ref)
      .run();
    const events = [
      { id: 'evt_race_1', type: 'payment.succeeded', payment: ref, reference: checkoutId },
      { id: 'evt_race_0', type: 'payment.requires_action', payment: ref, reference: checkoutId },
    ];
    const deliveries = [0, 0, 0, 0, 0, 1, 1].map((i) => JSON.stringify(events[i]));
    deliveries.sort(() => Math.random() - 0.5);
    const send = async (body: string) => {
      const signature = await signTestPayload('test-gateway-local-secret', body, Date.now());
      return api('/api/webhooks/test', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TEST_SIGNATURE_HEADER]: signature },
        body,
      });
    };
    const answers = await Promise.all([
      ...deliveries.map(send),
      api(`/api/checkouts/${checkoutId}/payment-status`, { method: 'POST' }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    const orders = await env.DB.prepare('SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?')
      .bind(checkoutId)
      .first();
    expect(orders).toEqual({ n: 1 });
    const recorded = await env.DB.prepare(
      "SELECT event_id FROM payment_events WHERE event_id LIKE 'evt_race_%' ORDER BY event_id",
    ).all();
    expect(recorded.results).toEqual([{ event_id: 'evt_race_0' }, { event_id: 'evt_race_1' }]);

    const forged = await api('/api/webhooks/test', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TEST_SIGNATURE_HEADER]: 't=1,v1=00' },
      body: deliveries[0],
    });
    expect(forged.status).toBe(400);
  });
});

describe('webhook volume', () => {
  it('a provider sending many webhooks from one address is never rate limited; each is judged by its signature', async () => {
    const client = newClient();
    const body = JSON.stringify({
      id: 'evt_flood',
      type: 'payment.succeeded',
      payment: 'tpay_x',
      reference: 'x',
    });
    const answers = [];
    for (let i = 0; i < 130; i++) {
      answers.push(
        (
          await client('/api/webhooks/test', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', [TEST_SIGNATURE_HEADER]: 't=1,v1=00' },
            body,
          })
        ).status,
      );
    }
    expect(new Set(answers)).toEqual(new Set([400]));
  });
});
