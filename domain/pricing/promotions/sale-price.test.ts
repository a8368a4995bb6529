import { money } from '@domain/pricing/money';
import { DAY, ids, T0, usd } from '@tests/support/promotion-fixtures';
import { describe, expect, it } from 'vitest';
import { overlappingSale, type Sale, SaleInput, SalePatch, salePriceOf, saleState } from './sale-price';

function sale(id: string, input: Record<string, unknown>): Sale {
  return { ...SaleInput.parse({ name: id, startsAt: T0, endsAt: T0 + DAY, ...input }), id };
}
const mug = ids.product('mug');
const kitchen = [ids.category('kitchen')];

describe('salePriceOf', () => {
  const byProduct = sale('sale_a', { basisPoints: 2000, productIds: [mug] });
  const byCategory = sale('sale_b', { basisPoints: 2500, categoryIds: kitchen });

  it('lowers the price within the window, start inclusive and end exclusive', () => {
    const at = (now: number) => salePriceOf(usd(1999), mug, [], [byProduct], now);
    expect(at(T0)).toEqual({ price: usd(1599), compareAt: usd(1999), saleId: 'sale_a' }); // 399.8 → 400 off
    expect(at(T0 + DAY - 1).saleId).toBe('sale_a');
    expect(at(T0 - 1)).toEqual({ price: usd(1999), compareAt: null, saleId: null });
    expect(at(T0 + DAY)).toEqual({ price: usd(1999), compareAt: null, saleId: null });
  });

  it('matches by category, and the deepest sale wins', () => {
    expect(salePriceOf(usd(2000), mug, kitchen, [byProduct, byCategory], T0)).toEqual({
      price: usd(1500),
      compareAt: usd(2000),
      saleId: 'sale_b',
    });
    expect(salePriceOf(usd(2000), ids.product('tee'), [], [byProduct, byCategory], T0).saleId).toBeNull();
  });

  it('breaks a tie by the smaller id and skips inactive sales', () => {
    const twin = sale('sale_0', { basisPoints: 2000, productIds: [mug] });
    expect(salePriceOf(usd(1000), mug, [], [byProduct, twin], T0).saleId).toBe('sale_0');
    const off = { ...byCategory, active: false };
    expect(salePriceOf(usd(1000), mug, kitchen, [off], T0).saleId).toBeNull();
  });

  it('never goes below zero, and rounds half-even in any currency', () => {
    const all = sale('sale_all', { basisPoints: 10_000, productIds: [mug] });
    expect(salePriceOf(usd(999), mug, [], [all], T0).price).toEqual(usd(0));
    const third = sale('sale_c', { basisPoints: 3333, productIds: [mug] });
    // 3333 bps of ¥15 = 4.9995 → 5
    expect(salePriceOf(money(15, 'JPY'), mug, [], [third], T0).price).toEqual(money(10, 'JPY'));
  });

  it('shows no sale when the cut rounds to nothing', () => {
    const tiny = sale('sale_t', { basisPoints: 1, productIds: [mug] });
    expect(salePriceOf(usd(100), mug, [], [tiny], T0)).toEqual({
      price: usd(100),
      compareAt: null,
      saleId: null,
    });
  });
});

describe('SaleInput', () => {
  it.each([
    [{ basisPoints: 0, productIds: [mug] }, 'A sale must take more than 0% off.'],
    [{ basisPoints: 10_001, productIds: [mug] }, 'A sale cannot take more than 100% off.'],
    [{ basisPoints: 10 }, 'Choose at least one product or category.'],
    [{ basisPoints: 10, productIds: [mug], endsAt: T0 }, 'The end must be after the start.'],
    [{ basisPoints: 10, productIds: [mug], extra: true }, 'Unrecognized key: "extra"'],
  ])('refuses %j', (input, message) => {
    const r = SaleInput.safeParse({ name: 'Sale', startsAt: T0, endsAt: T0 + DAY, ...input });
    expect(r.error?.issues.map((i) => i.message)).toContain(message);
  });
});

describe('overlappingSale', () => {
  const existing = sale('sale_x', { basisPoints: 1000, productIds: [mug], categoryIds: kitchen });
  const window = (startsAt: number, endsAt: number) => ({ startsAt, endsAt });

  it.each([
    [
      'the same product at the same time',
      { productIds: [mug], categoryIds: [], ...window(T0, T0 + DAY) },
      'sale_x',
    ],
    [
      'a shared category, partly overlapping',
      { productIds: [], categoryIds: kitchen, ...window(T0 - DAY, T0 + 1) },
      'sale_x',
    ],
    [
      'back to back (end exclusive)',
      { productIds: [mug], categoryIds: [], ...window(T0 + DAY, T0 + 2 * DAY) },
      null,
    ],
    ['other products', { productIds: [ids.product('tee')], categoryIds: [], ...window(T0, T0 + DAY) }, null],
    [
      'itself, when edited',
      { id: 'sale_x', productIds: [mug], categoryIds: [], ...window(T0, T0 + DAY) },
      null,
    ],
  ])('%s', (_, candidate, clash) => {
    expect(overlappingSale(candidate, [existing])?.id ?? null).toBe(clash);
  });

  it('ignores inactive sales', () => {
    const off = { ...existing, active: false };
    expect(
      overlappingSale({ productIds: [mug], categoryIds: [], ...window(T0, T0 + DAY) }, [off]),
    ).toBeNull();
  });
});

describe('SalePatch and saleState', () => {
  it('leaves out what a patch does not name, and refuses unknown fields', () => {
    expect(SalePatch.parse({ basisPoints: 1500 })).toEqual({ basisPoints: 1500 });
    expect(SalePatch.safeParse({ percent: 15 }).success).toBe(false);
    expect(SalePatch.safeParse({ basisPoints: 10_001 }).success).toBe(false);
  });

  it('says whether a sale is off, scheduled, live or ended, end exclusive', () => {
    const s = { active: true, startsAt: T0, endsAt: T0 + DAY };
    expect(saleState(s, T0 - 1)).toBe('scheduled');
    expect(saleState(s, T0)).toBe('live');
    expect(saleState(s, T0 + DAY)).toBe('ended');
    expect(saleState({ ...s, active: false }, T0)).toBe('off');
  });
});
