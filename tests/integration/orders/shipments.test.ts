/**
 * Shipping orders through the real Worker and D1: partial then full shipments move the order to shipped; more
 * units than are left, and a concurrent shipment of the same units, are refused with nothing written; a replayed
 * Idempotency-Key makes one shipment; the customer is emailed once with the tracking link; who may ship; and who
 * may see the parcels.
 */
import { env } from 'cloudflare:workers';
import { createDb } from '@db/client';
import { findOrderByAccessHash } from '@db/repositories/orders';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { hashSecretToken } from '@domain/identity/secret-token';
import { createCustomer, createStaff, emailsTo, loginCookie, waitForEmail } from '@tests/support/accounts';
import { jsonBody, newClient, seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, readyCheckout } from '../checkout/support';

let data: SeedData;
let admin: string;
let warehouse: string;
let warehouseId: string;
let content: string;
const api = newClient();

beforeAll(async () => {
  data = await seedSmallStore();
  const wh = await createStaff(['warehouse']);
  warehouseId = wh.id;
  [admin, warehouse, content] = await Promise.all([
    createStaff(['admin']).then((s) => loginCookie('staff', s)),
    loginCookie('staff', wh),
    createStaff(['content']).then((s) => loginCookie('staff', s)),
  ]);
});

const as = (cookie: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), Cookie: cookie },
});
const ship = (cookie: string, orderId: string, body: unknown, key?: string) =>
  api(
    `/api/admin/orders/${orderId}/shipments`,
    as(cookie, jsonBody(body, key ? { 'Idempotency-Key': key } : {})),
  );

type Order = {
  id: string;
  /** The guest's order link secret (from placing it). */
  token: string;
  number: string;
  email: string;
  status: string;
  lines: { id: string; quantity: number }[];
};
type Shipment = {
  id: string;
  carrierName: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  lines: { orderLineId: string; quantity: number }[];
};

/** An order of two lines (2 units and 1 unit), placed through checkout; its admin view. */
async function newOrder(): Promise<Order> {
  const skus = data.inventory.filter((l) => l.onHand >= 30).map((l) => l.sku);
  const { api: shop, checkoutId } = await readyCheckout([
    { sku: skus[0]!, quantity: 2 },
    { sku: skus[1]!, quantity: 1 },
  ]);
  const placed = await placeOrder(shop, checkoutId, 'success');
  expect(placed.status).toBe(201);
  const { number, token } = (await placed.json()) as { number: string; token: string };
  const { items } = (await (await api(`/api/admin/orders?q=${number}`, as(admin))).json()) as {
    items: { id: string }[];
  };
  const order = (await (await api(`/api/admin/orders/${items[0]!.id}`, as(admin))).json()) as Order;
  return { ...order, token };
}

async function counts(orderId: string) {
  const row = await env.DB.prepare(
    `SELECT (SELECT count(*) FROM shipments WHERE order_id = ?1) AS shipments,
      (SELECT count(*) FROM shipment_lines sl JOIN order_lines ol ON ol.id = sl.order_line_id
        WHERE ol.order_id = ?1) AS lines,
      (SELECT count(*) FROM order_events WHERE order_id = ?1) AS events,
      (SELECT count(*) FROM audit_log WHERE entity_id = ?1) AS audits,
      (SELECT status FROM orders WHERE id = ?1) AS status`,
  )
    .bind(orderId)
    .first<{ shipments: number; lines: number; events: number; audits: number; status: string }>();
  return row!;
}

const ups = (lines: { orderLineId: string; quantity: number }[], trackingNumber = '1Z 999 AA1 0123') => ({
  carrier: 'ups',
  trackingNumber,
  lines,
});

