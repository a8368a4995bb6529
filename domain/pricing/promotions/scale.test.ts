/** 1,000 active automatic promotions over a 50-line cart: evaluation stays correct at the size the issue names. */
import { compilePromotions } from '@domain/pricing/promotions';
import { DAY, evaluation, ids, line, promotion, T0, usd } from '@tests/support/promotion-fixtures';
import { describe, expect, it } from 'vitest';
import { evaluatePromotions } from './evaluate';

// Line j: product p<j> in category c<j % 5>, one unit at 1000 + j cents.
const lines = Array.from({ length: 50 }, (_, j) => line(`p${j}`, 1, 1000 + j, { categories: [`c${j % 5}`] }));

/**
 * Promotion i: odd ones have not started; every tenth is stackable, 1 cent × `stackCents` off the order, and
 * half of those need a subtotal nobody reaches; the rest take i + 1 basis points off category c<i % 5> when i is a
 * multiple of 3, else off product p<i % 50>. So the best single one is i = 996: 997 bps off c1, the ten lines
 * j = 1, 6, … 46 costing 10,235 (1,020.4295 → 1,020), unless the stackable ones (50 apply) save more.
 */
function thousand(stackCents: number) {
  return Array.from({ length: 1000 }, (_, i) => {
    const startsAt = i % 2 === 1 ? T0 + DAY : null;
    if (i % 10 === 0) {
      return promotion({
        trigger: { kind: 'automatic' },
        benefit: { kind: 'order_fixed', amount: usd(stackCents) },
        conditions: i % 20 === 0 ? { minSubtotal: usd(1_000_000) } : {},
        stackable: true,
        startsAt,
      });
    }
    const targets =
      i % 3 === 0
        ? { categoryIds: [ids.category(`c${i % 5}`)] }
        : { productIds: [ids.product(`p${i % 50}`)] };
    return promotion({
      trigger: { kind: 'automatic' },
      benefit: { kind: 'items_percentage', basisPoints: i + 1, targets },
      startsAt,
    });
  });
}

describe('1,000 automatic promotions over 50 lines', () => {
  it('picks the best single promotion when it saves most', () => {
    const promos = thousand(1);
    const compiled = compilePromotions(promos);
    const r = evaluatePromotions(evaluation({ lines, automatic: compiled }));
    if (!r.ok) throw new Error(r.error.detail);
    expect(r.value.applied.map((a) => a.promotionId)).toEqual([promos[996]!.id]);
    expect(r.value.total).toEqual(usd(1020));
    const shares = r.value.lineDiscounts.map((m) => m.amount);
    expect(shares.reduce((s, n) => s + n, 0)).toBe(1020);
    expect(shares.map((n, j) => n > 0 === (j % 5 === 1))).toEqual(lines.map(() => true));
  });

  it('applies the 50 stackable ones together when they save more', () => {
    const r = evaluatePromotions(evaluation({ lines, automatic: thousand(30) }));
    if (!r.ok) throw new Error(r.error.detail);
    expect(r.value.applied).toHaveLength(50);
    expect(r.value.total).toEqual(usd(1500));
    expect(r.value.lineDiscounts.reduce((s, m) => s + m.amount, 0)).toBe(1500);
  });
});

describe('1,000 automatic promotions over a small cart', () => {
  // Two lines: product p1 in category c1, two units of p7 in c2. Most of the thousand target other products.
  const small = [line('p1', 1, 1001, { categories: ['c1'] }), line('p7', 2, 1007, { categories: ['c2'] })];
  const onTheseLines = (p: ReturnType<typeof thousand>[number]) => {
    const b = p.benefit;
    if (b.kind !== 'items_percentage') return true; // order-level: for every cart
    return (
      b.targets.productIds.some((id) => id === ids.product('p1') || id === ids.product('p7')) ||
      b.targets.categoryIds.some((id) => id === ids.category('c1') || id === ids.category('c2'))
    );
  };

  it.each([1, 30])(
    'gives what the promotions for its lines give alone (order discount %i cents)',
    (cents) => {
      const promos = thousand(cents);
      const relevant = promos.filter(onTheseLines);
      expect(relevant.length).toBeLessThan(400);
      const all = evaluatePromotions(evaluation({ lines: small, automatic: compilePromotions(promos) }));
      const alone = evaluatePromotions(evaluation({ lines: small, automatic: compilePromotions(relevant) }));
      if (!all.ok || !alone.ok) throw new Error('evaluation failed');
      expect(all.value.applied.length).toBeGreaterThan(0);
      expect(all.value).toEqual(alone.value);
    },
  );
});
