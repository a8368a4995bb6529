/**
 * Customer returns through the real Worker, D1 and StockDOs: only within the window and only of shipped units (also
 * when two requests race), only of the shopper's own orders, strict input; staff approve or reject (emailing the
 * customer) and receive, restocking once (ledger reason `return`) even when the receipt is sent again.
 */
import { env } from 'cloudflare:workers';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { stockStub } from '@durable-objects/stock';
import { createCustomer, createStaff, loginCookie, waitForEmail } from '@tests/support/accounts';
import { jsonBody, newClient, seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, readyCheckout } from '../checkout/support';

let data: SeedData;
let admin: string;
let warehouse: string;
let content: string;
let shopper: { id: string; cookie: string };
let other: { id: string; cookie: string };
const staffApi = newClient();
const shopApi = newClient();

beforeAll(async () => {
  data = await seedSmallStore();
  const [a, b] = await Promise.all([createCustomer(), createCustomer()]);
  [admin, warehouse, content, shopper, other] = await Promise.all([
    createStaff(['admin']).then((s) => loginCookie('staff', s)),
    createStaff(['warehouse']).then((s) => loginCookie('staff', s)),
    createStaff(['content']).then((s) => loginCookie('staff', s)),
    loginCookie('customer', a).then((cookie) => ({ id: a.id, cookie })),
    loginCookie('customer', b).then((cookie) => ({ id: b.id, cookie })),
  ]);
});

const as = (cookie: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), Cookie: cookie },
});
const postAs = (cookie: string, body: unknown, key?: string) =>
  as(cookie, jsonBody(body, key ? { 'Idempotency-Key': key } : {}));
const skuAt = (i: number) => data.inventory.filter((l) => l.onHand >= 20)[i]!.sku;

type Order = {
  id: string;
  number: string;
  email: string;
  lines: { id: string; sku: string; quantity: number }[];
};

/** An order of the shopper for `quantity` of `sku`, with `shipped` units shipped in one parcel. */
async function shippedOrder(sku: string, quantity: number, shipped = quantity): Promise<Order> {
  const { api: shop, checkoutId } = await readyCheckout([{ sku, quantity }]);
  expect((await placeOrder(shop, checkoutId, 'success')).status).toBe(201);
  const row = await env.DB.prepare('SELECT id FROM orders WHERE checkout_id = ?')
    .bind(checkoutId)
    .first<{ id: string }>();
  await env.DB.prepare('UPDATE orders SET customer_id = ? WHERE id = ?').bind(shopper.id, row!.id).run();
  const order = (await (await staffApi(`/api/admin/orders/${row!.id}`, as(admin))).json()) as Order;
  if (shipped > 0) {
    const res = await staffApi(
      `/api/admin/orders/${order.id}/shipments`,
      postAs(admin, {
        carrier: 'ups',
        trackingNumber: '1Z999AA10123456784',
        lines: [{ orderLineId: order.lines[0]!.id, quantity: shipped }],
      }),
    );
    expect(res.status).toBe(201);
  }
  return order;
}

const requestBody = (o: Order, quantity: number, reason = 'too_small', note?: string) => ({
  lines: [{ orderLineId: o.lines[0]!.id, quantity, reason, ...(note ? { note } : {}) }],
});
const request = (o: Order, body: unknown, cookie = shopper.cookie, key?: string) =>
  shopApi(`/api/account/orders/${o.number}/returns`, postAs(cookie, body, key));
const step = (
  o: Order,
  returnId: string,
  what: 'approve' | 'reject' | 'receive',
  body: unknown,
  cookie = admin,
) => staffApi(`/api/admin/orders/${o.id}/returns/${returnId}/${what}`, postAs(cookie, body));

async function level(sku: string) {
  const found = await stockStub(env, sku).getLevel({ sku });
  if (!found.ok) throw new Error(found.error.code);
  return found.value;
}
async function returnMovements(sku: string, orderNumber: string) {
  await stockStub(env, sku).syncLedger();
  const { results } = await env.DB.prepare(
    "SELECT delta FROM stock_movements WHERE sku = ? AND reason = 'return' AND reference = ?",
  )
    .bind(sku, `order ${orderNumber}`)
    .all<{ delta: number }>();
  return results.map((r) => r.delta);
}
const problem = async (res: Response) =>
  (await res.json()) as { code: string; reason?: string; meta?: { reason?: string } };

