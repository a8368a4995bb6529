import { describe, expect, it } from 'vitest';
import { money } from './money';
import {
  applyDiscountCode,
  DiscountCodeSchema,
  normalizeDiscountCode,
  type Promotion,
  PromotionSchema,
} from './promotions';

function usd(amount: number) {
  return money(amount, 'USD');
}
const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

const tenPercent: Promotion = { kind: 'percentage', code: 'SAVE10', basisPoints: 1000 };
const fiveOff: Promotion = { kind: 'fixed', code: 'FIVEOFF', amount: usd(500) };

function rejection(r: ReturnType<typeof applyDiscountCode>) {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('expected failure');
  expect(r.error.code).toBe('PROMOTION_NOT_APPLICABLE');
  return r.error;
}

describe('applyDiscountCode: amounts', () => {
  it('takes a percentage, rounded half-even', () => {
    expect(applyDiscountCode(tenPercent, { subtotal: usd(5000), now: T0, timesUsed: 0 })).toEqual({
      ok: true,
      value: { discount: usd(500) },
    });
    // 10% of 1025 = 102.5 → 102 (even); of 1035 = 103.5 → 104
    function at(n: number) {
      return applyDiscountCode(tenPercent, { subtotal: usd(n), now: T0, timesUsed: 0 });
    }
    expect(at(1025)).toEqual({ ok: true, value: { discount: usd(102) } });
    expect(at(1035)).toEqual({ ok: true, value: { discount: usd(104) } });
  });

  it('takes a fixed amount, never more than the subtotal', () => {
    expect(applyDiscountCode(fiveOff, { subtotal: usd(2000), now: T0, timesUsed: 0 })).toEqual({
      ok: true,
      value: { discount: usd(500) },
    });
    expect(applyDiscountCode(fiveOff, { subtotal: usd(300), now: T0, timesUsed: 0 })).toEqual({
      ok: true,
      value: { discount: usd(300) },
    });
    expect(applyDiscountCode(fiveOff, { subtotal: usd(0), now: T0, timesUsed: 0 })).toEqual({
      ok: true,
      value: { discount: usd(0) },
    });
  });

  it('100% off equals the subtotal', () => {
    const all: Promotion = { kind: 'percentage', code: 'FREE', basisPoints: 10_000 };
    expect(applyDiscountCode(all, { subtotal: usd(1999), now: T0, timesUsed: 0 })).toEqual({
      ok: true,
      value: { discount: usd(1999) },
    });
  });
});

describe('applyDiscountCode: eligibility', () => {
  const windowed: Promotion = { ...tenPercent, startsAt: T0, endsAt: T0 + DAY };

  it('is valid from startsAt inclusive to endsAt exclusive', () => {
    expect(applyDiscountCode(windowed, { subtotal: usd(100), now: T0, timesUsed: 0 }).ok).toBe(true);
    expect(applyDiscountCode(windowed, { subtotal: usd(100), now: T0 + DAY - 1, timesUsed: 0 }).ok).toBe(
      true,
    );
    expect(
      rejection(applyDiscountCode(windowed, { subtotal: usd(100), now: T0 - 1, timesUsed: 0 })).meta,
    ).toEqual({
      reason: 'NOT_STARTED',
      startsAt: T0,
    });
    const expired = rejection(
      applyDiscountCode(windowed, { subtotal: usd(100), now: T0 + DAY, timesUsed: 0 }),
    );
    expect(expired.meta?.reason).toBe('EXPIRED');
    expect(expired.detail).toBe('Code SAVE10 has expired.');
  });

  it('enforces the usage limit', () => {
    const limited: Promotion = { ...fiveOff, usageLimit: 3 };
    expect(applyDiscountCode(limited, { subtotal: usd(1000), now: T0, timesUsed: 2 }).ok).toBe(true);
    expect(
      rejection(applyDiscountCode(limited, { subtotal: usd(1000), now: T0, timesUsed: 3 })).meta?.reason,
    ).toBe('USAGE_LIMIT_REACHED');
  });

  it('enforces the minimum subtotal, inclusive, and says by how much it is short', () => {
    const min: Promotion = { ...tenPercent, minSubtotal: usd(5000) };
    expect(applyDiscountCode(min, { subtotal: usd(5000), now: T0, timesUsed: 0 }).ok).toBe(true);
    const e = rejection(applyDiscountCode(min, { subtotal: usd(4999), now: T0, timesUsed: 0 }));
    expect(e.detail).toBe('Code SAVE10 needs a subtotal of at least 50.00 USD.');
    expect(e.meta).toEqual({ reason: 'BELOW_MINIMUM', minSubtotal: usd(5000), shortBy: usd(1) });
  });

  it('rejects a code priced in another currency', () => {
    const eur = { subtotal: money(10_000, 'EUR'), now: T0, timesUsed: 0 };
    expect(rejection(applyDiscountCode(fiveOff, eur)).meta).toEqual({
      reason: 'WRONG_CURRENCY',
      currency: 'USD',
    });
    const pctWithUsdMin: Promotion = { ...tenPercent, minSubtotal: usd(100) };
    expect(rejection(applyDiscountCode(pctWithUsdMin, eur)).meta?.reason).toBe('WRONG_CURRENCY');
    expect(applyDiscountCode(tenPercent, eur)).toEqual({ ok: true, value: { discount: money(1000, 'EUR') } });
  });
});

describe('schemas', () => {
  it('normalises codes', () => {
    expect(DiscountCodeSchema.parse('  summer-10 ')).toBe('SUMMER-10');
    expect(normalizeDiscountCode(' abc ')).toBe('ABC');
    expect(DiscountCodeSchema.safeParse('ab').success).toBe(false);
    expect(DiscountCodeSchema.safeParse('no spaces').success).toBe(false);
    expect(DiscountCodeSchema.safeParse('X'.repeat(33)).success).toBe(false);
  });

  it('validates promotions', () => {
    expect(PromotionSchema.parse({ kind: 'percentage', code: 'save10', basisPoints: 1000 })).toEqual({
      kind: 'percentage',
      code: 'SAVE10',
      basisPoints: 1000,
    });
    const bad = [
      { kind: 'percentage', code: 'SAVE', basisPoints: 0 },
      { kind: 'percentage', code: 'SAVE', basisPoints: 10_001 },
      { kind: 'percentage', code: 'SAVE', basisPoints: 12.5 },
      { kind: 'fixed', code: 'SAVE', amount: usd(0) },
      { kind: 'fixed', code: 'SAVE', amount: { amount: 4.5, currency: 'USD' } },
      { kind: 'fixed', code: 'SAVE', amount: usd(100), minSubtotal: money(100, 'EUR') },
      { kind: 'fixed', code: 'SAVE', amount: usd(100), startsAt: T0, endsAt: T0 },
      { kind: 'fixed', code: 'SAVE', amount: usd(100), usageLimit: 0 },
      { kind: 'bogus', code: 'SAVE' },
    ];
    for (const b of bad) expect(PromotionSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
  });
});
