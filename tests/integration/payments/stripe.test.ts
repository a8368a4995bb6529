/** Paying with Stripe: the real SDK over HTTP to the local stand-in, through the shop's own API routes. */
import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { stockStub } from '@durable-objects/stock';
import { readyCheckout } from '@tests/integration/checkout/support';
import { jsonBody, seedSmallStore } from '@tests/support/workerd';
import { createApp } from '@worker/app';
import { stripeGateway } from '@worker/integrations/payments/stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { authenticate, placeStripeOrder, standInRequests } from './stripe-support';

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

/** The stand-in's requests that created a PaymentIntent for this checkout. */
async function creationsFor(checkoutId: string) {
  return (await standInRequests()).filter(
    (r) =>
      r.path === '/v1/payment_intents' &&
      (r.params.metadata as Record<string, string> | undefined)?.checkout === checkoutId,
  );
}

describe('paying with Stripe', () => {
  it('offers Stripe with its publishable key once the keys are configured', async () => {
    const { api, checkoutId } = await readyCheckout([{ sku: skus[0]!, quantity: 1 }]);
    const view = (await (await api(`/api/checkouts/${checkoutId}`)).json()) as { providers: string[] };
    expect(view.providers).toContain('stripe');
  });

  it('creates and confirms the PaymentIntent on the server: amount, currency and checkout set here; one order', async () => {
    const sku = skus[0]!;
    const before = await level(sku);
    const { api, checkoutId } = await readyCheckout([{ sku, quantity: 2 }]);
    const key = newId('request');
    const res = await placeStripeOrder(api, checkoutId, 'ctoken_visa', key);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: 'order', number: expect.any(String) });
    const view = (await (await api(`/api/checkouts/${checkoutId}`)).json()) as {
      totals: { total: { amount: number; currency: string } };
    };
    const [created, ...more] = await creationsFor(checkoutId);
    expect(more).toEqual([]);
    expect(created!.params).toMatchObject({
      amount: String(view.totals.total.amount),
      currency: view.totals.total.currency.toLowerCase(),
      confirm: 'true',
      confirmation_token: 'ctoken_visa',
      return_url: expect.stringContaining(`/checkout/complete?checkout=${checkoutId}`),
    });
    expect(created!.idempotencyKey).toMatch(new RegExp(`^pi-create:${checkoutId}:\\d+:${key}$`));
    expect(await level(sku)).toMatchObject({ onHand: before.onHand - 2, reserved: before.reserved });
    const payment = await env.DB.prepare(
      'SELECT p.provider, p.provider_ref, p.amount FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.checkout_id = ?',
    )
      .bind(checkoutId)
      .first<{ provider: string; provider_ref: string; amount: number }>();
    expect(payment).toMatchObject({ provider: 'stripe', provider_ref: expect.stringMatching(/^pi_/) });
    expect(payment!.amount).toBe(view.totals.total.amount);

    // A retry of the same request (same Idempotency-Key) pays once: no second PaymentIntent.
    const again = await placeStripeOrder(api, checkoutId, 'ctoken_visa', key);
    expect(again.status).toBe(201);
    expect(await creationsFor(checkoutId)).toHaveLength(1);
  });

  it('a decline answers 402 with the bank’s message, gives the holds back, and the shopper can pay again', async () => {
    const sku = skus[1]!;
    const before = await level(sku);
    const { api, checkoutId } = await readyCheckout([{ sku, quantity: 3 }]);
    const declined = await placeStripeOrder(api, checkoutId, 'ctoken_chargeDeclined');
    expect(declined.status).toBe(402);
    expect(declined.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await declined.json()).toMatchObject({
      code: 'PAYMENT_DECLINED',
      detail: expect.stringContaining('Your card was declined.'),
    });
    expect(await level(sku)).toEqual(before);
    const orders = await env.DB.prepare('SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?')
      .bind(checkoutId)
      .first();
    expect(orders).toEqual({ n: 0 });

    const paid = await placeStripeOrder(api, checkoutId, 'ctoken_visa');
    expect(paid.status).toBe(201);
    const creations = await creationsFor(checkoutId);
    expect(creations).toHaveLength(2);
    expect(new Set(creations.map((c) => c.idempotencyKey)).size).toBe(2);
  });

  it('3-D Secure: 202 with Stripe’s redirect, holds kept; approved at the bank, the shopper’s return places the order', async () => {
    const sku = skus[2]!;
    const before = await level(sku);
    const { api, checkoutId } = await readyCheckout([{ sku, quantity: 1 }]);
    const pending = await placeStripeOrder(api, checkoutId, 'ctoken_authenticationRequired');
    expect(pending.status).toBe(202);
    const action = (await pending.json()) as { kind: string; url: string };
    expect(action).toMatchObject({
      kind: 'action',
      url: expect.stringContaining('/__stand-in/authenticate/pi_'),
    });
    expect((await level(sku)).reserved).toBe(before.reserved + 1);
    await authenticate(action.url, true);
    const back = await api(`/api/checkouts/${checkoutId}/payment-status`, { method: 'POST' });
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ kind: 'order' });
    expect(await level(sku)).toMatchObject({ onHand: before.onHand - 1, reserved: before.reserved });
  });

  it('3-D Secure refused at the bank: the return reports the decline and the holds go back', async () => {
    const sku = skus[3]!;
    const before = await level(sku);
    const { api, checkoutId } = await readyCheckout([{ sku, quantity: 1 }]);
    const pending = await placeStripeOrder(api, checkoutId, 'ctoken_authenticationRequired');
    await authenticate(((await pending.json()) as { url: string }).url, false);
    const back = await api(`/api/checkouts/${checkoutId}/payment-status`, { method: 'POST' });
    expect(back.status).toBe(402);
    expect(await back.json()).toMatchObject({ detail: expect.stringContaining('unable to authenticate') });
    expect(await level(sku)).toEqual(before);
  });

  it('a payment Stripe is still processing answers 202 processing and keeps the holds', async () => {
    const sku = skus[6]!;
    const before = await level(sku);
    const { api, checkoutId } = await readyCheckout([{ sku, quantity: 1 }]);
    const res = await placeStripeOrder(api, checkoutId, 'ctoken_processing');
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ kind: 'processing' });
    expect((await level(sku)).reserved).toBe(before.reserved + 1);
  });

  it('refuses a payment token that is not a confirmation token before Stripe is asked', async () => {
    const { api, checkoutId } = await readyCheckout([{ sku: skus[4]!, quantity: 1 }]);
    const res = await placeStripeOrder(api, checkoutId, '4242424242424242');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await creationsFor(checkoutId)).toEqual([]);
  });
});

