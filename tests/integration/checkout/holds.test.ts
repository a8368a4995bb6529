/** Stock holds of a checkout: abandoned ones come back by alarm; a payment that outlives its hold still sells once. */
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { SeedData } from '@db/seed/generate';
import { stockStub } from '@durable-objects/stock';
import { createStaff, emailsTo, waitForEmail } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, readyCheckout } from './support';

let data: SeedData;
beforeAll(async () => {
  data = await seedSmallStore();
});

async function level(sku: string) {
  const found = await stockStub(env, sku).getLevel({ sku });
  if (!found.ok) throw new Error(found.error.code);
  return found.value;
}

/** Lapses every hold of the SKU and fires its alarm, as if the hold time had passed. */
async function lapseHolds(sku: string) {
  const stock = stockStub(env, sku);
  await runInDurableObject(stock, (_, state) =>
    state.storage.sql.exec("UPDATE reservations SET expires_at = 0 WHERE status = 'held'"),
  );
  await runDurableObjectAlarm(stock);
}

async function paymentRefOf(checkoutId: string): Promise<string> {
  const row = await env.DB.prepare('SELECT payment_ref FROM checkouts WHERE id = ?')
    .bind(checkoutId)
    .first<{ payment_ref: string }>();
  return row!.payment_ref;
}

describe('abandoned and late payments', () => {
  it('gives an abandoned checkout’s stock back when its hold expires, and the ledger says why', async () => {
    const sku = data.inventory.filter((l) => l.onHand >= 10)[4]!.sku;
    const before = await level(sku);
    const { api, checkoutId } = await readyCheckout([{ sku, quantity: 4 }]);
    expect((await placeOrder(api, checkoutId, 'requires_action')).status).toBe(202);
    expect((await level(sku)).available).toBe(before.available - 4);
    await lapseHolds(sku);
    expect(await level(sku)).toEqual(before);
    await stockStub(env, sku).syncLedger();
    const reasons = await env.DB.prepare(
      'SELECT reason FROM stock_movements WHERE sku = ? AND reference LIKE ? ORDER BY seq',
    )
      .bind(sku, `${checkoutId}%`)
      .all();
    expect(reasons.results).toEqual([{ reason: 'hold' }, { reason: 'expiry' }]);
  });

  it('a payment approved after its hold lapsed sells the stock when it is still there', async () => {
    const sku = data.inventory.filter((l) => l.onHand >= 10)[5]!.sku;
    const before = await level(sku);
    const { api, checkoutId } = await readyCheckout([{ sku, quantity: 2 }]);
    expect((await placeOrder(api, checkoutId, 'requires_action')).status).toBe(202);
    await lapseHolds(sku);
    const ref = await paymentRefOf(checkoutId);
    await env.DB.prepare("UPDATE test_gateway_payments SET status = 'succeeded' WHERE id = ?")
      .bind(ref)
      .run();
    const settled = await api(`/api/checkouts/${checkoutId}/payment-status`, { method: 'POST' });
    expect(settled.status).toBe(200);
    expect(await settled.json()).toMatchObject({ kind: 'order' });
    expect(await level(sku)).toMatchObject({ onHand: before.onHand - 2, reserved: before.reserved });
  });

  it('a payment approved after its stock was sold to someone else is refunded, not oversold', async () => {
    const sku = data.inventory.filter((l) => l.onHand >= 3).at(-2)!.sku;
    await env.DB.prepare('UPDATE inventory_levels SET on_hand = 1 WHERE sku = ?').bind(sku).run();
    const first = await readyCheckout([{ sku, quantity: 1 }]);
    expect((await placeOrder(first.api, first.checkoutId, 'requires_action')).status).toBe(202);
    await lapseHolds(sku);
    const second = await readyCheckout([{ sku, quantity: 1 }]);
    expect((await placeOrder(second.api, second.checkoutId, 'success')).status).toBe(201);

    const ref = await paymentRefOf(first.checkoutId);
    await env.DB.prepare("UPDATE test_gateway_payments SET status = 'succeeded' WHERE id = ?")
      .bind(ref)
      .run();
    const late = await first.api(`/api/checkouts/${first.checkoutId}/payment-status`, { method: 'POST' });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    const refunded = await env.DB.prepare(
      'SELECT refunded_amount, amount FROM test_gateway_payments WHERE id = ?',
    )
      .bind(ref)
      .first<{ refunded_amount: number; amount: number }>();
    expect(refunded!.refunded_amount).toBe(refunded!.amount);
    expect(await level(sku)).toMatchObject({ onHand: 0, reserved: 0, available: 0 });
    const view = (await (await first.api(`/api/checkouts/${first.checkoutId}`)).json()) as {
      status: string;
      paymentError: string;
    };
    expect(view).toMatchObject({ status: 'open', paymentError: expect.stringContaining('refunded') });
  });
});