describe('requesting a return', () => {
  it('starts a return of shipped units, lists it, and writes a timeline row by the customer', async () => {
    const o = await shippedOrder(skuAt(0), 2);
    const res = await request(o, { ...requestBody(o, 1, 'other', 'A gift I already had'), note: 'Thanks' });
    expect(res.status).toBe(201);
    const made = (await res.json()) as { id: string; number: string; status: string; lines: unknown[] };
    expect(made).toMatchObject({
      number: `${o.number}-R1`,
      status: 'requested',
      customerNote: 'Thanks',
      reasonSummary: 'Other (tell us why)',
      lines: [{ quantity: 1, reason: 'other', note: 'A gift I already had', restocked: null }],
    });
    const listed = await shopApi(`/api/account/orders/${o.number}/returns`, as(shopper.cookie));
    expect(((await listed.json()) as { items: { id: string }[] }).items.map((r) => r.id)).toEqual([made.id]);
    const event = await env.DB.prepare(
      "SELECT actor, note FROM order_events WHERE order_id = ? AND note LIKE 'Return of%'",
    )
      .bind(o.id)
      .first<{ actor: string; note: string }>();
    expect(event).toMatchObject({ actor: 'customer' });
    // The order's own status is left alone (the return is the record).
    const status = await env.DB.prepare('SELECT status FROM orders WHERE id = ?')
      .bind(o.id)
      .first<{ status: string }>();
    expect(status?.status).toBe('shipped');
  });

  it('refuses outside the window and before anything shipped', async () => {
    const late = await shippedOrder(skuAt(1), 1);
    await env.DB.prepare('UPDATE shipments SET shipped_at = ? WHERE order_id = ?')
      .bind(Date.now() - 31 * 86_400_000, late.id)
      .run();
    const closed = await request(late, requestBody(late, 1));
    expect(closed.status).toBe(409);
    expect((await problem(closed)).meta?.reason).toBe('outside_window');

    const unshipped = await shippedOrder(skuAt(1), 1, 0);
    const none = await request(unshipped, requestBody(unshipped, 1));
    expect(none.status).toBe(409);
    expect((await problem(none)).meta?.reason).toBe('not_shipped');
  });

  it('refuses more than shipped and not yet returned, writing nothing', async () => {
    const o = await shippedOrder(skuAt(2), 3, 2);
    expect((await request(o, requestBody(o, 3))).status).toBe(409);
    expect((await request(o, requestBody(o, 2))).status).toBe(201);
    expect((await request(o, requestBody(o, 1))).status).toBe(409);
    const { n } = (await env.DB.prepare('SELECT count(*) AS n FROM returns WHERE order_id = ?')
      .bind(o.id)
      .first<{ n: number }>())!;
    expect(n).toBe(1);
  });

  it("answers 404 for another customer's order and 401 without a session", async () => {
    const o = await shippedOrder(skuAt(3), 1);
    expect((await request(o, requestBody(o, 1), other.cookie)).status).toBe(404);
    expect((await shopApi(`/api/account/orders/${o.number}/returns`, as(other.cookie))).status).toBe(404);
    expect(
      (await shopApi(`/api/account/orders/${o.number}/returns`, jsonBody(requestBody(o, 1)))).status,
    ).toBe(401);
  });

  it('refuses negative, zero, huge and fractional quantities, unknown fields, and "other" without a note', async () => {
    const o = await shippedOrder(skuAt(4), 1);
    const line = requestBody(o, 1).lines[0]!;
    for (const body of [
      { lines: [{ ...line, quantity: -1 }] },
      { lines: [{ ...line, quantity: 0 }] },
      { lines: [{ ...line, quantity: 1e12 }] },
      { lines: [{ ...line, quantity: 0.5 }] },
      { lines: [{ ...line, refund: 100 }] },
      { ...requestBody(o, 1), status: 'approved' },
      requestBody(o, 1, 'other'),
      requestBody(o, 1, 'bored'),
      { lines: [] },
    ]) {
      const res = await request(o, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await problem(res)).code).toBe('VALIDATION_FAILED');
    }
    // A line of another order is not this order's.
    const elsewhere = await shippedOrder(skuAt(4), 1);
    expect((await request(o, requestBody(elsewhere, 1))).status).toBe(400);
  });

  it('lets only one of two racing requests take the same units', async () => {
    const o = await shippedOrder(skuAt(5), 3);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => request(o, requestBody(o, 2), shopper.cookie, newId('request'))),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const { units } = (await env.DB.prepare(
      'SELECT sum(rl.quantity) AS units FROM return_lines rl JOIN returns r ON r.id = rl.return_id WHERE r.order_id = ?',
    )
      .bind(o.id)
      .first<{ units: number }>())!;
    expect(units).toBe(2);
  });

  it('answers a replayed Idempotency-Key with the first return', async () => {
    const o = await shippedOrder(skuAt(6), 2);
    const key = newId('request');
    const first = await request(o, requestBody(o, 1), shopper.cookie, key);
    const again = await request(o, requestBody(o, 1), shopper.cookie, key);
    expect(first.status).toBe(201);
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
  });
});

