/**
 * Running totals through the real Worker, D1 and the REPORTS queue: a long product or traffic report folds a few
 * finished days on the request and sends the rest to the queue, whose consumer folds every day up to yesterday; the
 * answers are the daily rollups added up, before and after. The nightly cron folds too.
 */
import { env } from 'cloudflare:workers';
import type { SeedData } from '@db/seed/generate';
import { addDays } from '@domain/reports/time-zone';
import { createStaff, loginCookie } from '@tests/support/accounts';
import { newClient, seedSmallStore } from '@tests/support/workerd';
import { runScheduled } from '@worker/jobs/scheduled';
import { beforeAll, expect, it } from 'vitest';

const api = newClient();
const today = new Date().toISOString().slice(0, 10); // the store's report zone is UTC here
const from = addDays(today, -59);
let data: SeedData;
let admin: string;
/** What the rows inserted below add up to over [from, today]: units per SKU, views per page. */
const units = new Map<string, number>();
const views = new Map<string, number>();

async function mark() {
  return env.DB.prepare(
    'SELECT running_through AS through, totals_through AS totals FROM report_zone WHERE id = 1',
  ).first<{ through: string | null; totals: string | null }>();
}

async function productUnits(): Promise<Map<string, number>> {
  const res = await api(`/api/admin/reports/products?from=${from}&to=${today}&group=variant`, {
    headers: { Cookie: admin },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { rows: { key: string; units: number }[] };
  return new Map(body.rows.map((r) => [r.key, r.units]));
}

async function pageViews(): Promise<Map<string, number>> {
  const res = await api(`/api/admin/reports/traffic?from=${from}&to=${today}`, {
    headers: { Cookie: admin },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { top: { dimension: string; value: string; views: number }[] };
  return new Map(body.top.filter((t) => t.dimension === 'page').map((t) => [t.value, t.views]));
}

beforeAll(async () => {
  data = await seedSmallStore();
  admin = await loginCookie('staff', await createStaff(['admin']));
  // Sixty days of rollups and today's, written as the triggers would; no orders, so no rebuild is due.
  const skus = data.inventory.slice(0, 4).map((l) => l.sku);
  const statements: D1PreparedStatement[] = [
    env.DB.prepare(`INSERT INTO report_zone (id, time_zone, rebuilt_at) VALUES (1, 'UTC', 1)
      ON CONFLICT(id) DO UPDATE SET rebuilt_at = 1`),
  ];
  for (let d = 0; d < 60; d++) {
    const day = addDays(from, d);
    skus.forEach((sku, i) => {
      if ((d + i) % 3 === 0) return;
      const n = 1 + ((d * 7 + i) % 5);
      units.set(sku, (units.get(sku) ?? 0) + n);
      statements.push(
        env.DB.prepare(`INSERT INTO report_product_daily (day, sku, product_id, units, gross, discounts)
          VALUES (?, ?, (SELECT product_id FROM product_variants WHERE sku = ?), ?, ?, 0)`).bind(
          day,
          sku,
          sku,
          n,
          n * 900,
        ),
      );
    });
    for (const page of ['/', '/c/tea', '/p/mug']) {
      const v = 3 + ((d * 11 + page.length) % 9);
      views.set(page, (views.get(page) ?? 0) + v);
      statements.push(
        env.DB.prepare(`INSERT INTO report_traffic_daily (day, dimension, value, views, visitors)
          VALUES (?, 'page', ?, ?, 1)`).bind(day, page, v),
      );
    }
  }
  await env.DB.batch(statements);
});

it('a long report folds a few days on the request, the queue folds the rest, and the answers stay the sums', async () => {
  expect(await mark()).toEqual({ through: null, totals: null });
  expect(await productUnits()).toEqual(units);
  expect(await pageViews()).toEqual(views);
  // The request folded a few days and sent the rest to the queue; its consumer folds up to yesterday.
  const deadline = Date.now() + 30_000;
  while ((await mark())?.through !== today && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await mark()).toEqual({ through: today, totals: today });
  expect(await productUnits()).toEqual(units);
  expect(await pageViews()).toEqual(views);
}, 60_000);

it('the nightly cron folds every finished day', async () => {
  await env.DB.batch([
    env.DB.prepare('DELETE FROM report_product_running'),
    env.DB.prepare('DELETE FROM report_product_totals'),
    env.DB.prepare('DELETE FROM report_traffic_running'),
    env.DB.prepare('DELETE FROM report_traffic_totals'),
    env.DB.prepare('UPDATE report_zone SET running_through = NULL, totals_through = NULL'),
  ]);
  await runScheduled({ scheduledTime: Date.now() }, env);
  expect(await mark()).toEqual({ through: today, totals: today });
  expect(await productUnits()).toEqual(units);
});