describe('a payment approved after one of two lines sold out', () => {
  it('sells neither line: the live line goes back on hand, the payment is refunded, the ledger reconciles', async () => {
    const [live, gone] = data.inventory.filter((l) => l.onHand >= 3).slice(-5, -3);
    await env.DB.prepare('UPDATE inventory_levels SET on_hand = 1 WHERE sku = ?').bind(gone!.sku).run();
    const liveBefore = await level(live!.sku);
    const first = await readyCheckout([
      { sku: live!.sku, quantity: 2 },
      { sku: gone!.sku, quantity: 1 },
    ]);
    expect((await placeOrder(first.api, first.checkoutId, 'requires_action')).status).toBe(202);
    await lapseHolds(gone!.sku); // only this line's hold lapses; the other is still held
    const second = await readyCheckout([{ sku: gone!.sku, quantity: 1 }]);
    expect((await placeOrder(second.api, second.checkoutId, 'success')).status).toBe(201);

    const ref = await paymentRefOf(first.checkoutId);
    await env.DB.prepare("UPDATE test_gateway_payments SET status = 'succeeded' WHERE id = ?")
      .bind(ref)
      .run();
    const settle = () => first.api(`/api/checkouts/${first.checkoutId}/payment-status`, { method: 'POST' });
    const late = await settle();
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    expect((await settle()).status).not.toBe(200); // asked again: still no order, nothing returned twice
    const refunded = await env.DB.prepare(
      'SELECT refunded_amount, amount FROM test_gateway_payments WHERE id = ?',
    )
      .bind(ref)
      .first<{ refunded_amount: number; amount: number }>();
    expect(refunded!.refunded_amount).toBe(refunded!.amount);
    expect(await level(live!.sku)).toMatchObject({ onHand: liveBefore.onHand, reserved: 0 });
    expect(await level(gone!.sku)).toMatchObject({ onHand: 0, reserved: 0 });
    const orders = await env.DB.prepare('SELECT count(*) AS n FROM orders WHERE checkout_id = ?')
      .bind(first.checkoutId)
      .first<{ n: number }>();
    expect(orders!.n).toBe(0);
    await stockStub(env, live!.sku).syncLedger();
    const ledger = await env.DB.prepare(
      'SELECT sum(delta) AS onHand, sum(reserved_delta) AS reserved FROM stock_movements WHERE sku = ?',
    )
      .bind(live!.sku)
      .first<{ onHand: number; reserved: number }>();
    expect(ledger).toEqual({ onHand: liveBefore.onHand, reserved: 0 });
  });
});

describe('coming back after the holds lapsed', () => {
  it('places the order again with fresh holds instead of failing on the expired ones', async () => {
    const sku = data.inventory.filter((l) => l.onHand >= 10)[7]!.sku;
    const before = await level(sku);
    const { api, checkoutId } = await readyCheckout([{ sku, quantity: 1 }]);
    expect((await placeOrder(api, checkoutId, 'requires_action')).status).toBe(202);
    await lapseHolds(sku);
    const again = await placeOrder(api, checkoutId, 'success');
    expect(again.status).toBe(201);
    expect(await level(sku)).toMatchObject({ onHand: before.onHand - 1, reserved: before.reserved });
  });
});

describe('low-stock alerts', () => {
  it('emails each administrator once when a sale takes the SKU to its threshold, and the dashboard lists it', async () => {
    const admin = await createStaff(['admin']);
    const sku = data.inventory.filter((l) => l.onHand >= 3).at(-3)!.sku;
    await env.DB.prepare('UPDATE inventory_levels SET on_hand = 7, low_stock_threshold = 5 WHERE sku = ?')
      .bind(sku)
      .run();
    const first = await readyCheckout([{ sku, quantity: 2 }]);
    expect((await placeOrder(first.api, first.checkoutId, 'success')).status).toBe(201);
    const mail = await waitForEmail(admin.email, 'low-stock');
    expect(mail.subject).toContain(sku);
    expect(mail.textBody).toContain('5 units left');
    const second = await readyCheckout([{ sku, quantity: 1 }]);
    expect((await placeOrder(second.api, second.checkoutId, 'success')).status).toBe(201);
    const mails = (await emailsTo(admin.email)).filter(
      (m) => m.kind === 'low-stock' && m.subject.includes(sku),
    );
    expect(mails).toHaveLength(1);
    const open = await env.DB.prepare(
      'SELECT available, notified_at FROM stock_alerts WHERE sku = ? AND resolved_at IS NULL',
    )
      .bind(sku)
      .all<{ available: number; notified_at: number | null }>();
    expect(open.results).toEqual([{ available: 5, notified_at: expect.any(Number) }]);
  });
});
