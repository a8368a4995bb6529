/**
 * Cancelling and refunding orders through the real Worker, D1, StockDOs and the test gateway (and Stripe's stand-in):
 * restocking only when asked, no cancel after shipping, no refund over what was captured (also when two race),
 * webhooks confirming once, and who may do it.
 */
import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { SeedData } from '@db/seed/generate';
import { stockStub } from '@durable-objects/stock';
import { createStaff, loginCookie, waitForEmail } from '@tests/support/accounts';
import { jsonBody, newClient, seedSmallStore } from '@tests/support/workerd';
import { createApp } from '@worker/app';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, readyCheckout } from '../checkout/support';
import { placeStripeOrder, postWebhook, signedEvent } from '../payments/stripe-support';
import { shipWholeOrder } from './ship';

let data: SeedData;
let admin: string;
let warehouse: string;
let content: string;
const api = newClient();

beforeAll(async () => {
  data = await seedSmallStore();
  [admin, warehouse, content] = await Promise.all([
    createStaff(['admin']).then((s) => loginCookie('staff', s)),
    createStaff(['warehouse']).then((s) => loginCookie('staff', s)),
    createStaff(['content']).then((s) => loginCookie('staff', s)),
  ]);
});

const post = (cookie: string, body: unknown): RequestInit => {
  const init = jsonBody(body);
  return { ...init, headers: { ...(init.headers as Record<string, string>), Cookie: cookie } };
};
const skuAt = (i: number) => data.inventory.filter((l) => l.onHand >= 20)[i]!.sku;

type Order = {
  id: string;
  number: string;
  email: string;
  total: { amount: number };
  lines: { id: string; sku: string; quantity: number }[];
};

/** Places an order for `quantity` of `sku` (test gateway, or Stripe) and returns its admin view. */
async function newOrder(sku: string, quantity: number, provider: 'test' | 'stripe' = 'test'): Promise<Order> {
  const { api: shop, checkoutId } = await readyCheckout([{ sku, quantity }]);
  const placed =
    provider === 'test'
      ? await placeOrder(shop, checkoutId, 'success')
      : await placeStripeOrder(shop, checkoutId, 'ctoken_visa');
  expect(placed.status).toBe(201);
  const row = await env.DB.prepare('SELECT id FROM orders WHERE checkout_id = ?')
    .bind(checkoutId)
    .first<{ id: string }>();
  return (await (await api(`/api/admin/orders/${row!.id}`, { headers: { Cookie: admin } })).json()) as Order;
}

async function moveTo(order: Order, events: string[]) {
  for (const event of events) {
    const res = await api(`/api/admin/orders/${order.id}/status`, post(admin, { event }));
    expect(res.status, event).toBe(200);
  }
}
async function deliver(order: Order) {
  await shipWholeOrder(api, admin, order);
  await moveTo(order, ['deliver']);
}