describe('shipping an order', () => {
  it('keeps a partly shipped order processing and ships it with the last parcel', async () => {
    const order = await newOrder();
    const [a, b] = order.lines;
    const first = await ship(
      warehouse,
      order.id,
      ups([{ orderLineId: a!.id, quantity: 1 }]),
      newId('request'),
    );
    expect(first.status).toBe(201);
    const parcel = (await first.json()) as Shipment;
    expect(parcel).toMatchObject({
      carrierName: 'UPS',
      trackingNumber: '1Z 999 AA1 0123',
      trackingUrl: 'https://www.ups.com/track?tracknum=1Z%20999%20AA1%200123',
      lines: [{ orderLineId: a!.id, quantity: 1 }],
    });
    expect((await counts(order.id)).status).toBe('processing');

    const rest = await ship(
      warehouse,
      order.id,
      {
        carrier: 'royal_mail',
        trackingNumber: 'AB123456789GB',
        lines: [
          { orderLineId: a!.id, quantity: 1 },
          { orderLineId: b!.id, quantity: 1 },
        ],
      },
      newId('request'),
    );
    expect(rest.status).toBe(201);
    expect(await counts(order.id)).toMatchObject({ status: 'shipped', shipments: 2, lines: 3 });

    const detail = (await (await api(`/api/admin/orders/${order.id}`, as(admin))).json()) as {
      timeline: { fromStatus: string; toStatus: string; actor: string; note: string }[];
    };
    expect(detail.timeline.slice(-2)).toMatchObject([
      {
        fromStatus: 'pending',
        toStatus: 'processing',
        actor: warehouseId,
        note: expect.stringContaining('UPS'),
      },
      { fromStatus: 'processing', toStatus: 'shipped', actor: warehouseId },
    ]);
    const { results: audits } = await env.DB.prepare(
      "SELECT staff_id AS staffId FROM audit_log WHERE entity_id = ? AND action = 'order.ship'",
    )
      .bind(order.id)
      .all<{ staffId: string }>();
    expect(audits).toEqual([{ staffId: warehouseId }, { staffId: warehouseId }]);

    const listed = (await (await api(`/api/admin/orders/${order.id}/shipments`, as(warehouse))).json()) as {
      items: Shipment[];
    };
    expect(listed.items.map((s) => s.carrierName)).toEqual(['UPS', 'Royal Mail']);
    // Nothing is left: a third parcel is refused.
    const more = await ship(admin, order.id, ups([{ orderLineId: b!.id, quantity: 1 }]));
    expect(more.status).toBe(409);
  });

  it('refuses more than is left with 409 and writes nothing', async () => {
    const order = await newOrder();
    const [a, b] = order.lines;
    const before = await counts(order.id);
    const res = await ship(
      admin,
      order.id,
      ups([
        { orderLineId: b!.id, quantity: 1 },
        { orderLineId: a!.id, quantity: 3 },
      ]),
    );
    expect(res.status).toBe(409);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    const problem = (await res.json()) as { code: string; reason: string; lines: unknown };
    expect(problem).toMatchObject({ code: 'CONFLICT' });
    expect(await counts(order.id)).toEqual(before);
    expect(await emailsTo(order.email)).not.toContainEqual(
      expect.objectContaining({ kind: 'order-shipped' }),
    );
  });

  it('refuses bad input with 400 and an item of another order', async () => {
    const order = await newOrder();
    const other = await newOrder();
    const [a] = order.lines;
    for (const body of [
      ups([{ orderLineId: a!.id, quantity: 0 }]),
      ups([{ orderLineId: a!.id, quantity: 1 }], 'no!'),
      { carrier: 'pigeon', trackingNumber: 'X12345', lines: [{ orderLineId: a!.id, quantity: 1 }] },
      { carrier: 'ups', lines: [{ orderLineId: a!.id, quantity: 1 }] },
      { ...ups([{ orderLineId: a!.id, quantity: 1 }]), extra: true },
      ups([{ orderLineId: other.lines[0]!.id, quantity: 1 }]),
    ]) {
      const res = await ship(admin, order.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await counts(order.id)).shipments).toBe(0);
    expect((await ship(admin, newId('order'), ups([{ orderLineId: a!.id, quantity: 1 }]))).status).toBe(404);
  });

  it('lets one of two concurrent shipments of the same units win', async () => {
    const order = await newOrder();
    const [a, b] = order.lines;
    const all = [
      { orderLineId: a!.id, quantity: 2 },
      { orderLineId: b!.id, quantity: 1 },
    ];
    const results = await Promise.all(
      [0, 1, 2].map((i) =>
        ship(i % 2 ? admin : warehouse, order.id, ups(all, `1Z000000${i}`), newId('request')),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await counts(order.id)).toMatchObject({ shipments: 1, lines: 2, status: 'shipped' });
  });

  it('makes one shipment and sends one email for a request replayed with the same Idempotency-Key', async () => {
    const order = await newOrder();
    const [a, b] = order.lines;
    const key = newId('request');
    const body = ups([
      { orderLineId: a!.id, quantity: 2 },
      { orderLineId: b!.id, quantity: 1 },
    ]);
    const first = await ship(warehouse, order.id, body, key);
    expect(first.status).toBe(201);
    const again = await ship(warehouse, order.id, body, key);
    expect(again.status).toBe(201);
    expect(((await again.json()) as Shipment).id).toBe(((await first.json()) as Shipment).id);
    // Two replays at once: still one shipment.
    const racing = await Promise.all([0, 1].map(() => ship(warehouse, order.id, body, key)));
    for (const r of racing) expect([200, 201, 409]).toContain(r.status);
    expect(await counts(order.id)).toMatchObject({ shipments: 1, lines: 2, status: 'shipped' });

    const mail = await waitForEmail(order.email, 'order-shipped');
    expect(mail.subject).toContain(`Your order ${order.number} has shipped`);
    expect(mail.textBody).toContain('1Z 999 AA1 0123');
    expect(mail.textBody).toContain('https://www.ups.com/track?tracknum=1Z%20999%20AA1%200123');
    expect(mail.htmlBody).toContain('https://www.ups.com/track?tracknum=1Z%20999%20AA1%200123');
    const shippedMails = (await emailsTo(order.email)).filter((m) => m.kind === 'order-shipped');
    expect(shippedMails).toHaveLength(1);
  });

  it('lets warehouse staff and administrators ship, not content managers or strangers', async () => {
    const order = await newOrder();
    const [a] = order.lines;
    const body = ups([{ orderLineId: a!.id, quantity: 1 }]);
    expect((await ship(content, order.id, body)).status).toBe(403);
    expect((await api(`/api/admin/orders/${order.id}/shipments`, as(content))).status).toBe(403);
    expect((await api(`/api/admin/orders/${order.id}/shipments`, jsonBody(body))).status).toBe(401);
    expect((await counts(order.id)).shipments).toBe(0);
    expect((await ship(warehouse, order.id, body)).status).toBe(201);
    expect((await ship(admin, order.id, body)).status).toBe(201);
  });

  it("shows the parcels on the customer's own order and to no other customer", async () => {
    const order = await newOrder();
    const [owner, stranger] = await Promise.all([createCustomer(), createCustomer()]);
    await env.DB.prepare('UPDATE orders SET customer_id = ? WHERE id = ?').bind(owner.id, order.id).run();
    const [a] = order.lines;
    expect((await ship(admin, order.id, ups([{ orderLineId: a!.id, quantity: 2 }]))).status).toBe(201);
    const [mine, theirs] = await Promise.all([
      loginCookie('customer', owner),
      loginCookie('customer', stranger),
    ]);
    const seen = await api(`/api/account/orders/${order.number}`, as(mine));
    expect(seen.status).toBe(200);
    const { shipments } = (await seen.json()) as {
      shipments: { carrierName: string; trackingUrl: string; lines: { quantity: number }[] }[];
    };
    expect(shipments).toMatchObject([
      { carrierName: 'UPS', trackingUrl: expect.stringContaining('ups.com'), lines: [{ quantity: 2 }] },
    ]);
    expect((await api(`/api/account/orders/${order.number}`, as(theirs))).status).toBe(404);
  });

  it("the guest's order link reads the order with its parcels, lines and history in one batch", async () => {
    const order = await newOrder();
    const [a, b] = order.lines;
    expect((await ship(admin, order.id, ups([{ orderLineId: a!.id, quantity: 1 }]))).status).toBe(201);
    expect(
      (await ship(admin, order.id, ups([{ orderLineId: b!.id, quantity: 1 }], '1Z 999 AA1 0124'))).status,
    ).toBe(201);
    const found = await findOrderByAccessHash(createDb(env), hashSecretToken(order.token));
    expect(found?.order.id).toBe(order.id);
    expect(found?.lines.map((l) => l.id)).toEqual(order.lines.map((l) => l.id));
    expect(found?.shipments.map((s) => [s.trackingNumber, s.lines.map((l) => l.orderLineId)])).toEqual([
      ['1Z 999 AA1 0123', [a!.id]],
      ['1Z 999 AA1 0124', [b!.id]],
    ]);
    expect(found?.events.map((e) => e.toStatus)).toEqual(['pending', 'processing', 'processing']); // a timeline row per parcel
    expect(await findOrderByAccessHash(createDb(env), hashSecretToken(`${order.token}x`))).toBeNull();
  });
});
