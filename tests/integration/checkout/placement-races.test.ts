/**
 * Windows inside a placement where money and orders could part: a webhook that comes before the placement stored
 * its payment, and a placement that died there and is retried. The use cases are called directly so the test sees
 * the checkout at the moment the gateway announces its payment (the test gateway's webhook goes through waitUntil).
 */
import { env } from 'cloudflare:workers';
import { createDb } from '@db/client';
import { findCheckout } from '@db/repositories/checkouts';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { stockStub } from '@durable-objects/stock';
import { seedSmallStore } from '@tests/support/workerd';
import { PLACEMENT_GRACE_MS, reopenCheckout, syncPayment } from '@worker/services/checkout/complete';
import type { CheckoutContext } from '@worker/services/checkout/context';
import { gatewayFor } from '@worker/services/checkout/gateways';
import { placeCheckoutOrder } from '@worker/services/checkout/place-order';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, readyCheckout } from './support';

let data: SeedData;
beforeAll(async () => {
  data = await seedSmallStore();
});

const skuAt = (i: number) => data.inventory.filter((l) => l.onHand >= 5)[i]!.sku;

/** A context for the use cases; `onWaitUntil` sees each piece of work handed to waitUntil (the gateway's webhook). */
function context(
  onWaitUntil: (work: Promise<unknown>) => void = () => {},
  now = Date.now(),
): CheckoutContext {
  return {
    env,
    db: createDb(env),
    now,
    customerId: null,
    origin: 'https://shop.test',
    waitUntil: (work) => {
      work.catch(() => {});
      onWaitUntil(work);
    },
  };
}

const checkoutRow = (id: string) =>
  env.DB.prepare('SELECT status, attempt, payment_ref FROM checkouts WHERE id = ?')
    .bind(id)
    .first<{ status: string; attempt: number; payment_ref: string | null }>();
const testPayments = (checkoutId: string) =>
  env.DB.prepare(
    'SELECT id, status, refunded_amount, amount FROM test_gateway_payments WHERE reference = ? ORDER BY created_at',
  )
    .bind(checkoutId)
    .all<{ id: string; status: string; refunded_amount: number; amount: number }>();
const orderPaymentRef = async (checkoutId: string) =>
  (
    await env.DB.prepare(
      'SELECT p.provider_ref AS ref FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.checkout_id = ?',
    )
      .bind(checkoutId)
      .first<{ ref: string }>()
  )?.ref ?? null;

describe('a placement and its payment', () => {
  it('paying again from a checkout waiting on the bank: while the new payment is made, the old reference is gone', async () => {
    const { api, checkoutId } = await readyCheckout([{ sku: skuAt(0), quantity: 1 }]);
    expect((await placeOrder(api, checkoutId, 'requires_action')).status).toBe(202);
    const waiting = await checkoutRow(checkoutId);
    expect(waiting).toMatchObject({ status: 'paying', payment_ref: expect.any(String) });

    // The gateway announces the new payment from inside createPayment: read the checkout at that moment (D1 runs it
    // before the placement's next write). An early webhook finds what this read finds.
    const seen: Promise<unknown>[] = [];
    const placed = await placeCheckoutOrder(
      context(() => seen.push(checkoutRow(checkoutId))),
      checkoutId,
      { provider: 'test', paymentToken: 'success', idempotencyKey: newId('request') },
    );
    expect(placed.ok && placed.value.kind).toBe('order');
    expect(await seen[0]).toMatchObject({ status: 'paying', payment_ref: null });
  });

  it('a placement that died before storing its payment: refunded after the grace period, and a retry with the same key pays anew', async () => {
    const { api, checkoutId } = await readyCheckout([{ sku: skuAt(1), quantity: 1 }]);
    expect((await placeOrder(api, checkoutId, 'requires_action')).status).toBe(202);
    const key = newId('request');
    // The isolate dies right after the gateway took the payment: the webhook hand-off is where it stops.
    const died = placeCheckoutOrder(
      context(() => {
        throw new Error('isolate gone');
      }),
      checkoutId,
      { provider: 'test', paymentToken: 'success', idempotencyKey: key },
    );
    await expect(died).rejects.toThrow('isolate gone');
    expect(await checkoutRow(checkoutId)).toMatchObject({ status: 'paying', payment_ref: null });
    const taken = (await testPayments(checkoutId)).results.at(-1)!;
    expect(taken.status).toBe('succeeded');

    // Within the grace period the gateway's webhook is told to come back (the placement may still store it)...
    const gateway = (ctx: CheckoutContext) => {
      const g = gatewayFor(ctx.env, ctx.db, 'test', () => {});
      if (!g.ok) throw new Error('no test gateway');
      return g.value;
    };
    const early = context();
    const retried = await syncPayment(early, gateway(early), taken.id);
    expect(!retried.ok && retried.error.code).toBe('PLACEMENT_IN_PROGRESS');
    // ...past it the placement is taken for dead: its payment is refunded and the checkout opens again.
    const late = context(() => {}, Date.now() + PLACEMENT_GRACE_MS + 1000);
    const refunded = await syncPayment(late, gateway(late), taken.id);
    expect(!refunded.ok && refunded.error.code).toBe('CONFLICT');
    const after = (await testPayments(checkoutId)).results.find((p) => p.id === taken.id)!;
    expect(after.refunded_amount).toBe(after.amount);
    expect(await checkoutRow(checkoutId)).toMatchObject({ status: 'open', payment_ref: null });

    // The shopper's retry with the same key: a new payment, not the refunded one replayed into an order.
    const again = await placeCheckoutOrder(context(), checkoutId, {
      provider: 'test',
      paymentToken: 'success',
      idempotencyKey: key,
    });
    expect(again.ok && again.value.kind).toBe('order');
    const paidWith = await orderPaymentRef(checkoutId);
    expect(paidWith).not.toBeNull();
    expect(paidWith).not.toBe(taken.id);
  });

  it('a payment failing after the shopper placed again neither reopens the new placement nor gives back its holds', async () => {
    const sku = skuAt(2);
    const { api, checkoutId } = await readyCheckout([{ sku, quantity: 1 }]);
    expect((await placeOrder(api, checkoutId, 'requires_action')).status).toBe(202);
    const seenByTheWebhook = await findCheckout(createDb(env), checkoutId);
    // The shopper places again (another key) while the first payment's failure is being handled.
    await env.DB.prepare(
      "UPDATE checkouts SET payment_key = 'second-placement', payment_ref = NULL WHERE id = ?",
    )
      .bind(checkoutId)
      .run();
    await reopenCheckout(context(), seenByTheWebhook!, 'The bank declined the first card.');
    expect(await checkoutRow(checkoutId)).toMatchObject({ status: 'paying', payment_ref: null });
    const level = await stockStub(env, sku).getLevel({ sku });
    expect(level.ok && level.value.reserved).toBe(1);
  });
});
