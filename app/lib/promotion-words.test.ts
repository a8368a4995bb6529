import type { PromotionBenefit } from '@domain/pricing/promotions';
import { describe, expect, it } from 'vitest';
import { describeBenefit, describeTrigger, describeUses, promotionStatus } from './promotion-words';

function usd(amount: number) {
  return { amount, currency: 'USD' };
}
const targets = { productIds: [], categoryIds: ['cat_1'], collectionIds: [] };

describe('promotions in words', () => {
  it('says what a promotion gives', () => {
    const cases: [PromotionBenefit, string][] = [
      [{ kind: 'order_percentage', basisPoints: 1000 }, '10% off the order'],
      [{ kind: 'order_fixed', amount: usd(1500) }, '$15.00 off the order'],
      [{ kind: 'items_percentage', basisPoints: 1250, targets }, '12.5% off chosen items'],
      [{ kind: 'items_fixed', amount: usd(500), targets }, '$5.00 off chosen items'],
      [
        {
          kind: 'buy_x_get_y',
          buy: { quantity: 2, targets },
          get: { quantity: 1, targets, basisPoints: 10_000 },
          maxApplications: null,
        },
        'Buy 2, get 1 free',
      ],
      [
        {
          kind: 'buy_x_get_y',
          buy: { quantity: 1, targets },
          get: { quantity: 1, targets, basisPoints: 5000 },
          maxApplications: 2,
        },
        'Buy 1, get 1 at 50% off (up to 2× per order)',
      ],
      [{ kind: 'free_shipping', maxShipping: null }, 'Free shipping'],
      [{ kind: 'free_shipping', maxShipping: usd(1000) }, 'Free shipping up to $10.00'],
    ];
    for (const [benefit, words] of cases) expect(describeBenefit(benefit)).toBe(words);
  });

  it('says how it is unlocked and how often it was used', () => {
    expect(describeTrigger({ trigger: { kind: 'automatic' } })).toBe('Automatic');
    expect(describeTrigger({ trigger: { kind: 'code', codes: ['A10', 'B10'] } })).toBe('A10, B10');
    expect(describeUses(3, 100)).toBe('3 of 100');
    expect(describeUses(1200, null)).toBe('1,200 (no limit)');
  });

  it('tells scheduled, active, ended and switched-off promotions apart (the end is exclusive)', () => {
    const window = { active: true, startsAt: 1000, endsAt: 2000 };
    expect(promotionStatus(window, 999)).toBe('scheduled');
    expect(promotionStatus(window, 1000)).toBe('active');
    expect(promotionStatus(window, 2000)).toBe('ended');
    expect(promotionStatus({ ...window, active: false }, 1500)).toBe('off');
    expect(promotionStatus({ active: true, startsAt: null, endsAt: null }, 0)).toBe('active');
  });
});
