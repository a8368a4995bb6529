import { describe, expect, it } from 'vitest';
import {
  checkOrderUnchanged,
  checkPicks,
  PicksInput,
  statusAfterPack,
  WarehouseShipInput,
} from './warehouse';

const reasonOf = (r: ReturnType<typeof checkOrderUnchanged>) => (r.ok ? null : r.error.meta?.reason);

describe('checkOrderUnchanged', () => {
  it('passes an open order at the version the tablet saw', () => {
    expect(checkOrderUnchanged({ status: 'pending', version: 3, unitsLeft: 2 }, 3).ok).toBe(true);
  });

  it('names why the order is no longer the one the tablet saw', () => {
    expect(reasonOf(checkOrderUnchanged({ status: 'processing', version: 4, unitsLeft: 2 }, 3))).toBe(
      'edited',
    );
    expect(reasonOf(checkOrderUnchanged({ status: 'cancelled', version: 4, unitsLeft: 2 }, 3))).toBe(
      'cancelled',
    );
    expect(reasonOf(checkOrderUnchanged({ status: 'cancelled', version: 3, unitsLeft: 2 }, 3))).toBe(
      'cancelled',
    );
    expect(reasonOf(checkOrderUnchanged({ status: 'shipped', version: 3, unitsLeft: 0 }, 3))).toBe('shipped');
    expect(reasonOf(checkOrderUnchanged({ status: 'processing', version: 3, unitsLeft: 0 }, 3))).toBe(
      'shipped',
    );
    const r = checkOrderUnchanged({ status: 'delivered', version: 9, unitsLeft: 0 }, 3);
    expect(r.ok ? null : r.error.code).toBe('ORDER_CHANGED');
  });
});

describe('checkPicks', () => {
  const lines = [
    { id: 'a', quantity: 3, shipped: 1 },
    { id: 'b', quantity: 1, shipped: 0 },
  ];
  it('accepts counts up to what is left to ship', () => {
    expect(
      checkPicks(lines, [
        { lineId: 'a', picked: 2 },
        { lineId: 'b', picked: 0 },
      ]).ok,
    ).toBe(true);
  });
  it('refuses more than is left, and lines of other orders, with a field error each', () => {
    const r = checkPicks(lines, [
      { lineId: 'a', picked: 3 },
      { lineId: 'zz', picked: 1 },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION_FAILED');
      expect(r.error.meta?.errors).toEqual([
        { path: 'lines.0.picked', message: 'At most 2 left to pick on this line.' },
        { path: 'lines.1.lineId', message: 'This line is not on this order.' },
      ]);
    }
  });
});

describe('inputs', () => {
  it('are strict and refuse negative counts and repeated lines', () => {
    expect(
      PicksInput.safeParse({ expectedVersion: 1, lines: [{ lineId: 'a', picked: 1 }], x: 1 }).success,
    ).toBe(false);
    expect(PicksInput.safeParse({ expectedVersion: 1, lines: [{ lineId: 'a', picked: -1 }] }).success).toBe(
      false,
    );
    expect(
      PicksInput.safeParse({
        expectedVersion: 1,
        lines: [
          { lineId: 'a', picked: 1 },
          { lineId: 'a', picked: 2 },
        ],
      }).success,
    ).toBe(false);
  });
  it('ship needs a known carrier and, except for other, a tracking number', () => {
    expect(
      WarehouseShipInput.safeParse({ expectedVersion: 1, carrier: 'pigeon', trackingNumber: '1234' }).success,
    ).toBe(false);
    expect(WarehouseShipInput.safeParse({ expectedVersion: 1, carrier: 'ups' }).success).toBe(false);
    expect(WarehouseShipInput.safeParse({ expectedVersion: 1, carrier: 'other' }).success).toBe(true);
  });
});

describe('statusAfterPack', () => {
  it('moves pending to processing and keeps processing', () => {
    expect(statusAfterPack('pending')).toEqual({ ok: true, value: 'processing' });
    expect(statusAfterPack('processing')).toEqual({ ok: true, value: 'processing' });
    expect(statusAfterPack('shipped').ok).toBe(false);
  });
});
