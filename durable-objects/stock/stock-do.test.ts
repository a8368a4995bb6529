/** StockDO behaviour inside workerd: reservations, idempotency, expiry and never overselling. */
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { seedInventory, uniqueSku } from '@tests/support/stock-fixtures';
import { describe, expect, it } from 'vitest';
import { MAX_HOLD_MS, SETTLED_RETENTION_MS, stockStub } from './index';
import { StockStore } from './stock-store';

async function freshSku(onHand: number, threshold = 5): Promise<string> {
  const sku = uniqueSku();
  await seedInventory(sku, onHand, threshold);
  return sku;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Runs SQL inside the SKU's StockDO (to move a row back in time, count rows…). */
function sqlIn<T extends Record<string, SqlStorageValue>>(
  sku: string,
  query: string,
  ...args: SqlStorageValue[]
) {
  return runInDurableObject(stockStub(env, sku), (_, state) =>
    state.storage.sql.exec<T>(query, ...args).toArray(),
  );
}

/** Makes a held reservation due, as if its hold had run out, without running the alarm. */
async function lapse(sku: string, requestId: string): Promise<void> {
  await sqlIn(
    sku,
    'UPDATE reservations SET expires_at = ? WHERE request_id = ?',
    Date.now() - 1000,
    requestId,
  );
}

async function levelOf(sku: string) {
  const level = await stockStub(env, sku).getLevel({ sku });
  if (!level.ok) throw new Error(`getLevel failed: ${level.error.code}`);
  return level.value;
}

describe('StockDO level', () => {
  it('loads on-hand from D1 on first use', async () => {
    const sku = await freshSku(12, 3);
    expect(await stockStub(env, sku).getLevel({ sku })).toEqual({
      ok: true,
      value: { sku, onHand: 12, reserved: 0, available: 12, lowStock: false },
    });
  });

  it('returns NOT_FOUND for a SKU with no inventory row, then works once the row exists', async () => {
    const sku = uniqueSku('GHOST');
    const stub = stockStub(env, sku);
    const missing = await stub.getLevel({ sku });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('NOT_FOUND');
    const reserve = await stub.reserve({ sku, requestId: 'r1', quantity: 1 });
    expect(reserve.ok ? 'ok' : reserve.error.code).toBe('NOT_FOUND');

    await seedInventory(sku, 4);
    expect((await stub.getLevel({ sku })).ok).toBe(true);
  });

  it('refuses a SKU other than the one the object holds', async () => {
    const sku = await freshSku(5);
    await levelOf(sku);
    const other = await stockStub(env, sku).getLevel({ sku: 'SOMETHING-ELSE' });
    expect(other.ok ? 'ok' : other.error.code).toBe('CONFLICT');
  });

  it('flags low stock at or below the D1 threshold', async () => {
    const sku = await freshSku(6, 5);
    await stockStub(env, sku).reserve({ sku, requestId: 'low', quantity: 1 });
    expect((await levelOf(sku)).lowStock).toBe(true);
  });
});

describe('StockDO reserve under concurrency', () => {
  it('100 concurrent reserves of 1 against 10 on hand: exactly 10 succeed', async () => {
    const sku = await freshSku(10);
    const stub = stockStub(env, sku);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => stub.reserve({ sku, requestId: `req-${i}`, quantity: 1 })),
    );
    const oks = results.filter((r) => r.ok);
    const codes = results.flatMap((r) => (r.ok ? [] : [r.error.code]));
    expect(oks).toHaveLength(10);
    expect(codes).toHaveLength(90);
    expect(new Set(codes)).toEqual(new Set(['INSUFFICIENT_STOCK']));
    const available = oks.map((r) => (r.ok ? r.value.available : -1)).sort((a, b) => a - b);
    expect(available).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await levelOf(sku)).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
  });

  it('concurrent first calls through separate stubs load from D1 once and still never oversell', async () => {
    const sku = await freshSku(3);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        stockStub(env, sku).reserve({ sku, requestId: `s-${i}`, quantity: 1 }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(await levelOf(sku)).toMatchObject({ onHand: 3, reserved: 3, available: 0 });
  });

  it('reports how many are available when a reserve is refused', async () => {
    const sku = await freshSku(4);
    const result = await stockStub(env, sku).reserve({ sku, requestId: 'big', quantity: 5 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INSUFFICIENT_STOCK', meta: { available: 4 } },
    });
    expect(await levelOf(sku)).toMatchObject({ onHand: 4, reserved: 0 });
  });
});

