/**
 * Full exports of the products report: page by page on the REPORTS queue into the EXPORTS bucket, with progress, and
 * a CSV that lists every SKU, product or category that sold in the range with exactly the sums of its daily rollups.
 * Through the use cases message by message (pages of 5 keys), then through the API and the real queue.
 */
import { env } from 'cloudflare:workers';
import { createDb } from '@db/client';
import type { SeedData } from '@db/seed/generate';
import { createStaff, loginCookie } from '@tests/support/accounts';
import { jsonBody, newClient, seedSmallStore } from '@tests/support/workerd';
import {
  type ExportPageMessage,
  exportFile,
  findExport,
  MAX_RUNNING_EXPORTS,
  runExportPage,
  startProductsExport,
} from '@worker/services/reports/exports';
import { readyReportZone } from '@worker/services/reports/upkeep';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';

const db = () => createDb(env);
const FROM = '2031-07-01';
const TO = '2031-07-31';
const NOW = Date.parse('2031-08-02T12:00:00Z');

type Daily = {
  day: string;
  sku: string;
  productId: string | null;
  units: number;
  gross: number;
  discounts: number;
  refundedUnits: number;
  refunded: number;
};
let data: SeedData;
let daily: Daily[] = [];

/** Random daily rollup rows for 14 SKUs (and one no longer sold), inside and around the range. */
beforeAll(async () => {
  data = await seedSmallStore();
  await readyReportZone(db(), NOW); // the rollups are whole: nothing to recount before an export
  const int = (n: number) => Math.floor(Math.random() * n);
  const skus = [
    ...data.variants.slice(0, 14).map((v) => ({ sku: v.sku, productId: v.productId })),
    { sku: 'GONE-1', productId: null },
  ];
  const days = ['2031-06-30', '2031-07-01', '2031-07-15', '2031-07-31', '2031-08-01'];
  daily = skus.flatMap(({ sku, productId }) =>
    days
      .filter(() => Math.random() < 0.7)
      .map((day) => {
        const units = 1 + int(5);
        const gross = units * (500 + int(3000));
        return {
          day,
          sku,
          productId,
          units,
          gross,
          discounts: int(gross / 10),
          refundedUnits: int(2),
          refunded: int(400),
        };
      }),
  );
  await env.DB.batch(
    daily.map((d) =>
      env.DB.prepare(
        `INSERT INTO report_product_daily (day, sku, product_id, units, gross, discounts, refunded_units, refunded)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).bind(d.day, d.sku, d.productId, d.units, d.gross, d.discounts, d.refundedUnits, d.refunded),
    ),
  );
});

/** What the export must say for each key: the sums of its rows in the range, in key order. */
function expected(keyOf: (d: Daily) => string) {
  const sums = new Map<string, { units: number; gross: number; discounts: number; refunded: number }>();
  for (const d of daily.filter((r) => r.day >= FROM && r.day <= TO)) {
    const s = sums.get(keyOf(d)) ?? { units: 0, gross: 0, discounts: 0, refunded: 0 };
    sums.set(keyOf(d), {
      units: s.units + d.units,
      gross: s.gross + d.gross,
      discounts: s.discounts + d.discounts,
      refunded: s.refunded + d.refunded,
    });
  }
  const money = (cents: number) => (cents / 100).toFixed(2);
  return [...sums]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, s]) => ({
      id: key,
      'units sold': String(s.units),
      'gross sales': money(s.gross),
      discounts: money(s.discounts),
      refunds: money(s.refunded),
      'net sales': money(s.gross - s.discounts - s.refunded),
    }));
}

const parse = (csv: string) =>
  Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data.map((r) => ({
    id: r.id,
    'units sold': r['units sold'],
    'gross sales': r['gross sales'],
    discounts: r.discounts,
    refunds: r.refunds,
    'net sales': r['net sales'],
  }));

/** A REPORTS producer that keeps what would be sent. */
function recorder() {
  const sent: ExportPageMessage[] = [];
  return { sent, send: async (body: unknown) => void sent.push(body as ExportPageMessage) };
}

async function download(id: string) {
  const file = await exportFile(db(), env, id, NOW);
  if (!file.ok) throw new Error(file.error.detail);
  return new Response(file.value.body).text();
}

describe('a full products export, message by message', () => {
  it('goes through every SKU 5 at a time with progress; a redelivered page writes nothing twice', async () => {
    const queue = recorder();
    const started = await startProductsExport(
      db(),
      { REPORTS: queue, EXPORTS: env.EXPORTS },
      { from: FROM, to: TO, group: 'variant' },
      { staffId: 'stf_test', currency: 'USD' },
      NOW,
    );
    if (!started.ok) throw new Error(started.error.detail);
    const total = started.value.total;
    expect(total).toBeGreaterThanOrEqual(data.variants.length);
    expect(queue.sent).toHaveLength(1);

    const envOf = { REPORTS: queue, EXPORTS: env.EXPORTS };
    expect(await runExportPage(db(), envOf, queue.sent[0]!, NOW, 5)).toBe('written');
    expect(await findExport(db(), started.value.id, NOW)).toMatchObject({
      status: 'running',
      done: 5,
      total,
    });
    // The first message again: its page is behind the progress now.
    expect(await runExportPage(db(), envOf, queue.sent[0]!, NOW, 5)).toBe('redelivered');
    expect(queue.sent).toHaveLength(2);
    const blocked = await exportFile(db(), env, started.value.id, NOW);
    expect(!blocked.ok && blocked.error.code).toBe('CONFLICT');

    let step = '';
    for (let i = 1; i < queue.sent.length; i++)
      step = await runExportPage(db(), envOf, queue.sent[i]!, NOW, 5);
    expect(step).toBe('finished');
    const done = await findExport(db(), started.value.id, NOW);
    expect(done).toMatchObject({ status: 'done', done: total, total });

    const csv = await download(started.value.id);
    expect(csv.split('\r\n')[0]).toBe(
      'variant,id,units sold,units refunded,gross sales,discounts,refunds,net sales',
    );
    const rows = parse(csv);
    expect(rows).toEqual(expected((d) => d.sku));
    expect(done?.rows).toBe(rows.length);
    expect(rows.some((r) => r.id === 'GONE-1')).toBe(true); // sold, then left the catalogue
  });

  it('by product and by category the figures add up the same', async () => {
    const queue = recorder();
    const envOf = { REPORTS: queue, EXPORTS: env.EXPORTS };
    for (const group of ['product', 'category'] as const) {
      queue.sent.length = 0;
      const started = await startProductsExport(
        db(),
        envOf,
        { from: FROM, to: TO, group },
        { staffId: 'stf_test', currency: 'USD' },
        NOW,
      );
      if (!started.ok) throw new Error(started.error.detail);
      for (let i = 0; i < queue.sent.length; i++) await runExportPage(db(), envOf, queue.sent[i]!, NOW, 3);
      const rows = parse(await download(started.value.id));
      if (group === 'product') expect(rows).toEqual(expected((d) => d.productId ?? d.sku));
      const units = rows.reduce((n, r) => n + Number(r['units sold']), 0);
      expect(units).toBe(daily.filter((d) => d.day >= FROM && d.day <= TO).reduce((n, d) => n + d.units, 0));
    }
  });

  it(`starts at most ${MAX_RUNNING_EXPORTS} exports at once, even when asked for more at the same moment`, async () => {
    const queue = recorder();
    const start = () =>
      startProductsExport(
        db(),
        { REPORTS: queue, EXPORTS: env.EXPORTS },
        { from: FROM, to: TO, group: 'variant' },
        { staffId: 'stf_test', currency: 'USD' },
        NOW,
      );
    // All at once, as a burst of clicks would: the check and the insert are one statement.
    const outcomes = await Promise.all(Array.from({ length: MAX_RUNNING_EXPORTS + 3 }, start));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(MAX_RUNNING_EXPORTS);
    expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.error.code)).toEqual([
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
    ]);
    // Finish them (the next test starts its own).
    for (let i = 0; i < queue.sent.length; i++) {
      await runExportPage(db(), { REPORTS: queue, EXPORTS: env.EXPORTS }, queue.sent[i]!, NOW);
    }
  });
});

describe('the exports API', () => {
  let admin: string;
  let content: string;
  const api = newClient();
  beforeAll(async () => {
    [admin, content] = await Promise.all([
      createStaff(['admin']).then((s) => loginCookie('staff', s)),
      createStaff(['content']).then((s) => loginCookie('staff', s)),
    ]);
  });
  const post = (body: unknown, cookie: string) =>
    api('/api/admin/report-exports', {
      ...jsonBody(body),
      headers: { ...jsonBody(body).headers, Cookie: cookie },
    });
  const get = (path: string, cookie = admin) => api(path, { headers: { Cookie: cookie } });

  it('runs an export on the real queue and downloads its CSV; bad ranges, unknown ids and other roles are refused', async () => {
    const res = await post({ from: FROM, to: TO, group: 'variant' }, admin);
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    let view: { status: string } = { status: 'running' };
    for (let i = 0; i < 100 && view.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      view = (await (await get(`/api/admin/report-exports/${id}`)).json()) as { status: string };
    }
    expect(view).toMatchObject({ status: 'done', group: 'variant', from: FROM, to: TO });
    const listed = (await (await get('/api/admin/report-exports')).json()) as { items: { id: string }[] };
    expect(listed.items.map((e) => e.id)).toContain(id);

    const file = await get(`/api/admin/report-exports/${id}/download`);
    expect(file.status).toBe(200);
    expect(file.headers.get('Content-Type')).toContain('text/csv');
    expect(file.headers.get('Content-Disposition')).toContain(`variants-${FROM}-to-${TO}.csv`);
    expect(parse(await file.text())).toEqual(expected((d) => d.sku));

    for (const bad of [
      { from: TO, to: FROM, group: 'variant' },
      { from: '2029-01-01', to: '2031-12-31', group: 'variant' },
      { from: FROM, to: TO, group: 'everything' },
      { from: FROM, to: TO, group: 'variant', rows: 1e9 },
      { from: 'yesterday', to: TO, group: 'variant' },
    ]) {
      const refused = await post(bad, admin);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('Content-Type')).toContain('application/problem+json');
    }
    expect((await get('/api/admin/report-exports/rex_01ARZ3NDEKTSV4RRFFQ69G5FAV')).status).toBe(404);
    expect((await get('/api/admin/report-exports/not-an-id')).status).toBe(400);
    expect((await post({ from: FROM, to: TO, group: 'variant' }, content)).status).toBe(403);
    expect((await get(`/api/admin/report-exports/${id}/download`, content)).status).toBe(403);
    expect((await api(`/api/admin/report-exports/${id}/download`)).status).toBe(401);
  });
});
