import { describe, expect, it } from 'vitest';
import {
  checkCartLineCount,
  checkLineQuantity,
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  QuantitySchema,
} from './quantity';

describe('checkLineQuantity', () => {
  it('accepts the boundaries and values between', () => {
    expect(checkLineQuantity(1)).toEqual({ ok: true, value: 1 });
    expect(checkLineQuantity(42)).toEqual({ ok: true, value: 42 });
    expect(checkLineQuantity(MAX_LINE_QUANTITY)).toEqual({ ok: true, value: 99 });
  });

  it.each([0, -1, 100, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (q) => {
    const r = checkLineQuantity(q);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('QUANTITY_OUT_OF_RANGE');
      expect(r.error.meta).toMatchObject({ min: 1, max: 99 });
    }
  });
});

describe('QuantitySchema', () => {
  it('matches checkLineQuantity', () => {
    for (const q of [0, 1, 50, 99, 100, 2.5, -3]) {
      expect(QuantitySchema.safeParse(q).success).toBe(checkLineQuantity(q).ok);
    }
    expect(QuantitySchema.safeParse('3').success).toBe(false);
  });
});

describe('checkCartLineCount', () => {
  it('allows up to MAX_CART_LINES lines', () => {
    expect(checkCartLineCount(MAX_CART_LINES).ok).toBe(true);
    expect(checkCartLineCount(0).ok).toBe(true);
    const r = checkCartLineCount(MAX_CART_LINES + 1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('CART_LINE_LIMIT');
  });
});
