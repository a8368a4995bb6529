/**
 * The background rebuild's consumer, message by message on real D1 (the next message recorded instead of sent, so
 * each step is seen): months are rebuilt in order with progress, a redelivered month changes nothing, a superseded
 * job's message is dropped, a stalled job is re-sent once, readers start one job, and the result equals an inline
 * rebuild. The real queue end to end: rollups.test.ts.
 */
import { createMessageBatch } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { createDb } from '@db/client';
import { readReportZone, rebuildJobGuardStatement } from '@db/repositories/report-rollups';
import { STALE_REBUILD_MS } from '@domain/reports/rebuild';
import { createStaff } from '@tests/support/accounts';
import { handleQueue } from '@worker/jobs/queues';
import { consumeReportRebuild } from '@worker/jobs/report-rebuild';
import type { RebuildMonthMessage } from '@worker/services/reports/rebuild-job';
import { changeReportZone, readyReportZone, rebuildAllRollups } from '@worker/services/reports/upkeep';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

const db = () => createDb(env);
const NOW = Date.parse('2026-03-20T12:00:00Z');
/** Placed at these instants (UTC): 23:30 on 28 February is 1 March in Tokyo. */
const PLACED = [
  '2026-01-15T10:00:00Z',
  '2026-02-28T23:30:00Z',
  '2026-02-10T08:00:00Z',
  '2026-03-10T18:00:00Z',
];

/** A stand-in for the REPORTS producer that keeps what would be sent, so the test delivers each message itself. */
function recorder() {
  const sent: RebuildMonthMessage[] = [];
  return {
    sent,
    send: async (body: RebuildMonthMessage) => {
      sent.push(body);
    },
  };
}

async function deliver(queue: ReturnType<typeof recorder>, body: unknown, now = NOW) {
  return consumeReportRebuild({ messages: [{ body }] as never }, { ...env, REPORTS: queue }, () => now);
}

/** Every rollup row a rebuild writes. */
async function rollups() {
  const read = async (table: string) =>
    (await env.DB.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all()).results;
  const tables = [
    'report_sales_daily',
    'report_product_daily',
    'report_country_daily',
    'report_promotion_daily',
    'report_customer_totals',
    'report_product_monthly',
    'report_product_monthly_products',
    'report_country_monthly',
  ];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await read(t)] as const)));
}

async function salesOn(day: string): Promise<number> {
  const row = await env.DB.prepare('SELECT orders FROM report_sales_daily WHERE day = ?')
    .bind(day)
    .first<{ orders: number }>();
  return row?.orders ?? 0;
}

let actor: never;

beforeAll(async () => {
  const staff = await createStaff(['admin']);
  actor = { id: staff.id, email: staff.email, name: 'A', roles: ['admin'] } as never;
  await env.DB.batch(
    PLACED.map((at, i) =>
      env.DB.prepare(
        `INSERT INTO orders (id, number, customer_id, email, status, currency, subtotal_amount, discount_amount,
          shipping_amount, tax_amount, total_amount, shipping_address, shipping_method, placed_at, updated_at)
         VALUES (?, ?, NULL, ?, 'delivered', 'USD', 1000, 0, 500, 100, 1600, ?, 'Standard', ?, ?)`,
      ).bind(
        `ord_rebuild_${i}`,
        `RB${i}`,
        `guest${i % 2}@example.com`,
        JSON.stringify({
          name: 'A',
          line1: '1 Main St',
          city: 'X',
          region: 'R',
          postalCode: '1',
          country: 'JP',
        }),
        Date.parse(at),
        Date.parse(at),
      ),
    ),
  );
});

