import { describe, expect, it } from 'vitest';
import { combineCarts } from './combine-carts';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from './limits';

const plenty = () => 1000;

describe('combineCarts', () => {
  it('sums a SKU in both carts and adds guest-only SKUs; account-only lines are untouched', () => {
    const out = combineCarts(
      [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 2 },
      ],
      [
        { sku: 'A', quantity: 3 },
        { sku: 'C', quantity: 1 },
      ],
      plenty,
    );
    expect(out).toEqual({
      changes: [
        { sku: 'A', quantity: 4 },
        { sku: 'C', quantity: 1 },
      ],
      dropped: [],
    });
  });

  it('caps at the stock available now and at the line maximum', () => {
    const stock: Record<string, number> = { A: 3, B: 500 };
    const out = combineCarts(
      [{ sku: 'A', quantity: 2 }],
      [
        { sku: 'A', quantity: 5 },
        { sku: 'B', quantity: 90 },
      ],
      (sku) => stock[sku] ?? 0,
    );
    expect(out.changes).toEqual([
      { sku: 'A', quantity: 3 },
      { sku: 'B', quantity: 90 },
    ]);
    const big = combineCarts([{ sku: 'B', quantity: 60 }], [{ sku: 'B', quantity: 60 }], plenty);
    expect(big.changes).toEqual([{ sku: 'B', quantity: MAX_LINE_QUANTITY }]);
  });

  it('drops a guest SKU that is out of stock, and one that would pass the line limit', () => {
    const full = Array.from({ length: MAX_CART_LINES }, (_, i) => ({ sku: `S${i}`, quantity: 1 }));
    const out = combineCarts(
      full,
      [
        { sku: 'NEW', quantity: 1 },
        { sku: 'S0', quantity: 1 },
      ],
      (sku) => (sku === 'GONE' ? 0 : 10),
    );
    expect(out).toEqual({ changes: [{ sku: 'S0', quantity: 2 }], dropped: ['NEW'] });
    expect(combineCarts([], [{ sku: 'GONE', quantity: 2 }], () => 0)).toEqual({
      changes: [],
      dropped: ['GONE'],
    });
  });

  it('never lowers an account line below what it had when stock fell (it only adds)', () => {
    const out = combineCarts([{ sku: 'A', quantity: 5 }], [{ sku: 'A', quantity: 1 }], () => 2);
    expect(out.changes).toEqual([{ sku: 'A', quantity: 2 }]);
  });
});