describe('Stripe idempotency', () => {
  const gateway = () =>
    stripeGateway({
      secretKey: env.STRIPE_SECRET_KEY!,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET!,
      host: env.STRIPE_API_HOST,
      port: Number(env.STRIPE_API_PORT),
      protocol: 'http',
    });
  const input = (key: string, amount: number) => ({
    amount,
    currency: 'USD',
    reference: 'chk_idempotency',
    idempotencyKey: key,
    email: 'buyer@example.com',
    paymentToken: 'ctoken_visa',
    returnUrl: 'http://shop.test/checkout/complete',
  });

  it('the same key replays the same PaymentIntent; the same key for another amount is refused as Stripe does', async () => {
    const key = newId('request');
    const first = await gateway().createPayment(input(key, 1000));
    const replay = await gateway().createPayment(input(key, 1000));
    expect(first.ok && replay.ok && replay.value.ref === first.value.ref).toBe(true);
    const other = await gateway().createPayment(input(key, 999));
    expect(other).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('a refund carries its own key, and repeating it refunds once', async () => {
    const created = await gateway().createPayment(input(newId('request'), 1500));
    if (!created.ok) throw new Error(created.error.code);
    const key = newId('request');
    const first = await gateway().refund(created.value.ref, { idempotencyKey: key });
    const second = await gateway().refund(created.value.ref, { idempotencyKey: key });
    expect(first.ok && second.ok && second.value.refundRef === first.value.refundRef).toBe(true);
    const refunds = (await standInRequests()).filter(
      (r) => r.path === '/v1/refunds' && r.params.payment_intent === created.value.ref,
    );
    expect(refunds.map((r) => r.idempotencyKey)).toEqual([`refund:${key}`, `refund:${key}`]);
  });

  it('every write the shop sent Stripe carried a key derived from ours (not the SDK’s own retry key)', async () => {
    const writes = (await standInRequests()).filter((r) => r.method === 'POST');
    expect(writes.length).toBeGreaterThan(5);
    expect(writes.filter((r) => !/^(pi-create|refund):./.test(r.idempotencyKey ?? ''))).toEqual([]);
  });
});

describe('a shop without Stripe keys', () => {
  it('does not offer Stripe: placing with it or posting its webhook is 422 PAYMENT_METHOD_UNAVAILABLE', async () => {
    const { checkoutId } = await readyCheckout([{ sku: skus[5]!, quantity: 1 }]);
    const unconfigured = { ...env, STRIPE_SECRET_KEY: undefined };
    const app = createApp();
    const placed = await app.request(
      `/api/checkouts/${checkoutId}/orders`,
      jsonBody({ provider: 'stripe', paymentToken: 'ctoken_visa' }, { 'Idempotency-Key': newId('request') }),
      unconfigured,
      createExecutionContext(),
    );
    expect(placed.status).toBe(422);
    expect(await placed.json()).toMatchObject({ code: 'PAYMENT_METHOD_UNAVAILABLE' });
    expect(await creationsFor(checkoutId)).toEqual([]);
    const hook = await app.request(
      '/api/webhooks/stripe',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' },
      unconfigured,
      createExecutionContext(),
    );
    expect(hook.status).toBe(422);
  });
});
