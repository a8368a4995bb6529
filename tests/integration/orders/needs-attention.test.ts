/**
 * Orders needing attention in D1: the dashboard's counts per reason (countOrdersNeedingAttention) and the order
 * list's `attention` filter find the same orders — paid and unshipped past two days, returns waiting for a decision
 * or a refund, and refunds the provider refused and nobody retried.
 */
import { env } from 'cloudflare:workers';
import { createDb } from '@db/client';
import { countOrdersNeedingAttention } from '@db/repositories/admin-orders';
import { createStaff, loginCookie } from '@tests/support/accounts';
import { newClient, seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';

const DAY = 86_400_000;
const NOW = Date.now();
const api = newClient();
let admin: string;
let content: string;

/** [id, status, placed days ago] */
const ORDERS: [string, string, number][] = [
  ['ord_att_late_pending', 'pending', 3],
  ['ord_att_late_processing', 'processing', 2.5],
  ['ord_att_fresh', 'processing', 1],
  ['ord_att_shipped', 'shipped', 5],
  ['ord_att_return', 'return_requested', 20],
  ['ord_att_returned', 'returned', 25],
  ['ord_att_refund_failed', 'cancelled', 4],
  ['ord_att_refund_retried', 'refunded', 6],
];

beforeAll(async () => {
  await seedSmallStore();
  [admin, content] = await Promise.all([
    createStaff(['admin']).then((s) => loginCookie('staff', s)),
    createStaff(['content']).then((s) => loginCookie('staff', s)),
  ]);
  const insert = env.DB.prepare(
    `INSERT INTO orders (id, number, email, status, currency, subtotal_amount, total_amount, shipping_address,
      shipping_method, placed_at, updated_at)
     VALUES (?, ?, 'att@example.com', ?, 'USD', 1000, 1000, json_object('name', 'Ada Example', 'country', 'US'),
      'Standard', ?, ?)`,
  );
  const refund = env.DB.prepare(
    `INSERT INTO refunds (id, order_id, amount, currency, provider_ref, status, created_at)
     VALUES (?, ?, 1000, 'USD', ?, ?, ?)`,
  );
  await env.DB.batch([
    ...ORDERS.map(([id, status, daysAgo], i) =>
      insert.bind(id, `A${9000 + i}`, status, NOW - daysAgo * DAY, NOW - daysAgo * DAY),
    ),
    // Refused (no provider id) and never retried.
    refund.bind('ref_att_1', 'ord_att_refund_failed', null, 'failed', NOW - 3 * DAY),
    // Refused, then retried successfully: nothing owed any more.
    refund.bind('ref_att_2', 'ord_att_refund_retried', null, 'failed', NOW - 5 * DAY),
    refund.bind('ref_att_3', 'ord_att_refund_retried', 're_ok', 'succeeded', NOW - 5 * DAY + 60_000),
  ]);
});

async function listed(attention: string): Promise<string[]> {
  const res = await api(`/api/admin/orders?attention=${attention}`, { headers: { Cookie: admin } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { id: string }[] }).items.map((o) => o.id).sort();
}

describe('orders needing attention', () => {
  it('counts each reason', async () => {
    expect(await countOrdersNeedingAttention(createDb(env), NOW)).toEqual({
      unshipped: 2,
      return_requested: 1,
      return_received: 1,
      refund_failed: 1,
    });
  });

  it('filters the order list by the same reasons', async () => {
    expect(await listed('unshipped')).toEqual(['ord_att_late_pending', 'ord_att_late_processing']);
    expect(await listed('return_requested')).toEqual(['ord_att_return']);
    expect(await listed('return_received')).toEqual(['ord_att_returned']);
    expect(await listed('refund_failed')).toEqual(['ord_att_refund_failed']);
  });

  it('narrows with the other filters, refuses an unknown reason, and is for orders:read only', async () => {
    const res = await api('/api/admin/orders?attention=unshipped&status=pending', {
      headers: { Cookie: admin },
    });
    expect(((await res.json()) as { items: { id: string }[] }).items.map((o) => o.id)).toEqual([
      'ord_att_late_pending',
    ]);
    expect((await api('/api/admin/orders?attention=bored', { headers: { Cookie: admin } })).status).toBe(400);
    expect(
      (await api('/api/admin/orders?attention=unshipped', { headers: { Cookie: content } })).status,
    ).toBe(403);
  });
});