describe('StockDO idempotency', () => {
  it('replaying a reserve returns the first result and holds once', async () => {
    const sku = await freshSku(10);
    const stub = stockStub(env, sku);
    const before = Date.now();
    const first = await stub.reserve({ sku, requestId: 'ord-1', quantity: 3 });
    const replay = await stub.reserve({ sku, requestId: 'ord-1', quantity: 3 });
    expect(first.ok).toBe(true);
    expect(replay).toEqual(first);
    expect(first).toMatchObject({ ok: true, value: { available: 7, status: 'held' } });
    const expiresAt = first.ok ? first.value.expiresAt : 0;
    expect(expiresAt).toBeGreaterThanOrEqual(before + 15 * 60 * 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 15 * 60 * 1000);
    expect(await levelOf(sku)).toMatchObject({ onHand: 10, reserved: 3, available: 7 });
  });

  it('the same requestId with another quantity is a CONFLICT and changes nothing', async () => {
    const sku = await freshSku(10);
    const stub = stockStub(env, sku);
    await stub.reserve({ sku, requestId: 'ord-2', quantity: 2 });
    const clash = await stub.reserve({ sku, requestId: 'ord-2', quantity: 5 });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT', meta: { quantity: 2 } } });
    expect(await levelOf(sku)).toMatchObject({ reserved: 2 });
  });

  it('commit moves held units out of on-hand once, however often it is replayed', async () => {
    const sku = await freshSku(10);
    const stub = stockStub(env, sku);
    await stub.reserve({ sku, requestId: 'ord-3', quantity: 4 });
    const first = await stub.commit({ sku, requestId: 'ord-3' });
    const again = await stub.commit({ sku, requestId: 'ord-3' });
    expect(first).toMatchObject({ ok: true, value: { status: 'committed', quantity: 4 } });
    expect(again).toMatchObject({ ok: true, value: { status: 'committed' } });
    expect(await levelOf(sku)).toMatchObject({ onHand: 6, reserved: 0, available: 6 });
    const release = await stub.release({ sku, requestId: 'ord-3' });
    expect(release).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(await levelOf(sku)).toMatchObject({ onHand: 6, reserved: 0 });
  });

  it('release gives held units back once; a released hold cannot be committed', async () => {
    const sku = await freshSku(10);
    const stub = stockStub(env, sku);
    await stub.reserve({ sku, requestId: 'ord-4', quantity: 4 });
    expect(await stub.release({ sku, requestId: 'ord-4' })).toMatchObject({
      ok: true,
      value: { status: 'released', level: { onHand: 10, reserved: 0, available: 10 } },
    });
    expect((await stub.release({ sku, requestId: 'ord-4' })).ok).toBe(true);
    expect(await levelOf(sku)).toMatchObject({ onHand: 10, reserved: 0 });
    const commit = await stub.commit({ sku, requestId: 'ord-4' });
    expect(commit).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    // Replaying the original reserve must not hold again, nor answer as if it did.
    const replay = await stub.reserve({ sku, requestId: 'ord-4', quantity: 4 });
    expect(replay).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', meta: { requestId: 'ord-4', status: 'released' } },
    });
    expect(await levelOf(sku)).toMatchObject({ reserved: 0 });
  });

  it('replaying the reserve of a committed hold answers ok with status committed and holds nothing', async () => {
    const sku = await freshSku(10);
    const stub = stockStub(env, sku);
    const first = await stub.reserve({ sku, requestId: 'ord-5', quantity: 2 });
    await stub.commit({ sku, requestId: 'ord-5' });
    const replay = await stub.reserve({ sku, requestId: 'ord-5', quantity: 2 });
    expect(replay).toEqual({ ok: true, value: { ...(first.ok ? first.value : {}), status: 'committed' } });
    expect(await levelOf(sku)).toMatchObject({ onHand: 8, reserved: 0 });
  });

  it('replaying the reserve of a hold that has lapsed (alarm not yet run) answers expired, not held', async () => {
    const sku = await freshSku(10);
    const stub = stockStub(env, sku);
    const first = await stub.reserve({ sku, requestId: 'late', quantity: 4 });
    await lapse(sku, 'late');
    const replay = await stub.reserve({ sku, requestId: 'late', quantity: 4 });
    expect(replay).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_TRANSITION',
        meta: {
          requestId: 'late',
          status: 'expired',
          reservationId: first.ok ? first.value.reservationId : '',
        },
      },
    });
    // The lapsed hold gave its units back, and it cannot be sold any more; releasing it is a no-op success.
    expect(await levelOf(sku)).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    expect(await stub.commit({ sku, requestId: 'late' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', meta: { status: 'expired' } },
    });
    expect(await stub.release({ sku, requestId: 'late' })).toMatchObject({
      ok: true,
      value: { status: 'expired', level: { reserved: 0 } },
    });
  });

  it('a lapsed hold is expired before any decision: its units are free and it cannot be committed', async () => {
    const sku = await freshSku(5);
    const stub = stockStub(env, sku);
    await stub.reserve({ sku, requestId: 'gone', quantity: 5 });
    await lapse(sku, 'gone');
    expect(await stub.commit({ sku, requestId: 'gone' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', meta: { status: 'expired' } },
    });
    expect(await stub.reserve({ sku, requestId: 'next', quantity: 5 })).toMatchObject({ ok: true });
    expect(await levelOf(sku)).toMatchObject({ onHand: 5, reserved: 5 });
  });

  it('release and commit of an unknown requestId are NOT_FOUND', async () => {
    const sku = await freshSku(1);
    const stub = stockStub(env, sku);
    expect(await stub.release({ sku, requestId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await stub.commit({ sku, requestId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('StockDO hold expiry', () => {
  it('the alarm releases expired holds and re-arms for the next one', async () => {
    const sku = await freshSku(10);
    const stub = stockStub(env, sku);
    await stub.reserve({ sku, requestId: 'old', quantity: 3 });
    await stub.reserve({ sku, requestId: 'fresh', quantity: 2 });
    await lapse(sku, 'old');
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await sqlIn(sku, 'SELECT request_id, status FROM reservations ORDER BY request_id')).toEqual([
      { request_id: 'fresh', status: 'held' },
      { request_id: 'old', status: 'expired' },
    ]);
    expect(await levelOf(sku)).toMatchObject({ onHand: 10, reserved: 2, available: 8 });
    expect(await stub.commit({ sku, requestId: 'old' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', meta: { status: 'expired' } },
    });
    const nextAlarm = await runInDurableObject(stub, (_, state) => state.storage.getAlarm());
    expect(nextAlarm).toBeGreaterThan(Date.now() + 14 * 60 * 1000);
    expect(await runDurableObjectAlarm(stub)).toBe(true); // fires early: the fresh hold is not due
    expect(await levelOf(sku)).toMatchObject({ reserved: 2 });
  });

  it('the hold expiry comes from the object clock: a caller `now` in the future cannot stretch a hold', async () => {
    const sku = await freshSku(10);
    const stub = stockStub(env, sku);
    const future = Date.now() + 30 * DAY_MS;
    const held = await stub.reserve({
      sku,
      requestId: 'long',
      quantity: 1,
      holdMs: MAX_HOLD_MS,
      now: future,
    });
    expect(held.ok).toBe(true);
    expect(held.ok && held.value.expiresAt).toBeLessThanOrEqual(Date.now() + MAX_HOLD_MS);
    const alarm = await runInDurableObject(stub, (_, state) => state.storage.getAlarm());
    expect(alarm).toBeLessThanOrEqual(Date.now() + MAX_HOLD_MS);
  });

  it('a caller `now` in the past does not make a new hold expired on arrival', async () => {
    const sku = await freshSku(10);
    const stub = stockStub(env, sku);
    const past = Date.now() - DAY_MS;
    const held = await stub.reserve({ sku, requestId: 'backdated', quantity: 2, now: past });
    expect(held.ok && held.value.expiresAt).toBeGreaterThan(Date.now());
    await runDurableObjectAlarm(stub);
    expect(await stub.reserve({ sku, requestId: 'backdated', quantity: 2 })).toMatchObject({
      ok: true,
      value: { status: 'held' },
    });
    expect(await levelOf(sku)).toMatchObject({ reserved: 2 });
  });
});

describe('StockDO pruning of settled rows', () => {
  it('keeps settled rows for the retention window, then the alarm deletes them (holds stay)', async () => {
    const sku = await freshSku(50);
    const stub = stockStub(env, sku);
    const start = Date.now();
    for (const id of ['c-old', 'r-old', 'e-old', 'c-new', 'held']) {
      await stub.reserve({ sku, requestId: id, quantity: 1 });
    }
    await stub.commit({ sku, requestId: 'c-old' });
    await stub.release({ sku, requestId: 'r-old' });
    await stub.commit({ sku, requestId: 'c-new' });
    await lapse(sku, 'e-old');
    await stub.adjust({ sku, delta: 5, reason: 'restock', requestId: 'po-old' });
    await stub.adjust({ sku, delta: 1, reason: 'return', requestId: 'po-new' });
    // Settled rows are due for pruning, so the alarm is set even once nothing is held: at the oldest + 7 days.
    await stub.release({ sku, requestId: 'held' });
    const alarm = await runInDurableObject(stub, (_, state) => state.storage.getAlarm());
    expect(alarm).toBeGreaterThanOrEqual(start + SETTLED_RETENTION_MS);
    expect(alarm).toBeLessThanOrEqual(Date.now() + SETTLED_RETENTION_MS);
    await stub.reserve({ sku, requestId: 'still-held', quantity: 1 });

    const old = Date.now() - SETTLED_RETENTION_MS - DAY_MS;
    await sqlIn(sku, `UPDATE reservations SET updated_at = ? WHERE request_id LIKE '%-old'`, old);
    await sqlIn(sku, `UPDATE adjustments SET created_at = ? WHERE request_id = 'po-old'`, old);
    expect(await runDurableObjectAlarm(stub)).toBe(true);

    const left = await sqlIn<{ request_id: string; status: string }>(
      sku,
      'SELECT request_id, status FROM reservations ORDER BY request_id',
    );
    expect(left).toEqual([
      { request_id: 'c-new', status: 'committed' },
      { request_id: 'held', status: 'released' },
      { request_id: 'still-held', status: 'held' },
    ]);
    expect(await sqlIn(sku, 'SELECT request_id FROM adjustments')).toEqual([{ request_id: 'po-new' }]);
    expect(await levelOf(sku)).toMatchObject({ onHand: 54, reserved: 1 });
    // The next alarm is the remaining hold's expiry (sooner than any pruning).
    const next = await runInDurableObject(stub, (_, state) => state.storage.getAlarm());
    expect(next).toBeLessThanOrEqual(Date.now() + 15 * 60 * 1000);
  });

  it('clears the alarm once nothing is held and nothing is left to prune', async () => {
    const sku = await freshSku(5);
    const stub = stockStub(env, sku);
    await stub.reserve({ sku, requestId: 'a', quantity: 1 });
    await stub.commit({ sku, requestId: 'a' });
    await sqlIn(sku, 'UPDATE reservations SET updated_at = ?', Date.now() - SETTLED_RETENTION_MS - 1);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await sqlIn(sku, 'SELECT request_id FROM reservations')).toEqual([]);
    expect(await runInDurableObject(stub, (_, state) => state.storage.getAlarm())).toBeNull();
  });

  it('upgrades a reservations table created before the expired status, keeping its rows', async () => {
    const sku = await freshSku(5);
    const stub = stockStub(env, sku);
    await stub.reserve({ sku, requestId: 'kept', quantity: 2 });
    const statuses = await runInDurableObject(stub, (_, state) => {
      const { sql } = state.storage;
      sql.exec(`CREATE TABLE old_reservations AS SELECT * FROM reservations;
        DROP TABLE reservations;
        CREATE TABLE reservations (
          request_id TEXT PRIMARY KEY, reservation_id TEXT NOT NULL, quantity INTEGER NOT NULL CHECK (quantity > 0),
          status TEXT NOT NULL CHECK (status IN ('held', 'released', 'committed')),
          available_after INTEGER NOT NULL, expires_at INTEGER NOT NULL,
          created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
        INSERT INTO reservations SELECT * FROM old_reservations;
        DROP TABLE old_reservations;`);
      new StockStore(sql).migrate();
      sql.exec(`UPDATE reservations SET status = 'expired' WHERE request_id = 'kept'`);
      return sql.exec('SELECT request_id, quantity, status FROM reservations').toArray();
    });
    expect(statuses).toEqual([{ request_id: 'kept', quantity: 2, status: 'expired' }]);
  });
});

describe('StockDO adjust and restock', () => {
  it('restock adds units; adjust removes them but never below what is reserved', async () => {
    const sku = await freshSku(5);
    const stub = stockStub(env, sku);
    expect(await stub.restock({ sku, quantity: 10 })).toMatchObject({ ok: true, value: { onHand: 15 } });
    await stub.reserve({ sku, requestId: 'h', quantity: 12 });
    const tooMany = await stub.adjust({ sku, delta: -4, reason: 'adjustment' });
    expect(tooMany).toMatchObject({
      ok: false,
      error: { code: 'INSUFFICIENT_STOCK', meta: { available: 3 } },
    });
    expect(await stub.adjust({ sku, delta: -3, reason: 'correction' })).toMatchObject({
      ok: true,
      value: { onHand: 12, reserved: 12, available: 0 },
    });
  });

  it('an adjust with a requestId is applied once; a different one under that id is a CONFLICT', async () => {
    const sku = await freshSku(5);
    const stub = stockStub(env, sku);
    const first = await stub.adjust({ sku, delta: 7, reason: 'restock', requestId: 'po-1' });
    const replay = await stub.adjust({ sku, delta: 7, reason: 'restock', requestId: 'po-1' });
    expect(replay).toEqual(first);
    expect(await levelOf(sku)).toMatchObject({ onHand: 12 });
    const clash = await stub.adjust({ sku, delta: 8, reason: 'restock', requestId: 'po-1' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await levelOf(sku)).toMatchObject({ onHand: 12 });
  });
});

describe('StockDO rejects bad input without changing anything', () => {
  const badReserves: [string, unknown, string][] = [
    ['zero', { quantity: 0 }, 'QUANTITY_OUT_OF_RANGE'],
    ['negative', { quantity: -1 }, 'QUANTITY_OUT_OF_RANGE'],
    ['fractional', { quantity: 1.5 }, 'QUANTITY_OUT_OF_RANGE'],
    ['huge', { quantity: 1e12 }, 'QUANTITY_OUT_OF_RANGE'],
    ['string quantity', { quantity: '1' }, 'VALIDATION_FAILED'],
    ['NaN quantity', { quantity: Number.NaN }, 'VALIDATION_FAILED'],
    ['unknown field', { quantity: 1, price: 100 }, 'VALIDATION_FAILED'],
    ['empty requestId', { quantity: 1, requestId: '' }, 'VALIDATION_FAILED'],
    ['hold too long', { quantity: 1, holdMs: 1e12 }, 'VALIDATION_FAILED'],
    ['negative now', { quantity: 1, now: -5 }, 'VALIDATION_FAILED'],
  ];

  it.each(badReserves)('reserve with %s', async (_name, patch, code) => {
    const sku = await freshSku(10);
    const stub = stockStub(env, sku);
    const input = { sku, requestId: 'bad', ...(patch as object) } as never;
    expect(await stub.reserve(input)).toMatchObject({ ok: false, error: { code } });
    expect(await levelOf(sku)).toMatchObject({ onHand: 10, reserved: 0 });
  });

  it('rejects non-object input and malformed SKUs', async () => {
    const sku = await freshSku(10);
    const stub = stockStub(env, sku);
    for (const input of [null, 42, 'x', [], { sku: '' }, { sku: 'has space' }, { sku: 'x'.repeat(65) }]) {
      expect(await stub.getLevel(input as never)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
    }
    const validation = await stub.getLevel({ sku: 7 } as never);
    expect(validation).toMatchObject({ ok: false, error: { meta: { issues: [{ path: 'sku' }] } } });
  });

  it('rejects bad adjustments and restocks', async () => {
    const sku = await freshSku(10);
    const stub = stockStub(env, sku);
    const cases: [unknown, string][] = [
      [{ sku, delta: 0, reason: 'restock' }, 'QUANTITY_OUT_OF_RANGE'],
      [{ sku, delta: 0.5, reason: 'restock' }, 'QUANTITY_OUT_OF_RANGE'],
      [{ sku, delta: 1e9, reason: 'restock' }, 'QUANTITY_OUT_OF_RANGE'],
      [{ sku, delta: 1, reason: 'gift' }, 'VALIDATION_FAILED'],
      [{ sku, delta: '3', reason: 'restock' }, 'VALIDATION_FAILED'],
    ];
    for (const [input, code] of cases) {
      expect(await stub.adjust(input as never)).toMatchObject({ ok: false, error: { code } });
    }
    expect(await stub.restock({ sku, quantity: -2 })).toMatchObject({
      ok: false,
      error: { code: 'QUANTITY_OUT_OF_RANGE' },
    });
    expect(await levelOf(sku)).toMatchObject({ onHand: 10, reserved: 0 });
  });
});
