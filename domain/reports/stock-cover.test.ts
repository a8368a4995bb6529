import { describe, expect, it } from 'vitest';
import { productCover, runningLow, salesRate, stockCover } from './stock-cover';

describe('stock cover', () => {
  it('is available ÷ units sold per day over 28 days', () => {
    expect(salesRate(56)).toBe(2);
    expect(stockCover(10, 56)).toBe(5);
    expect(stockCover(10, 28)).toBe(10);
    expect(stockCover(0, 28)).toBe(0);
    expect(stockCover(-3, 28)).toBe(0);
  });

  it('rounds down to a tenth of a day, so a border case stays low', () => {
    expect(stockCover(10, 3)).toBe(93.3);
    expect(stockCover(13, 28 - 2)).toBe(14);
    expect(stockCover(1, 3, 1)).toBe(0.3);
  });

  it('has no forecast when nothing sold net of refunds', () => {
    expect(stockCover(10, 0)).toBeNull();
    expect(stockCover(10, -2)).toBeNull();
  });

  it('gives a product the cover of its first variant to run out', () => {
    expect(
      productCover([
        { available: 100, netUnits: 28 },
        { available: 3, netUnits: 28 },
        { available: 0, netUnits: 0 },
      ]),
    ).toBe(3);
    expect(productCover([{ available: 5, netUnits: 0 }])).toBeNull();
  });

  it('lists SKUs under 14 days, least cover first, at most the limit', () => {
    const low = runningLow(
      [
        { sku: 'A', available: 13, netUnits: 28 },
        { sku: 'B', available: 14, netUnits: 28 },
        { sku: 'C', available: 1, netUnits: 28 },
        { sku: 'D', available: 0, netUnits: 0 },
        { sku: 'E', available: 1, netUnits: 28 },
      ],
      2,
    );
    expect(low.map((s) => [s.sku, s.cover])).toEqual([
      ['C', 1],
      ['E', 1],
    ]);
    expect(runningLow([{ sku: 'A', available: 13, netUnits: 28 }])[0]).toMatchObject({ cover: 13, rate: 1 });
  });
});
