import { describe, expect, it } from 'vitest';
import { buildPickList, matchScannedCode, type PickSourceLine, pickOneUnit } from './pick-list';

function line(sku: string, bin: string | null, quantity: number, extra: Partial<PickSourceLine> = {}) {
  return {
    lineId: `ol_${sku}_${quantity}`,
    sku,
    name: `Item ${sku}`,
    variantLabel: null,
    quantity,
    shipped: 0,
    picked: 0,
    binLocation: bin,
    barcode: null,
    ...extra,
  };
}

describe('buildPickList', () => {
  it('aggregates a SKU across orders and keeps each order its own quantity', () => {
    const list = buildPickList([
      { id: 'ord_1', number: 'NW-1', lines: [line('HAM-1', 'A-2', 2), line('SAW-1', 'B-1', 1)] },
      { id: 'ord_2', number: 'NW-2', lines: [line('HAM-1', 'A-2', 3, { lineId: 'ol_x', picked: 1 })] },
    ]);
    expect(list.map((l) => [l.sku, l.needed, l.picked])).toEqual([
      ['HAM-1', 5, 1],
      ['SAW-1', 1, 0],
    ]);
    expect(list[0]?.shares).toEqual([
      { orderId: 'ord_1', orderNumber: 'NW-1', lineId: 'ol_HAM-1_2', needed: 2, picked: 0 },
      { orderId: 'ord_2', orderNumber: 'NW-2', lineId: 'ol_x', needed: 3, picked: 1 },
    ]);
  });

  it('sorts by bin naturally, case-insensitively, with lines that have no bin last', () => {
    const list = buildPickList([
      {
        id: 'ord_1',
        number: 'NW-1',
        lines: [
          line('NOBIN', null, 1),
          line('TEN', 'A-10', 1),
          line('TWO', 'a-2', 1),
          line('B', 'B-1', 1),
          line('ONE', 'A-1', 1),
        ],
      },
    ]);
    expect(list.map((l) => l.sku)).toEqual(['ONE', 'TWO', 'TEN', 'B', 'NOBIN']);
  });

  it('counts only units left to ship and leaves out lines already shipped', () => {
    const list = buildPickList([
      {
        id: 'ord_1',
        number: 'NW-1',
        lines: [line('DONE', 'A-1', 2, { shipped: 2 }), line('HALF', 'A-2', 4, { shipped: 1, picked: 9 })],
      },
    ]);
    expect(list.map((l) => [l.sku, l.needed, l.picked])).toEqual([['HALF', 3, 3]]);
  });

  it('takes the bin from any order that knows it', () => {
    const list = buildPickList([
      { id: 'ord_1', number: 'NW-1', lines: [line('X', null, 1)] },
      { id: 'ord_2', number: 'NW-2', lines: [line('X', 'C-3', 1)] },
    ]);
    expect(list[0]?.binLocation).toBe('C-3');
  });
});

describe('matchScannedCode and pickOneUnit', () => {
  const list = buildPickList([
    { id: 'ord_1', number: 'NW-1', lines: [line('HAM-1', 'A-1', 1, { barcode: '4006381333931' })] },
    { id: 'ord_2', number: 'NW-2', lines: [line('HAM-1', 'A-1', 2)] },
  ]);

  it('finds a line by barcode or by SKU, and nothing for an unknown code', () => {
    expect(matchScannedCode(list, ' 4006381333931 ')?.sku).toBe('HAM-1');
    expect(matchScannedCode(list, 'ham-1')?.sku).toBe('HAM-1');
    expect(matchScannedCode(list, 'nope')).toBeUndefined();
    expect(matchScannedCode(list, '  ')).toBeUndefined();
  });

  it('gives each confirmed unit to the first order still short of it', () => {
    const first = list[0]!;
    expect(pickOneUnit(first)).toEqual({ orderId: 'ord_1', lineId: 'ol_HAM-1_1', picked: 1 });
    const afterOne = { ...first, shares: first.shares.map((s, i) => (i === 0 ? { ...s, picked: 1 } : s)) };
    expect(pickOneUnit(afterOne)).toEqual({ orderId: 'ord_2', lineId: 'ol_HAM-1_2', picked: 1 });
    const full = { ...first, shares: first.shares.map((s) => ({ ...s, picked: s.needed })) };
    expect(pickOneUnit(full)).toBeUndefined();
  });
});
