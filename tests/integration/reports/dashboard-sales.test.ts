/**
 * The dashboard's sales read on real D1 while the rollups are recounted in the background (a zone change, the next
 * message recorded instead of sent, so each step is seen): it says how far the recount is, in which zone, as the
 * report pages do, and says nothing once it is done.
 */
import { env } from 'cloudflare:workers';
import { createDb } from '@db/client';
import { createStaff } from '@tests/support/accounts';
import { consumeReportRebuild } from '@worker/jobs/report-rebuild';
import type { RebuildMonthMessage } from '@worker/services/reports/rebuild-job';
import { recentSales } from '@worker/services/reports/reports';
import { changeReportZone } from '@worker/services/reports/upkeep';
import { expect, it } from 'vitest';

const db = () => createDb(env);
const NOW = Date.parse('2026-03-20T12:00:00Z');

async function placeOrder(id: string, at: string) {
  await env.DB.prepare(
    `INSERT INTO orders (id, number, customer_id, email, status, currency, subtotal_amount, discount_amount,
      shipping_amount, tax_amount, total_amount, shipping_address, shipping_method, placed_at, updated_at)
     VALUES (?, ?, NULL, 'guest@example.com', 'delivered', 'USD', 1000, 0, 500, 100, 1600, ?, 'Standard', ?, ?)`,
  )
    .bind(
      id,
      id.toUpperCase(),
      JSON.stringify({
        name: 'A',
        line1: '1 Main St',
        city: 'X',
        region: 'R',
        postalCode: '1',
        country: 'GB',
      }),
      Date.parse(at),
      Date.parse(at),
    )
    .run();
}

it('the dashboard sales say how far a background recount is, in the new zone, until it finishes', async () => {
  const staff = await createStaff(['admin']);
  const actor = { id: staff.id, email: staff.email, name: 'A', roles: ['admin'] } as never;
  await placeOrder('ord_dash_feb', '2026-02-25T10:00:00Z');
  await placeOrder('ord_dash_mar', '2026-03-19T10:00:00Z');

  const sent: RebuildMonthMessage[] = [];
  const queue = { send: async (body: RebuildMonthMessage) => void sent.push(body) };
  const changed = await changeReportZone(db(), actor, 'Europe/London', NOW, queue);
  expect(changed.ok && changed.value.rebuilding).toEqual({ done: 0, total: 2 });

  const started = await recentSales(db(), NOW, queue);
  expect(started).toMatchObject({ timeZone: 'Europe/London', rebuilding: { done: 0, total: 2 } });

  await consumeReportRebuild(
    { messages: [{ body: sent[0] }] as never },
    { ...env, REPORTS: queue },
    () => NOW,
  );
  expect((await recentSales(db(), NOW, queue)).rebuilding).toEqual({ done: 1, total: 2 });

  await consumeReportRebuild(
    { messages: [{ body: sent[1] }] as never },
    { ...env, REPORTS: queue },
    () => NOW,
  );
  const done = await recentSales(db(), NOW, queue);
  expect(done.rebuilding).toBeNull();
  expect(done.timeZone).toBe('Europe/London');
  // Both orders are within the last 30 London days, recounted.
  expect(done.totals.orders).toBe(2);
});
