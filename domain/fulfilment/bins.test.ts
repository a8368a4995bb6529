import { describe, expect, it } from 'vitest';
import { BinLocationSchema, compareBins, MAX_BIN_LENGTH, parseBinLocation, sortByBin } from './bins';

describe('compareBins', () => {
  it('orders numbers by value, not by character', () => {
    const bins = ['A-10', 'A-2', 'A-1', 'B-1', 'A-03-2', 'A-03-10', 'A-3-1'];
    expect([...bins].sort(compareBins)).toEqual(['A-1', 'A-2', 'A-3-1', 'A-03-2', 'A-03-10', 'A-10', 'B-1']);
  });

  it('ignores case and puts bins without a location last', () => {
    expect(sortByBin(['b-2', null, 'A-10', '', 'a-9'], (b) => b)).toEqual(['a-9', 'A-10', 'b-2', null, '']);
  });

  it('is total: equal-valued spellings still get a fixed order, and a prefix comes first', () => {
    expect(compareBins('A-2', 'A-02')).toBeLessThan(0);
    expect(compareBins('A-02', 'A-2')).toBeGreaterThan(0);
    expect(compareBins('A', 'A-1')).toBeLessThan(0);
    expect(compareBins('A-3-9', 'A-03-10')).toBeLessThan(0);
    expect(compareBins('A-03-9', 'A-3-10')).toBeLessThan(0);
    expect(compareBins('A-1', 'A-1')).toBe(0);
  });

  it('compares long digit runs exactly', () => {
    expect(compareBins('A-90071992547409930', 'A-90071992547409931')).toBeLessThan(0);
  });

  it('keeps the input order for equal bins', () => {
    const items = [
      { id: 1, bin: 'C-1' },
      { id: 2, bin: 'A-1' },
      { id: 3, bin: 'C-1' },
    ];
    expect(sortByBin(items, (i) => i.bin).map((i) => i.id)).toEqual([2, 1, 3]);
  });
});

describe('BinLocationSchema', () => {
  it.each([
    ['A-03-2', 'A-03-2'],
    ['  a.1  ', 'a.1'],
    ['Aisle  4   Shelf 2', 'Aisle 4 Shelf 2'],
    ['', null],
    ['   ', null],
  ])('%j → %j', (input, expected) => {
    expect(BinLocationSchema.parse(input)).toBe(expected);
  });

  it.each(['A_1', 'A/1', '-A1', 'A1-', 'é-1', 'x'.repeat(MAX_BIN_LENGTH + 1)])('rejects %j', (input) => {
    expect(BinLocationSchema.safeParse(input).success).toBe(false);
    expect(parseBinLocation(input)).toBeUndefined();
  });

  it('accepts the longest allowed bin', () => {
    expect(BinLocationSchema.parse('x'.repeat(MAX_BIN_LENGTH))).toHaveLength(MAX_BIN_LENGTH);
  });
});
