/** The StockDO's ledger: every change reaches stock_movements once, sums to the object's level, raises low-stock alerts. */
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { seedInventory, uniqueSku } from '@tests/support/stock-fixtures';
import { describe, expect, it } from 'vitest';
import { stockStub } from './index';

type MovementRow = {
  reason: string;
  delta: number;
  reserved_delta: number;
  seq: number;
  reference: string | null;
};

async function movements(sku: string): Promise<MovementRow[]> {
  await stockStub(env, sku).syncLedger();
  const { results } = await env.DB.prepare(
    'SELECT reason, delta, reserved_delta, seq, reference FROM stock_movements WHERE sku = ? ORDER BY seq',
  )
    .bind(sku)
    .all<MovementRow>();
  return results;
}

async function ledgerSum(sku: string) {
  await stockStub(env, sku).syncLedger();
  const row = await env.DB.prepare(
    'SELECT COALESCE(SUM(delta), 0) AS onHand, COALESCE(SUM(reserved_delta), 0) AS reserved FROM stock_movements WHERE sku = ?',
  )
    .bind(sku)
    .first<{ onHand: number; reserved: number }>();
  return row!;
}

async function alerts(sku: string) {
  await stockStub(env, sku).syncLedger();
  const { results } = await env.DB.prepare(
    'SELECT available, threshold, resolved_at FROM stock_alerts WHERE sku = ? ORDER BY created_at, id',
  )
    .bind(sku)
    .all<{ available: number; threshold: number; resolved_at: number | null }>();
  return results;
}

describe('StockDO ledger', () => {
  it('writes an opening balance, then every hold, release, sale and expiry, in order', async () => {
    const sku = uniqueSku();
    await seedInventory(sku, 20, 0);
    const stock = stockStub(env, sku);
    await stock.reserve({ sku, requestId: 'a', quantity: 3 });
    await stock.reserve({ sku, requestId: 'b', quantity: 2 });
    await stock.reserve({ sku, requestId: 'c', quantity: 4 });
    await stock.commit({ sku, requestId: 'a' });
    await stock.release({ sku, requestId: 'b' });
    await runInDurableObject(stock, (_, state) =>
      state.storage.sql.exec("UPDATE reservations SET expires_at = 0 WHERE request_id = 'c'"),
    );
    await runDurableObjectAlarm(stock);

    expect((await movements(sku)).map((m) => [m.reason, m.delta, m.reserved_delta, m.reference])).toEqual([
      ['opening', 20, 0, null],
      ['hold', 0, 3, 'a'],
      ['hold', 0, 2, 'b'],
      ['hold', 0, 4, 'c'],
      ['sale', -3, -3, 'a'],
      ['release', 0, -2, 'b'],
      ['expiry', 0, -4, 'c'],
    ]);
    expect((await movements(sku)).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const level = await stock.getLevel({ sku });
    if (!level.ok) throw new Error(level.error.code);
    expect(await ledgerSum(sku)).toEqual({ onHand: level.value.onHand, reserved: level.value.reserved });
    await stock.syncLedger();
    const mirror = await env.DB.prepare('SELECT on_hand, ledger_seq FROM inventory_levels WHERE sku = ?')
      .bind(sku)
      .first();
    expect(mirror).toEqual({ on_hand: 17, ledger_seq: 7 });
  });

  it('writes a burst of 30 holds, coalesced into a few statements, each once and in order', async () => {
    const sku = uniqueSku();
    await seedInventory(sku, 100, 0);
    const stock = stockStub(env, sku);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => stock.reserve({ sku, requestId: `burst-${i}`, quantity: 1 })),
    );
    await stock.adjust({ sku, delta: -5, reason: 'correction', requestId: 'count' }); // written before its answer
    const rows = await movements(sku);
    expect(rows.map((m) => m.seq)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    const holds = rows.filter((m) => m.reason === 'hold');
    expect(new Set(holds.map((m) => m.reference))).toEqual(
      new Set(Array.from({ length: 30 }, (_, i) => `burst-${i}`)),
    );
    expect(await ledgerSum(sku)).toEqual({ onHand: 95, reserved: 30 });
    const mirror = await env.DB.prepare('SELECT on_hand, ledger_seq FROM inventory_levels WHERE sku = ?')
      .bind(sku)
      .first();
    expect(mirror).toEqual({ on_hand: 95, ledger_seq: 32 });
  });

  it('records who adjusted by hand, and replays nothing twice', async () => {
    const sku = uniqueSku();
    await seedInventory(sku, 5, 0);
    const stock = stockStub(env, sku);
    const change = {
      sku,
      delta: 7,
      reason: 'restock',
      requestId: 'po-1',
      staffId: 'stf_1',
      note: 'PO 1',
    } as const;
    await stock.adjust(change);
    await stock.adjust(change);
    const rows = await env.DB.prepare(
      "SELECT delta, staff_id, note FROM stock_movements WHERE sku = ? AND reason = 'restock'",
    )
      .bind(sku)
      .all();
    expect(rows.results).toEqual([{ delta: 7, staff_id: 'stf_1', note: 'PO 1' }]);
  });

  it('keeps entries the database refused and writes them when the alarm runs', async () => {
    const sku = uniqueSku();
    await seedInventory(sku, 10, 0);
    const stock = stockStub(env, sku);
    await stock.getLevel({ sku });
    // The database refuses ledger rows for a while: a trigger stands in for an outage.
    await env.DB.prepare(
      `CREATE TRIGGER refuse_${sku.replaceAll('-', '_')} BEFORE INSERT ON stock_movements WHEN NEW.sku = '${sku}'
       BEGIN SELECT RAISE(ABORT, 'outage'); END`,
    ).run();
    const held = await stock.reserve({ sku, requestId: 'x', quantity: 4 });
    expect(held.ok).toBe(true); // the sale of stock does not wait for the ledger
    expect((await movements(sku)).map((m) => m.reason)).toEqual(['opening']);
    await env.DB.prepare(`DROP TRIGGER refuse_${sku.replaceAll('-', '_')}`).run();
    await runDurableObjectAlarm(stock);
    expect((await movements(sku)).map((m) => m.reason)).toEqual(['opening', 'hold']);
    expect(await ledgerSum(sku)).toEqual({ onHand: 10, reserved: 4 });
  });

  it('raises one low-stock alert per crossing of the threshold, and resolves it when stock comes back', async () => {
    const sku = uniqueSku();
    await seedInventory(sku, 10, 3);
    const stock = stockStub(env, sku);
    await stock.reserve({ sku, requestId: 'r1', quantity: 6 }); // available 4: above 3
    expect(await alerts(sku)).toEqual([]);
    await stock.reserve({ sku, requestId: 'r2', quantity: 1 }); // 3: crosses
    await stock.reserve({ sku, requestId: 'r3', quantity: 1 }); // 2: still low, no second alert
    await stock.commit({ sku, requestId: 'r1' });
    expect(await alerts(sku)).toEqual([{ available: 3, threshold: 3, resolved_at: null }]);
    await stock.restock({ sku, quantity: 10, requestId: 'po' }); // back above
    const after = await alerts(sku);
    expect(after).toHaveLength(1);
    expect(after[0]!.resolved_at).toEqual(expect.any(Number));
    await stock.reserve({ sku, requestId: 'r4', quantity: 10 }); // crosses again: a new alert
    expect((await alerts(sku)).map((a) => a.resolved_at === null)).toEqual([false, true]);
  });
});
