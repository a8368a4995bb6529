/** StockDO behaviour inside workerd: reservations, idempotency, expiry and never overselling. */
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { seedInventory, uniqueSku } from '@tests/support/stock-fixtures';
import { describe, expect, it } from 'vitest';
import { stockStub } from './index';

async function freshSku(onHand: number, threshold = 5): Promise<string> {
  const sku = uniqueSku();
  await seedInventory(sku, onHand, threshold);
  return sku;
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
    const now = Date.now();
    const first = await stub.reserve({ sku, requestId: 'ord-1', quantity: 3, now });
    const replay = await stub.reserve({ sku, requestId: 'ord-1', quantity: 3, now: now + 5000 });
    expect(first.ok).toBe(true);
    expect(replay).toEqual(first);
    expect(first).toMatchObject({
      ok: true,
      value: { available: 7, expiresAt: now + 15 * 60 * 1000, status: 'held' },
    });
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
    // Replaying the original reserve must not hold again.
    const replay = await stub.reserve({ sku, requestId: 'ord-4', quantity: 4 });
    expect(replay).toMatchObject({ ok: true, value: { status: 'released' } });
    expect(await levelOf(sku)).toMatchObject({ reserved: 0 });
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
    const past = Date.now() - 60 * 60 * 1000;
    await stub.reserve({ sku, requestId: 'old', quantity: 3, now: past });
    await stub.reserve({ sku, requestId: 'fresh', quantity: 2 });
    // The old hold's alarm time is already past, so workerd may have fired it on its own; either way
    // running it now must leave only the fresh hold.
    await runDurableObjectAlarm(stub);
    expect(await levelOf(sku)).toMatchObject({ onHand: 10, reserved: 2, available: 8 });
    expect(await stub.commit({ sku, requestId: 'old' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', meta: { status: 'released' } },
    });
    const nextAlarm = await runInDurableObject(stub, (_, state) => state.storage.getAlarm());
    expect(nextAlarm).toBeGreaterThan(Date.now() + 14 * 60 * 1000);
    expect(await runDurableObjectAlarm(stub)).toBe(true); // fires early: the fresh hold is not due
    expect(await levelOf(sku)).toMatchObject({ reserved: 2 });
  });

  it('clears the alarm once nothing is held', async () => {
    const sku = await freshSku(5);
    const stub = stockStub(env, sku);
    await stub.reserve({ sku, requestId: 'a', quantity: 1 });
    await stub.commit({ sku, requestId: 'a' });
    expect(await runInDurableObject(stub, (_, state) => state.storage.getAlarm())).toBeNull();
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
