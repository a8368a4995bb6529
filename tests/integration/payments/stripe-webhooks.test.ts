/** Stripe webhooks: signed with the SDK's test signer, verified by the shop, acted on once whatever the order. */
import { createExecutionContext, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { SeedData } from '@db/seed/generate';
import { stockStub } from '@durable-objects/stock';
import { readyCheckout } from '@tests/integration/checkout/support';
import { seedSmallStore } from '@tests/support/workerd';
import { createApp } from '@worker/app';
import { PLACEMENT_GRACE_MS } from '@worker/services/checkout/complete';
import { beforeAll, describe, expect, it } from 'vitest';
import { authenticate, placeStripeOrder, postWebhook, signedEvent, standInRequests } from './stripe-support';

let data: SeedData;
beforeAll(async () => {
  data = await seedSmallStore();
});

const count = async (sql: string, ...args: string[]) =>
  (await env.DB.prepare(sql)
    .bind(...args)
    .first<{ n: number }>())!.n;

async function paymentRefOf(checkoutId: string): Promise<string> {
  const row = await env.DB.prepare('SELECT payment_ref FROM checkouts WHERE id = ?')
    .bind(checkoutId)
    .first<{ payment_ref: string }>();
  return row!.payment_ref;
}

/** A checkout whose Stripe payment waits on 3-D Secure, and that payment's intent id and bank page. */
async function pendingStripeCheckout(sku: string) {
  const ready = await readyCheckout([{ sku, quantity: 1 }]);
  const pending = await placeStripeOrder(ready.api, ready.checkoutId, 'ctoken_authenticationRequired');
  expect(pending.status).toBe(202);
  const { url } = (await pending.json()) as { url: string };
  return { ...ready, ref: await paymentRefOf(ready.checkoutId), actionUrl: url };
}

const intentObject = (ref: string, checkoutId: string) => ({
  id: ref,
  object: 'payment_intent',
  metadata: { checkout: checkoutId },
});

describe('Stripe webhook signatures', () => {
  it('a wrong signature, a wrong secret or a signature older than 300 s is a 400 problem and nothing is written', async () => {
    const sku = data.inventory.filter((l) => l.onHand >= 5)[0]!.sku;
    const { api, checkoutId, ref, actionUrl } = await pendingStripeCheckout(sku);
    await authenticate(actionUrl, true);
    const object = intentObject(ref, checkoutId);
    const now = Math.floor(Date.now() / 1000);
    const good = await signedEvent('payment_intent.succeeded', object, { id: 'evt_sig_good' });
    const attempts = [
      { payload: good.payload, signature: good.signature.replace(/v1=[0-9a-f]{4}/, 'v1=0000') },
      await signedEvent('payment_intent.succeeded', object, { id: 'evt_sig_secret', secret: 'whsec_other' }),
      await signedEvent('payment_intent.succeeded', object, { id: 'evt_sig_old', timestampS: now - 301 }),
      {
        payload: good.payload.replace('payment_intent.succeeded', 'payment_intent.payment_failed'),
        signature: good.signature,
      },
      { payload: good.payload, signature: '' },
    ];
    for (const attempt of attempts) {
      const res = await postWebhook(api, attempt);
      expect(res.status).toBe(400);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM payment_events WHERE provider = 'stripe' AND event_id LIKE 'evt_sig_%'",
      ),
    ).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?', checkoutId)).toBe(0);

    // Signed just inside the tolerance, the same event is accepted and places the order.
    const recent = await signedEvent('payment_intent.succeeded', object, {
      id: 'evt_sig_recent',
      timestampS: now - 290,
    });
    const accepted = await postWebhook(api, recent);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ received: true, outcome: 'handled' });
    expect(await count('SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?', checkoutId)).toBe(1);
  });
});

