import { describe, expect, it } from 'vitest';
import {
  adjustOnHand,
  available,
  checkLineAvailable,
  commitStock,
  isLowStock,
  releaseStock,
  reserveStock,
  type StockLevel,
  setOnHand,
} from './stock';

function lvl(onHand: number, reserved: number): StockLevel {
  return { onHand, reserved };
}

function expectCode<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }, code: string) {
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe(code);
}

describe('available', () => {
  it('is onHand minus reserved', () => {
    expect(available(lvl(10, 3))).toBe(7);
    expect(available(lvl(0, 0))).toBe(0);
    expect(available(lvl(5, 5))).toBe(0);
  });

  it('throws on corrupt levels', () => {
    expect(() => available(lvl(1, 2))).toThrow(RangeError);
    expect(() => available(lvl(-1, 0))).toThrow(RangeError);
    expect(() => available(lvl(1.5, 0))).toThrow(RangeError);
  });
});

describe('reserveStock', () => {
  it('reserves up to exactly what is available', () => {
    expect(reserveStock(lvl(10, 3), 7)).toEqual({ ok: true, value: lvl(10, 10) });
    expect(reserveStock(lvl(10, 0), 1)).toEqual({ ok: true, value: lvl(10, 1) });
  });

  it('fails with the available count when short', () => {
    const r = reserveStock(lvl(10, 3), 8);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INSUFFICIENT_STOCK',
        detail: 'Only 7 left in stock.',
        meta: { available: 7, requested: 8 },
      },
    });
    expectCode(reserveStock(lvl(0, 0), 1), 'INSUFFICIENT_STOCK');
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects quantity %s', (q) => {
    expectCode(reserveStock(lvl(10, 0), q), 'QUANTITY_OUT_OF_RANGE');
  });

  it('never oversells across many reservations', () => {
    let level = lvl(10, 0);
    let successes = 0;
    for (let i = 0; i < 50; i++) {
      const r = reserveStock(level, 1);
      if (r.ok) {
        level = r.value;
        successes++;
      }
    }
    expect(successes).toBe(10);
    expect(level).toEqual(lvl(10, 10));
  });
});

describe('releaseStock', () => {
  it('returns held units', () => {
    expect(releaseStock(lvl(10, 4), 4)).toEqual({ ok: true, value: lvl(10, 0) });
    expect(releaseStock(lvl(10, 4), 1)).toEqual({ ok: true, value: lvl(10, 3) });
  });

  it('refuses to release more than is held', () => {
    const r = releaseStock(lvl(10, 2), 3);
    expectCode(r, 'CONFLICT');
    if (!r.ok) expect(r.error.meta).toEqual({ reserved: 2 });
    expectCode(releaseStock(lvl(10, 2), 0), 'QUANTITY_OUT_OF_RANGE');
  });
});

describe('commitStock', () => {
  it('removes sold units from reserved and onHand', () => {
    expect(commitStock(lvl(10, 4), 3)).toEqual({ ok: true, value: lvl(7, 1) });
    expect(commitStock(lvl(4, 4), 4)).toEqual({ ok: true, value: lvl(0, 0) });
  });

  it('refuses to commit more than is held', () => {
    expectCode(commitStock(lvl(10, 2), 3), 'CONFLICT');
    expectCode(commitStock(lvl(10, 2), -1), 'QUANTITY_OUT_OF_RANGE');
  });
});

describe('adjustOnHand / setOnHand', () => {
  it('restocks and removes unreserved units', () => {
    expect(adjustOnHand(lvl(10, 4), 5)).toEqual({ ok: true, value: lvl(15, 4) });
    expect(adjustOnHand(lvl(10, 4), -6)).toEqual({ ok: true, value: lvl(4, 4) });
    expect(adjustOnHand(lvl(10, 0), -10)).toEqual({ ok: true, value: lvl(0, 0) });
    expect(adjustOnHand(lvl(10, 4), 0)).toEqual({ ok: true, value: lvl(10, 4) });
  });

  it('never drops below reserved or zero', () => {
    const r = adjustOnHand(lvl(10, 4), -7);
    expectCode(r, 'INSUFFICIENT_STOCK');
    if (!r.ok) expect(r.error.meta).toEqual({ available: 6 });
    expectCode(adjustOnHand(lvl(0, 0), -1), 'INSUFFICIENT_STOCK');
  });

  it('rejects fractional or overflowing deltas', () => {
    expectCode(adjustOnHand(lvl(10, 0), 0.5), 'VALIDATION_FAILED');
    expectCode(adjustOnHand(lvl(10, 0), Number.MAX_SAFE_INTEGER), 'VALIDATION_FAILED');
  });

  it('sets a counted value', () => {
    expect(setOnHand(lvl(10, 4), 20)).toEqual({ ok: true, value: lvl(20, 4) });
    expect(setOnHand(lvl(10, 4), 4)).toEqual({ ok: true, value: lvl(4, 4) });
    expectCode(setOnHand(lvl(10, 4), 3), 'INSUFFICIENT_STOCK');
    expectCode(setOnHand(lvl(10, 0), -1), 'INSUFFICIENT_STOCK');
  });
});

describe('isLowStock', () => {
  it('is true at or below the threshold of available units', () => {
    expect(isLowStock(lvl(10, 5), 5)).toBe(true);
    expect(isLowStock(lvl(10, 4), 5)).toBe(false);
    expect(isLowStock(lvl(0, 0), 0)).toBe(true);
    expect(isLowStock(lvl(1, 0), 0)).toBe(false);
  });
});

describe('checkLineAvailable', () => {
  it('allows a line up to what is available, and names the SKU and the count past it', () => {
    expect(checkLineAvailable('SKU-1', 3, 3)).toEqual({ ok: true, value: 3 });
    const over = checkLineAvailable('SKU-1', 4, 3);
    expect(over.ok ? null : over.error).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      meta: { sku: 'SKU-1', available: 3 },
    });
    expect(checkLineAvailable('SKU-1', 1, 0).ok).toBe(false);
  });
});
