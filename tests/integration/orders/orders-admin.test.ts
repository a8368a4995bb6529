/**
 * Orders in the back office through the real Worker and D1: the filtered list and who may see it, status changes
 * along the machine (an illegal one and a lost race are 409 and change nothing), notes, the shipping address before
 * and after shipping, and resending the confirmation. Orders are placed through the real checkout.
 */
import { env } from 'cloudflare:workers';
import { createDb } from '@db/client';
import { listOutboxEmails } from '@db/repositories/email-outbox';
import type { SeedData } from '@db/seed/generate';
import { createStaff, loginCookie, waitForEmail } from '@tests/support/accounts';
import { jsonBody, newClient, seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS, placeOrder, readyCheckout } from '../checkout/support';
import { shipWholeOrder } from './ship';

let data: SeedData;
let admin: string;
let adminEmail: string;
let warehouse: string;
let content: string;
const api = newClient();

beforeAll(async () => {
  data = await seedSmallStore();
  [admin, warehouse, content] = await Promise.all([
    createStaff(['admin']).then((s) => {
      adminEmail = s.email;
      return loginCookie('staff', s);
    }),
    createStaff(['warehouse']).then((s) => loginCookie('staff', s)),
    createStaff(['content']).then((s) => loginCookie('staff', s)),
  ]);
});

const as = (cookie: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), Cookie: cookie },
});
const post = (cookie: string, body: unknown) => as(cookie, jsonBody(body));
const put = (cookie: string, body: unknown) => as(cookie, { ...jsonBody(body), method: 'PUT' });

type Order = {
  id: string;
  number: string;
  status: string;
  email: string;
  lines: { id: string; quantity: number }[];
  shippingAddress: Record<string, unknown>;
  timeline: { fromStatus: string | null; toStatus: string; actorName: string | null; note: string | null }[];
};

/** Places an order through checkout and returns its admin view. */
async function newOrder(): Promise<Order> {
  const sku = data.inventory.find((l) => l.onHand >= 20)!.sku;
  const { api: shop, checkoutId } = await readyCheckout([{ sku, quantity: 1 }]);
  const placed = await placeOrder(shop, checkoutId, 'success');
  expect(placed.status).toBe(201);
  const { number } = (await placed.json()) as { number: string };
  const list = await api(`/api/admin/orders?q=${number}`, as(admin));
  const { items } = (await list.json()) as { items: { id: string }[] };
  return (await (await api(`/api/admin/orders/${items[0]!.id}`, as(admin))).json()) as Order;
}