async function level(sku: string) {
  const found = await stockStub(env, sku).getLevel({ sku });
  if (!found.ok) throw new Error(found.error.code);
  return found.value;
}
async function returnsInLedger(sku: string, orderNumber: string) {
  await stockStub(env, sku).syncLedger();
  const { results } = await env.DB.prepare(
    "SELECT delta FROM stock_movements WHERE sku = ? AND reason = 'return' AND reference = ?",
  )
    .bind(sku, `order ${orderNumber}`)
    .all<{ delta: number }>();
  return results.map((r) => r.delta);
}
async function refundsOf(orderId: string) {
  const { results } = await env.DB.prepare(
    'SELECT id, amount, status, provider_ref FROM refunds WHERE order_id = ? ORDER BY created_at, id',
  )
    .bind(orderId)
    .all<{ id: string; amount: number; status: string; provider_ref: string | null }>();
  return results;
}
async function statusOf(orderId: string) {
  return (await env.DB.prepare('SELECT status FROM orders WHERE id = ?')
    .bind(orderId)
    .first<{ status: string }>())!.status;
}
async function countOf(table: 'order_events' | 'audit_log', column: string, id: string) {
  return (await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`)
    .bind(id)
    .first<{ n: number }>())!.n;
}
/** Waits for the test gateway's webhook (delivered after the response) to confirm every refund of the order. */
async function settled(orderId: string) {
  for (let i = 0; i < 100; i++) {
    const rows = await refundsOf(orderId);
    if (rows.length > 0 && rows.every((r) => r.status !== 'pending')) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
  return refundsOf(orderId);
}

describe('cancelling an order', () => {
  it('refunds in full and restocks the units (stock level and ledger) only when asked', async () => {
    const [a, b] = [skuAt(0), skuAt(1)];
    const kept = await newOrder(a, 2);
    const before = await level(a);
    const res = await api(
      `/api/admin/orders/${kept.id}/cancel`,
      post(admin, { reason: 'Customer asked', restock: false }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'cancelled', amount: kept.total.amount });
    expect(await level(a)).toEqual(before);
    expect(await returnsInLedger(a, kept.number)).toEqual([]);

    const back = await newOrder(b, 3);
    const was = await level(b);
    expect(
      (
        await api(
          `/api/admin/orders/${back.id}/cancel`,
          post(admin, { reason: 'Fraud check', restock: true }),
        )
      ).status,
    ).toBe(200);
    expect((await level(b)).onHand).toBe(was.onHand + 3);
    expect(await returnsInLedger(b, back.number)).toEqual([3]);
    expect(await settled(back.id)).toMatchObject([{ amount: back.total.amount, status: 'succeeded' }]);
    // One cancellation row on the timeline (the provider's confirmation is its own, by the system), one audit entry.
    const { results } = await env.DB.prepare(
      'SELECT to_status, actor FROM order_events WHERE order_id = ? AND to_status = ?',
    )
      .bind(back.id, 'cancelled')
      .all<{ actor: string }>();
    expect(results.filter((r) => r.actor !== 'system')).toHaveLength(1);
    expect(
      (await env.DB.prepare(
        "SELECT count(*) AS n FROM audit_log WHERE entity_id = ? AND action = 'order.cancel'",
      )
        .bind(back.id)
        .first<{ n: number }>())!.n,
    ).toBe(1);
    await waitForEmail(back.email, 'order-refund');
  });

  it('needs a reason and an explicit restock choice, and is refused once shipped (409, nothing written)', async () => {
    const order = await newOrder(skuAt(2), 1);
    expect(
      (await api(`/api/admin/orders/${order.id}/cancel`, post(admin, { reason: '', restock: true }))).status,
    ).toBe(400);
    expect((await api(`/api/admin/orders/${order.id}/cancel`, post(admin, { reason: 'x' }))).status).toBe(
      400,
    );
    await shipWholeOrder(api, admin, order);
    const events = await countOf('order_events', 'order_id', order.id);
    const res = await api(
      `/api/admin/orders/${order.id}/cancel`,
      post(admin, { reason: 'Too late', restock: true }),
    );
    expect(res.status).toBe(409);
    expect(await statusOf(order.id)).toBe('shipped');
    expect(await refundsOf(order.id)).toEqual([]);
    expect(await countOf('order_events', 'order_id', order.id)).toBe(events);
  });
});

describe('refunding an order', () => {
  it('refunds part by line with a restocking fee and restock, confirmed once by the webhook, then the rest', async () => {
    const sku = skuAt(3);
    const order = await newOrder(sku, 2);
    await deliver(order);
    const was = await level(sku);
    const line = order.lines[0]!;
    const res = await api(
      `/api/admin/orders/${order.id}/refunds`,
      post(admin, {
        lines: [{ lineId: line.id, quantity: 1 }],
        restockingFee: 100,
        restock: true,
        reason: 'Too small',
      }),
    );
    expect(res.status).toBe(201);
    const first = (await res.json()) as { refundId: string; amount: number; status: string };
    expect(first.status).toBe('partially_refunded');
    expect(first.amount).toBeGreaterThan(0);
    expect((await level(sku)).onHand).toBe(was.onHand + 1);
    const [row] = await settled(order.id);
    expect(row).toMatchObject({ id: first.refundId, status: 'succeeded', amount: first.amount });
    // The gateway's record: refunded once under the refund's key.
    const gw = await env.DB.prepare('SELECT amount FROM test_gateway_refunds WHERE idempotency_key = ?')
      .bind(first.refundId)
      .all();
    expect(gw.results).toEqual([{ amount: first.amount }]);

    // One unit of the two is refunded: two more are refused (409), nothing is written or restocked.
    const twice = await api(
      `/api/admin/orders/${order.id}/refunds`,
      post(admin, { lines: [{ lineId: line.id, quantity: 2 }], restock: true }),
    );
    expect(twice.status).toBe(409);
    expect(await refundsOf(order.id)).toHaveLength(1);
    expect((await level(sku)).onHand).toBe(was.onHand + 1);
    const rest = order.total.amount - first.amount;
    const full = await api(
      `/api/admin/orders/${order.id}/refunds`,
      post(admin, { amount: rest, restock: false }),
    );
    expect(full.status).toBe(201);
    expect(await full.json()).toMatchObject({ status: 'refunded', amount: rest });
    expect((await level(sku)).onHand).toBe(was.onHand + 1); // no restock asked: none made
  });

  it('refuses more than was captured with 409 and writes nothing', async () => {
    const order = await newOrder(skuAt(4), 1);
    await deliver(order);
    const events = await countOf('order_events', 'order_id', order.id);
    const audits = await countOf('audit_log', 'entity_id', order.id);
    const res = await api(
      `/api/admin/orders/${order.id}/refunds`,
      post(admin, { amount: order.total.amount + 1, restock: false }),
    );
    expect(res.status).toBe(409);
    expect(await refundsOf(order.id)).toEqual([]);
    expect(await statusOf(order.id)).toBe('delivered');
    expect(await countOf('order_events', 'order_id', order.id)).toBe(events);
    expect(await countOf('audit_log', 'entity_id', order.id)).toBe(audits);
    expect(
      (
        await api(
          `/api/admin/orders/${order.id}/refunds`,
          post(admin, { amount: 1, lines: [], restock: false }),
        )
      ).status,
    ).toBe(400);
  });

  it('two refunds racing never return more than was captured', async () => {
    const order = await newOrder(skuAt(5), 2);
    await deliver(order);
    // A first small refund takes the order to partially refunded, so the racers do not collide on the status.
    expect(
      (await api(`/api/admin/orders/${order.id}/refunds`, post(admin, { amount: 1, restock: false }))).status,
    ).toBe(201);
    const most = order.total.amount - 1 - 10;
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        api(`/api/admin/orders/${order.id}/refunds`, post(admin, { amount: most, restock: false })),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    const rows = await settled(order.id);
    const total = rows.filter((r) => r.status !== 'failed').reduce((s, r) => s + r.amount, 0);
    expect(total).toBe(1 + most);
    expect(total).toBeLessThanOrEqual(order.total.amount);
  });

  it('two refunds of the same unit racing: one refunds and restocks it, the rest are 409', async () => {
    const sku = skuAt(7);
    const order = await newOrder(sku, 1);
    await deliver(order);
    // A first small refund by amount takes the order to partially refunded, so the racers do not collide on the status.
    expect(
      (await api(`/api/admin/orders/${order.id}/refunds`, post(admin, { amount: 1, restock: false }))).status,
    ).toBe(201);
    await settled(order.id);
    const was = await level(sku);
    const line = order.lines[0]!;
    // A restocking fee leaves one cent per racer, so the money could pay them all: only the units guard can refuse.
    const paid = await env.DB.prepare(
      `SELECT l.line_total_amount - l.discount_amount + CASE WHEN o.prices_include_tax THEN 0 ELSE l.tax_amount END
         AS amount FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id = ?`,
    )
      .bind(line.id)
      .first<{ amount: number }>();
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        api(
          `/api/admin/orders/${order.id}/refunds`,
          post(admin, {
            lines: [{ lineId: line.id, quantity: 1 }],
            restockingFee: paid!.amount - 1,
            restock: true,
          }),
        ),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const refused = await Promise.all(results.filter((r) => r.status === 409).map((r) => r.json()));
    for (const body of refused) expect(body).toMatchObject({ code: 'CONFLICT' });
    const units = await env.DB.prepare('SELECT SUM(quantity) AS n FROM refund_lines WHERE line_id = ?')
      .bind(line.id)
      .first<{ n: number }>();
    expect(units!.n).toBe(1);
    expect((await level(sku)).onHand).toBe(was.onHand + 1);
  });

  it('a replayed refund webhook changes nothing twice', async () => {
    const order = await newOrder(skuAt(6), 1);
    await deliver(order);
    const res = await api(
      `/api/admin/orders/${order.id}/refunds`,
      post(admin, { amount: 50, restock: false }),
    );
    expect(res.status).toBe(201);
    await settled(order.id);
    const events = await countOf('order_events', 'order_id', order.id);
    // The provider sends the same confirmation again, and a new event about the same refund: neither moves anything.
    const [refund] = await refundsOf(order.id);
    const { signTestPayload, TEST_SIGNATURE_HEADER } = await import(
      '@worker/integrations/payments/test-gateway-signature'
    );
    const payment = await env.DB.prepare('SELECT provider_ref FROM payments WHERE order_id = ?')
      .bind(order.id)
      .first<{ provider_ref: string }>();
    for (const id of ['evt_replay_1', 'evt_replay_1', 'evt_replay_2']) {
      const body = JSON.stringify({
        id,
        type: 'payment.refunded',
        payment: payment!.provider_ref,
        reference: 'x',
        refund: refund!.provider_ref,
      });
      const sig = await signTestPayload(
        env.TEST_GATEWAY_SECRET || 'test-gateway-local-secret',
        body,
        Date.now(),
      );
      const hook = await api('/api/webhooks/test', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TEST_SIGNATURE_HEADER]: sig },
        body,
      });
      expect(hook.status).toBe(200);
    }
    expect(await countOf('order_events', 'order_id', order.id)).toBe(events);
    expect((await refundsOf(order.id)).map((r) => r.status)).toEqual(['succeeded']);
    const confirmed = await env.DB.prepare(
      "SELECT count(*) AS n FROM order_events WHERE order_id = ? AND actor = 'system' AND note LIKE 'Refund % confirmed by the payment provider'",
    )
      .bind(order.id)
      .first<{ n: number }>();
    expect(confirmed!.n).toBe(1);
  });

  it('is for orders:write only: warehouse and content staff get 403 and nothing changes', async () => {
    const order = await newOrder(skuAt(7), 1);
    await deliver(order);
    for (const cookie of [warehouse, content]) {
      expect(
        (await api(`/api/admin/orders/${order.id}/refunds`, post(cookie, { amount: 10, restock: false })))
          .status,
      ).toBe(403);
      expect(
        (await api(`/api/admin/orders/${order.id}/cancel`, post(cookie, { reason: 'x', restock: false })))
          .status,
      ).toBe(403);
    }
    expect(await refundsOf(order.id)).toEqual([]);
    expect(await statusOf(order.id)).toBe('delivered');
  });

  it('refunds a Stripe payment through the stand-in, confirmed by charge.refunded', async () => {
    const order = await newOrder(skuAt(8), 1, 'stripe');
    await deliver(order);
    const res = await api(
      `/api/admin/orders/${order.id}/refunds`,
      post(admin, { amount: 100, restock: false }),
    );
    expect(res.status).toBe(201);
    const [refund] = await refundsOf(order.id);
    expect(refund).toMatchObject({ status: 'pending', provider_ref: expect.stringMatching(/^re_/) });
    const event = await signedEvent('charge.refunded', {
      object: 'charge',
      id: 'ch_x',
      payment_intent: 'pi_x',
      refunds: { object: 'list', data: [{ id: refund!.provider_ref, status: 'succeeded' }] },
    });
    for (let i = 0; i < 2; i++) expect((await postWebhook(api, event)).status).toBe(200);
    expect((await refundsOf(order.id)).map((r) => r.status)).toEqual(['succeeded']);
  });

  it('a refund Stripe did not answer stays pending with its amount counted, so it cannot be made twice', async () => {
    const order = await newOrder(skuAt(9), 1, 'stripe');
    await deliver(order);
    // Port 9 (discard) on loopback: Stripe cannot be reached, so whether it refunded is unknown.
    const unreachable = { ...env, STRIPE_API_PORT: '9' };
    const res = await createApp().request(
      `/api/admin/orders/${order.id}/refunds`,
      post(admin, { amount: order.total.amount, restock: false }),
      unreachable,
      createExecutionContext(),
    );
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ meta: { reason: 'provider_unanswered' } });
    expect(await refundsOf(order.id)).toEqual([
      expect.objectContaining({ status: 'pending', provider_ref: null, amount: order.total.amount }),
    ]);
    expect(await statusOf(order.id)).toBe('refunded');
    // Refunding again, Stripe reachable: nothing is left to refund, so nothing goes out twice.
    const again = await api(
      `/api/admin/orders/${order.id}/refunds`,
      post(admin, { amount: order.total.amount, restock: false }),
    );
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ meta: { reason: 'over_refund' } });
  });

  it('a refund Stripe refuses is failed at once and the money is refundable again', async () => {
    const order = await newOrder(skuAt(10), 1, 'stripe');
    await deliver(order);
    const refunded = await api(
      `/api/admin/orders/${order.id}/refunds`,
      post(admin, { amount: order.total.amount, restock: false }),
    );
    expect(refunded.status).toBe(201);
    // Behind the shop's back the payment was refunded at Stripe already: the next refund is refused there.
    await env.DB.prepare("UPDATE refunds SET status = 'failed' WHERE order_id = ?").bind(order.id).run();
    await env.DB.prepare("UPDATE orders SET status = 'delivered' WHERE id = ?").bind(order.id).run();
    const refused = await api(
      `/api/admin/orders/${order.id}/refunds`,
      post(admin, { amount: order.total.amount, restock: false }),
    );
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ meta: { reason: 'provider_refused' } });
    expect((await refundsOf(order.id)).map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(await statusOf(order.id)).toBe('delivered');
  });
});