describe('Stripe webhooks racing the browser', () => {
  it('the same event five times, shuffled with an earlier one and the shopper’s return: one order, each event recorded once', async () => {
    const sku = data.inventory.filter((l) => l.onHand >= 5)[1]!.sku;
    const { api, checkoutId, ref, actionUrl } = await pendingStripeCheckout(sku);
    await authenticate(actionUrl, true);
    const object = intentObject(ref, checkoutId);
    const succeeded = await signedEvent('payment_intent.succeeded', object, { id: `evt_race_ok_${ref}` });
    const needsAction = await signedEvent('payment_intent.requires_action', object, {
      id: `evt_race_act_${ref}`,
    });
    const deliveries = [succeeded, succeeded, succeeded, succeeded, succeeded, needsAction, needsAction];
    deliveries.sort(() => Math.random() - 0.5);
    const answers = await Promise.all([
      ...deliveries.map((d) => postWebhook(api, d)),
      api(`/api/checkouts/${checkoutId}/payment-status`, { method: 'POST' }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    expect(await count('SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?', checkoutId)).toBe(1);
    expect(
      await count("SELECT COUNT(*) AS n FROM payments WHERE provider = 'stripe' AND provider_ref = ?", ref),
    ).toBe(1);
    const recorded = await env.DB.prepare(
      "SELECT event_id FROM payment_events WHERE provider = 'stripe' AND payment_ref = ? ORDER BY event_id",
    )
      .bind(ref)
      .all();
    expect(recorded.results).toEqual([
      { event_id: `evt_race_act_${ref}` },
      { event_id: `evt_race_ok_${ref}` },
    ]);
    expect((await stockStub(env, sku).getLevel({ sku })).ok).toBe(true);
  });

  it('charge.refunded and charge.dispute.created are recorded against their PaymentIntent without changing the order', async () => {
    const sku = data.inventory.filter((l) => l.onHand >= 5)[2]!.sku;
    const { api, checkoutId } = await readyCheckout([{ sku, quantity: 1 }]);
    expect((await placeStripeOrder(api, checkoutId, 'ctoken_visa')).status).toBe(201);
    const ref = await paymentRefOf(checkoutId);
    for (const [type, object] of [
      ['charge.refunded', { id: 'ch_x', object: 'charge', payment_intent: ref }],
      ['charge.dispute.created', { id: 'dp_x', object: 'dispute', payment_intent: ref }],
    ] as const) {
      const res = await postWebhook(api, await signedEvent(type, object, { id: `evt_${type}_${ref}` }));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ received: true, outcome: 'ignored' });
    }
    const recorded = await env.DB.prepare(
      "SELECT type FROM payment_events WHERE provider = 'stripe' AND payment_ref = ? ORDER BY type",
    )
      .bind(ref)
      .all();
    expect(recorded.results).toEqual([{ type: 'dispute.created' }, { type: 'payment.refunded' }]);
    expect(await count('SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?', checkoutId)).toBe(1);
  });
});

describe('a Stripe payment approved after its stock was sold', () => {
  it('is refunded at Stripe (with a key), not oversold, and the checkout says why', async () => {
    const sku = data.inventory.filter((l) => l.onHand >= 3).at(-1)!.sku;
    await env.DB.prepare('UPDATE inventory_levels SET on_hand = 1 WHERE sku = ?').bind(sku).run();
    const first = await pendingStripeCheckout(sku);
    // The hold lapses while the shopper is at the bank; someone else buys the last unit.
    const stock = stockStub(env, sku);
    await runInDurableObject(stock, (_, state) =>
      state.storage.sql.exec("UPDATE reservations SET expires_at = 0 WHERE status = 'held'"),
    );
    await runDurableObjectAlarm(stock);
    const second = await readyCheckout([{ sku, quantity: 1 }]);
    expect((await placeStripeOrder(second.api, second.checkoutId, 'ctoken_visa')).status).toBe(201);

    await authenticate(first.actionUrl, true);
    const late = await postWebhook(
      first.api,
      await signedEvent('payment_intent.succeeded', intentObject(first.ref, first.checkoutId)),
    );
    expect(late.status).toBe(200);
    const refunds = (await standInRequests()).filter(
      (r) => r.path === '/v1/refunds' && r.params.payment_intent === first.ref,
    );
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.idempotencyKey).toBe(`refund:sold-out:${first.ref}`);
    expect(await count('SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?', first.checkoutId)).toBe(0);
    const level = await stock.getLevel({ sku });
    expect(level.ok && level.value).toMatchObject({ onHand: 0, reserved: 0, available: 0 });
    const view = (await (await first.api(`/api/checkouts/${first.checkoutId}`)).json()) as {
      status: string;
      paymentError: string;
    };
    expect(view).toMatchObject({ status: 'open', paymentError: expect.stringContaining('refunded') });
  });
});