describe('deciding and receiving', () => {
  it('approves (emailing the customer), receives, restocks the restocked units once, and logs every step', async () => {
    const sku = skuAt(7);
    const o = await shippedOrder(sku, 2);
    const made = (await (await request(o, requestBody(o, 2, 'damaged_or_defective'))).json()) as {
      id: string;
    };
    const receipt = { lines: [{ orderLineId: o.lines[0]!.id, restocked: 1, damaged: 1, missing: 0 }] };
    // Not before approval.
    expect((await step(o, made.id, 'receive', receipt)).status).toBe(409);
    const approved = await step(o, made.id, 'approve', { note: 'Use the prepaid label' });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({
      status: 'approved',
      decisionReason: 'Use the prepaid label',
    });
    expect((await waitForEmail(o.email, 'return-approved')).textBody).toContain(`${o.number}-R1`);
    expect((await step(o, made.id, 'approve', {})).status).toBe(409);

    const before = await level(sku);
    const received = await step(o, made.id, 'receive', receipt, warehouse);
    expect(received.status).toBe(200);
    expect(await received.json()).toMatchObject({
      status: 'received',
      lines: [{ restocked: 1, damaged: 1, missing: 0 }],
    });
    // The same receipt again (a retry without the middleware's key) restocks nothing more; another one is refused.
    expect((await step(o, made.id, 'receive', receipt, warehouse)).status).toBe(200);
    const differs = { lines: [{ orderLineId: o.lines[0]!.id, restocked: 2, damaged: 0, missing: 0 }] };
    expect((await step(o, made.id, 'receive', differs)).status).toBe(409);
    expect((await level(sku)).onHand).toBe(before.onHand + 1);
    expect(await returnMovements(sku, o.number)).toEqual([1]);

    const { results } = await env.DB.prepare(
      "SELECT actor, note FROM order_events WHERE order_id = ? AND note LIKE 'Return%' ORDER BY created_at, id",
    )
      .bind(o.id)
      .all<{ actor: string; note: string }>();
    expect(results.map((r) => r.note)).toEqual([
      expect.stringContaining('requested'),
      expect.stringContaining('approved'),
      expect.stringContaining('received: 1 restocked, 1 damaged, 0 missing'),
    ]);
    expect(results[0]!.actor).toBe('customer');
    expect(results[1]!.actor).not.toBe('customer');
  });

  it('refuses a receipt over the units returned or missing a line', async () => {
    const o = await shippedOrder(skuAt(8), 2);
    const made = (await (await request(o, requestBody(o, 1))).json()) as { id: string };
    expect((await step(o, made.id, 'approve', {})).status).toBe(200);
    const over = { lines: [{ orderLineId: o.lines[0]!.id, restocked: 1, damaged: 1, missing: 0 }] };
    expect((await step(o, made.id, 'receive', over)).status).toBe(400);
    expect((await step(o, made.id, 'receive', { lines: [] })).status).toBe(400);
  });

  it('rejects with a reason (emailed), frees the units, and a rejected return cannot be received', async () => {
    const o = await shippedOrder(skuAt(9), 1);
    const made = (await (await request(o, requestBody(o, 1))).json()) as { id: string };
    expect((await step(o, made.id, 'reject', {})).status).toBe(400);
    expect((await step(o, made.id, 'reject', { reason: '   ' })).status).toBe(400);
    const rejected = await step(o, made.id, 'reject', { reason: 'Worn and washed' });
    expect(await rejected.json()).toMatchObject({ status: 'rejected', decisionReason: 'Worn and washed' });
    expect((await waitForEmail(o.email, 'return-rejected')).textBody).toContain('Worn and washed');
    const receive = await step(o, made.id, 'receive', {
      lines: [{ orderLineId: o.lines[0]!.id, restocked: 1, damaged: 0, missing: 0 }],
    });
    expect(receive.status).toBe(409);
    // The unit may be asked for again.
    expect((await request(o, requestBody(o, 1))).status).toBe(201);
  });

  it('needs returns permissions: content staff see nothing, and an unknown return is 404', async () => {
    const o = await shippedOrder(skuAt(10), 1);
    expect((await staffApi(`/api/admin/orders/${o.id}/returns`, as(content))).status).toBe(403);
    expect((await staffApi(`/api/admin/orders/${o.id}/returns`, as(warehouse))).status).toBe(200);
    expect((await step(o, newId('return'), 'approve', {}, content)).status).toBe(403);
    expect((await step(o, newId('return'), 'approve', {})).status).toBe(404);
  });
});