async function orderRow(id: string) {
  return env.DB.prepare('SELECT status, shipping_address FROM orders WHERE id = ?').bind(id).first<{
    status: string;
    shipping_address: string;
  }>();
}
/** The audit actions recorded for the order, oldest first, with who acted. */
async function auditOf(id: string) {
  const { results } = await env.DB.prepare(
    'SELECT action, staff_email AS staffEmail FROM audit_log WHERE entity_id = ? ORDER BY at, id',
  )
    .bind(id)
    .all<{ action: string; staffEmail: string }>();
  return results;
}
async function countOf(table: 'order_events' | 'audit_log', column: string, id: string) {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`).bind(id).first<{
    n: number;
  }>();
  return row!.n;
}

describe('the order list', () => {
  it('finds an order by number, email, name and SKU, and filters by status and date', async () => {
    const order = await newOrder();
    const sku = data.inventory.find((l) => l.onHand >= 20)!.sku;
    for (const q of [order.number, `%23${order.number}`, order.email.toUpperCase(), 'ada love', sku]) {
      const res = await api(`/api/admin/orders?q=${q}`, as(admin));
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: { id: string; customerName: string }[] };
      expect(
        items.map((i) => i.id),
        q,
      ).toContain(order.id);
    }
    const today = new Date().toISOString().slice(0, 10);
    const pending = (await (
      await api(`/api/admin/orders?status=pending&from=${today}&to=${today}&payment=captured`, as(admin))
    ).json()) as { items: { id: string; status: string }[] };
    expect(pending.items.map((i) => i.id)).toContain(order.id);
    const shipped = (await (
      await api(`/api/admin/orders?status=shipped&q=${order.number}`, as(admin))
    ).json()) as {
      items: unknown[];
    };
    expect(shipped.items).toEqual([]);
  });

  it('refuses a bad filter with 400 and says which field', async () => {
    const res = await api('/api/admin/orders?status=lost&from=2026-13-01', as(admin));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { path: string }[] };
    expect(body.errors.map((e) => e.path).sort()).toEqual(['from', 'status']);
    expect((await api('/api/admin/orders?sort=oldest', as(admin))).status).toBe(400);
  });

  it('lets warehouse staff read but not write, and shows content managers nothing', async () => {
    const order = await newOrder();
    expect((await api('/api/admin/orders', as(warehouse))).status).toBe(200);
    expect((await api(`/api/admin/orders/${order.id}`, as(warehouse))).status).toBe(200);
    const change = await api(
      `/api/admin/orders/${order.id}/status`,
      post(warehouse, { event: 'start_processing' }),
    );
    expect(change.status).toBe(403);
    expect((await api(`/api/admin/orders/${order.id}/notes`, post(warehouse, { note: 'hi' }))).status).toBe(
      403,
    );
    expect((await api('/api/admin/orders', as(content))).status).toBe(403);
    expect((await api(`/api/admin/orders/${order.id}`, as(content))).status).toBe(403);
    expect((await api('/api/admin/orders')).status).toBe(401);
    expect((await orderRow(order.id))!.status).toBe('pending');
  });
});

describe('changing an order', () => {
  it('moves an order along the machine and records who did it in the timeline and the audit log', async () => {
    const order = await newOrder();
    const res = await api(
      `/api/admin/orders/${order.id}/status`,
      post(admin, { event: 'start_processing', expectedStatus: 'pending', note: 'Paid, packing today' }),
    );
    expect(res.status).toBe(200);
    const after = (await res.json()) as Order;
    expect(after.status).toBe('processing');
    expect(after.timeline.at(-1)).toMatchObject({
      fromStatus: 'pending',
      toStatus: 'processing',
      actorName: 'Staff admin',
      note: 'Paid, packing today',
    });
    expect(await countOf('audit_log', 'entity_id', order.id)).toBe(1);
  });

  it('answers 409 for an illegal transition or a stale status, and writes nothing', async () => {
    const order = await newOrder();
    const deliver = await api(`/api/admin/orders/${order.id}/status`, post(admin, { event: 'deliver' }));
    expect(deliver.status).toBe(409);
    expect(await deliver.json()).toMatchObject({
      code: 'CONFLICT',
      detail: 'Cannot deliver an order that is pending.',
      meta: { reason: 'invalid_transition', allowed: ['start_processing', 'cancel'] },
    });
    const stale = await api(
      `/api/admin/orders/${order.id}/status`,
      post(admin, { event: 'start_processing', expectedStatus: 'processing' }),
    );
    expect(stale.status).toBe(409);
    for (const event of ['cancel', 'ship']) {
      // Each has its own flow (cancellation restocks and refunds; a shipment needs a parcel): not a bare status move.
      const refused = await api(`/api/admin/orders/${order.id}/status`, post(admin, { event }));
      expect(refused.status, event).toBe(400);
    }
    expect((await orderRow(order.id))!.status).toBe('pending');
    expect(await countOf('order_events', 'order_id', order.id)).toBe(1); // "Order placed" only
    expect(await countOf('audit_log', 'entity_id', order.id)).toBe(0);
  });

  it('lets exactly one of several concurrent status changes win', async () => {
    const order = await newOrder();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        api(`/api/admin/orders/${order.id}/status`, post(admin, { event: 'start_processing' })),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    expect((await orderRow(order.id))!.status).toBe('processing');
    expect(await countOf('order_events', 'order_id', order.id)).toBe(2);
    expect(await countOf('audit_log', 'entity_id', order.id)).toBe(1);
  });

  it('adds a note to the timeline without changing the status', async () => {
    const order = await newOrder();
    const res = await api(
      `/api/admin/orders/${order.id}/notes`,
      post(admin, { note: '  Customer called  ' }),
    );
    expect(res.status).toBe(201);
    const after = (await res.json()) as Order;
    expect(after.timeline.at(-1)).toMatchObject({
      fromStatus: 'pending',
      toStatus: 'pending',
      note: 'Customer called',
      actorName: 'Staff admin',
    });
    expect((await api(`/api/admin/orders/${order.id}/notes`, post(admin, { note: '' }))).status).toBe(400);
    expect(await auditOf(order.id)).toEqual([{ action: 'order.note', staffEmail: adminEmail }]);
  });

  it('edits the shipping address before shipping, validates it, and refuses once shipped', async () => {
    const order = await newOrder();
    const path = `/api/admin/orders/${order.id}/shipping-address`;
    const bad = await api(path, put(admin, { address: { ...ADDRESS, postalCode: 'ABC' } }));
    expect(bad.status).toBe(400);
    const moved = { ...ADDRESS, line1: '2 Mission St', postalCode: ' 94107 ' };
    const ok = await api(path, put(admin, { address: moved }));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Order).shippingAddress).toMatchObject({
      line1: '2 Mission St',
      postalCode: '94107',
    });

    const processing = await api(
      `/api/admin/orders/${order.id}/status`,
      post(admin, { event: 'start_processing' }),
    );
    expect(processing.status).toBe(200);
    await shipWholeOrder(api, admin, order);
    const late = await api(path, put(admin, { address: { ...ADDRESS, line1: '3 Elsewhere' } }));
    expect(late.status).toBe(409);
    expect(JSON.parse((await orderRow(order.id))!.shipping_address)).toMatchObject({ line1: '2 Mission St' });
    // One address change (the refused ones left no trace), then the status change and the parcel.
    expect((await auditOf(order.id)).map((a) => a.action)).toEqual([
      'order.shipping_address',
      'order.status',
      'order.ship',
    ]);
  });

  it('resends the confirmation: one more email, and a timeline entry', async () => {
    const order = await newOrder();
    await waitForEmail(order.email, 'order-confirmation');
    const db = createDb(env);
    const before = (await listOutboxEmails(db, { to: order.email })).filter(
      (m) => m.kind === 'order-confirmation',
    );
    const res = await api(`/api/admin/orders/${order.id}/resend-confirmation`, post(admin, {}));
    expect(res.status).toBe(202);
    const after = (await listOutboxEmails(db, { to: order.email })).filter(
      (m) => m.kind === 'order-confirmation',
    );
    expect(after.length).toBe(before.length + 1);
    const view = (await (await api(`/api/admin/orders/${order.id}`, as(admin))).json()) as Order;
    expect(view.timeline.at(-1)!.note).toBe(`Order confirmation resent to ${order.email}`);
    expect(await auditOf(order.id)).toEqual([
      { action: 'order.resend_confirmation', staffEmail: adminEmail },
    ]);
  });
});