describe('Stripe out of reach while its webhook arrives', () => {
  it('answers 422 and records nothing, so Stripe retries; the retry is handled once Stripe answers again', async () => {
    const sku = data.inventory.filter((l) => l.onHand >= 5)[3]!.sku;
    const { api, checkoutId, ref, actionUrl } = await pendingStripeCheckout(sku);
    await authenticate(actionUrl, true);
    const event = await signedEvent('payment_intent.succeeded', intentObject(ref, checkoutId), {
      id: `evt_unreachable_${ref}`,
    });
    // Port 9 (discard) on loopback: nothing listens, as when Stripe's API cannot be reached.
    const unreachable = { ...env, STRIPE_API_PORT: '9' };
    const refused = await createApp().request(
      '/api/webhooks/stripe',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': event.signature },
        body: event.payload,
      },
      unreachable,
      createExecutionContext(),
    );
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ code: 'PAYMENT_METHOD_UNAVAILABLE' });
    const recorded = "SELECT COUNT(*) AS n FROM payment_events WHERE provider = 'stripe' AND event_id = ?";
    expect(await count(recorded, `evt_unreachable_${ref}`)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?', checkoutId)).toBe(0);

    const retried = await postWebhook(api, event);
    expect(retried.status).toBe(200);
    expect(await count(recorded, `evt_unreachable_${ref}`)).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?', checkoutId)).toBe(1);
  });
});

describe('a Stripe webhook that arrives before its placement stored the payment', () => {
  /** The moment between Stripe's answer to the placement and the placement storing the PaymentIntent's id. */
  async function placementInFlight(index: number, sinceMs: number) {
    const sku = data.inventory.filter((l) => l.onHand >= 5)[index]!.sku;
    const pending = await pendingStripeCheckout(sku);
    await authenticate(pending.actionUrl, true);
    await env.DB.prepare(
      "UPDATE checkouts SET payment_ref = NULL, updated_at = ? WHERE id = ? AND status = 'paying'",
    )
      .bind(Date.now() - sinceMs, pending.checkoutId)
      .run();
    const event = await signedEvent(
      'payment_intent.succeeded',
      intentObject(pending.ref, pending.checkoutId),
      {
        id: `evt_inflight_${pending.ref}`,
      },
    );
    return { ...pending, event };
  }
  const refundsOf = async (ref: string) =>
    (await standInRequests()).filter((r) => r.path === '/v1/refunds' && r.params.payment_intent === ref);

  it('is answered 409 unrecorded, nothing refunded, and handled when Stripe retries after the placement', async () => {
    const { api, checkoutId, ref, event } = await placementInFlight(4, 1000);
    const early = await postWebhook(api, event);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'PLACEMENT_IN_PROGRESS' });
    expect(await refundsOf(ref)).toHaveLength(0);
    const recorded = "SELECT COUNT(*) AS n FROM payment_events WHERE provider = 'stripe' AND event_id = ?";
    expect(await count(recorded, `evt_inflight_${ref}`)).toBe(0);

    // The placement stores the reference; Stripe's retry then places the order, and the money is kept.
    await env.DB.prepare('UPDATE checkouts SET payment_ref = ? WHERE id = ?').bind(ref, checkoutId).run();
    expect((await postWebhook(api, event)).status).toBe(200);
    expect(await count('SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?', checkoutId)).toBe(1);
    expect(await refundsOf(ref)).toHaveLength(0);
  });

  it('is refunded once the placement has been silent past the grace period (it died on the way)', async () => {
    const { api, checkoutId, ref, event } = await placementInFlight(5, PLACEMENT_GRACE_MS + 1000);
    expect((await postWebhook(api, event)).status).toBe(200);
    expect(await refundsOf(ref)).toHaveLength(1);
    expect(await count('SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?', checkoutId)).toBe(0);
  });
});