describe('the report rebuild consumer', () => {
  it('rebuilds month by month with progress; redelivery, a superseded job and a bad message change nothing', async () => {
    // Job A (London) starts and returns at once: nothing rebuilt yet, its first month sent.
    const a = recorder();
    const changed = await changeReportZone(db(), actor, 'Europe/London', NOW, a);
    expect(changed.ok && changed.value.rebuilding).toEqual({ done: 0, total: 3 });
    expect(a.sent).toEqual([{ kind: 'rebuild-month', job: expect.any(String), month: '2026-01-01' }]);
    const jobA = a.sent[0]!.job;

    expect(await deliver(a, a.sent[0])).toMatchObject({ rebuilt: 1 });
    expect(a.sent[1]).toEqual({ kind: 'rebuild-month', job: jobA, month: '2026-02-01' });
    expect((await readReportZone(db())).rebuild).toMatchObject({ id: jobA, doneThrough: '2026-01-01' });
    expect((await readyReportZone(db(), NOW, a)).rebuilding).toEqual({ done: 1, total: 3 });

    // The same message again (at-least-once delivery): not rebuilt again; its successor is re-sent in case the
    // first send was what failed.
    const afterJanuary = await rollups();
    expect(await deliver(a, a.sent[0])).toMatchObject({ redelivered: 1, rebuilt: 0 });
    expect(await rollups()).toEqual(afterJanuary);
    expect(a.sent.slice(2)).toEqual([{ kind: 'rebuild-month', job: jobA, month: '2026-02-01' }]);

    expect(await deliver(a, a.sent[1])).toMatchObject({ rebuilt: 1 });
    // A month behind the progress (a late duplicate) is dropped without sending anything.
    const sentBefore = a.sent.length;
    expect(await deliver(a, a.sent[0])).toMatchObject({ redelivered: 1 });
    expect(a.sent.length).toBe(sentBefore);
    expect(await deliver(a, { kind: 'rebuild-month', job: jobA, month: '2026-01-01' })).toMatchObject({
      redelivered: 1,
    });

    // Job B (Tokyo) supersedes A: A's next message is dropped, and writes nothing.
    const b = recorder();
    const again = await changeReportZone(db(), actor, 'Asia/Tokyo', NOW, b);
    expect(again.ok && again.value.rebuilding).toEqual({ done: 0, total: 3 });
    const beforeStale = await rollups();
    const aNext = a.sent.at(-1)!;
    expect(aNext.month).toBe('2026-03-01');
    expect(await deliver(b, aNext)).toMatchObject({ superseded: 1, rebuilt: 0 });
    expect(await rollups()).toEqual(beforeStale);
    expect(b.sent).toHaveLength(1);

    expect(await deliver(b, { kind: 'rebuild-month', job: 'x', month: '2026-13-01' })).toMatchObject({
      malformed: 1,
    });
    expect(await deliver(b, { kind: 'rebuild-all' })).toMatchObject({ malformed: 1 });

    // B runs to its end: the last month finishes (customer totals, rebuilt_at) and sends nothing more.
    for (let i = 0; i < b.sent.length; i++) {
      const result = await deliver(b, b.sent[i]);
      expect(result.rebuilt + result.finished).toBeGreaterThan(0);
    }
    expect(b.sent.map((m) => m.month)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    const zone = await readReportZone(db());
    expect(zone).toMatchObject({ timeZone: 'Asia/Tokyo', rebuiltAt: NOW, rebuild: null });
    expect((await readyReportZone(db(), NOW, b)).rebuilding).toBeNull();
    // A message of the finished job is dropped.
    expect(await deliver(b, b.sent[2])).toMatchObject({ superseded: 1 });

    // In Tokyo days: the order placed at 23:30 UTC on 28 February counts on 1 March.
    expect(await salesOn('2026-03-01')).toBe(1);
    expect(await salesOn('2026-02-28')).toBe(0);
    // The same rows as the inline rebuild.
    const background = await rollups();
    expect(background.report_sales_daily).toHaveLength(4);
    await rebuildAllRollups(db(), NOW);
    expect(await rollups()).toEqual(background);
  });

  it('the job guard rolls back a batch whose job is no longer the running one', async () => {
    const q = recorder();
    await changeReportZone(db(), actor, 'Asia/Tokyo', NOW, q);
    const job = q.sent[0]!.job;
    const before = await rollups();
    const wipe = db().run(sql`DELETE FROM report_sales_daily`);
    await expect(db().batch([rebuildJobGuardStatement(db(), 'rbj_superseded'), wipe])).rejects.toThrow();
    expect(await rollups()).toEqual(before);
    // The running job's own guard lets the batch through.
    await db().batch([rebuildJobGuardStatement(db(), job), db().run(sql`SELECT 1`)]);
    for (let i = 0; i < q.sent.length; i++) await deliver(q, q.sent[i]);
    expect(await readReportZone(db())).toMatchObject({
      timeZone: 'Asia/Tokyo',
      rebuiltAt: NOW,
      rebuild: null,
    });
  });

  it('the queue() handler sends REPORTS batches to this consumer by the queue name, and refuses unknown queues', async () => {
    const batch = (queue: string) =>
      createMessageBatch(queue, [{ id: '1', timestamp: new Date(), attempts: 1, body: { kind: 'nothing' } }]);
    const logged: string[] = [];
    const log = console.log;
    console.log = (line: string) => logged.push(line);
    try {
      await handleQueue(batch('edgeshop-reports'), env as never);
    } finally {
      console.log = log;
    }
    expect(JSON.parse(logged[0]!)).toMatchObject({ job: 'report-rebuild', malformed: 1 });
    await expect(handleQueue(batch('edgeshop-elsewhere'), env as never)).rejects.toThrow(/No consumer/);
  });

  it('readers start one job when the rollups were never rebuilt, and re-send a stalled one once', async () => {
    await env.DB.exec('UPDATE report_zone SET rebuilt_at = NULL');
    const q = recorder();
    expect((await readyReportZone(db(), NOW, q)).rebuilding).toEqual({ done: 0, total: 3 });
    expect((await readyReportZone(db(), NOW + 1000, q)).rebuilding).toEqual({ done: 0, total: 3 });
    expect(q.sent).toHaveLength(1);
    await deliver(q, q.sent[0]);
    expect(q.sent).toHaveLength(2);

    // The February message is lost: ten minutes later a reader re-sends it, and only one reader does.
    const later = NOW + STALE_REBUILD_MS + 1;
    expect((await readyReportZone(db(), later - 2, q)).rebuilding).toEqual({ done: 1, total: 3 });
    expect(q.sent).toHaveLength(2);
    await readyReportZone(db(), later, q);
    await readyReportZone(db(), later + 1, q);
    expect(q.sent).toHaveLength(3);
    expect(q.sent[2]).toEqual(q.sent[1]);
    await deliver(q, q.sent[2], later);
    await deliver(q, q.sent[3], later);
    expect(await readReportZone(db())).toMatchObject({ rebuiltAt: later, rebuild: null });
  });
});
