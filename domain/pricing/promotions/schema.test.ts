import { money } from '@domain/pricing/money';
import { DAY, ids, T0, usd } from '@tests/support/promotion-fixtures';
import { describe, expect, it } from 'vitest';
import { currencyOf, DiscountCodeSchema, normalizeDiscountCode, PromotionInput } from './schema';

const base = {
  name: 'Summer',
  trigger: { kind: 'code', codes: ['SUMMER10'] },
  benefit: { kind: 'order_percentage', basisPoints: 1000 },
};

/** The messages PromotionInput gives for `input`, with their paths. */
function problems(input: unknown): string[] {
  const r = PromotionInput.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('DiscountCodeSchema', () => {
  it('normalises codes to upper case (codes are case-insensitive)', () => {
    expect(DiscountCodeSchema.parse('  summer-10 ')).toBe('SUMMER-10');
    expect(normalizeDiscountCode(' abc_1 ')).toBe('ABC_1');
  });

  it.each([['ab'], ['no spaces'], ['X'.repeat(33)], ['ÉTÉ10'], ['<script>'], ['50%OFF'], ['']])(
    'refuses %j',
    (code) => {
      expect(DiscountCodeSchema.safeParse(code).error?.issues[0]?.message).toBe(
        'Discount codes are 3-32 letters, digits, "-" or "_".',
      );
    },
  );
});

describe('PromotionInput', () => {
  it('fills defaults: no conditions, no limits, not stackable, priority 0, active', () => {
    expect(
      PromotionInput.parse({ ...base, trigger: { kind: 'code', codes: ['summer10', 'Sun-1'] } }),
    ).toEqual({
      ...base,
      trigger: { kind: 'code', codes: ['SUMMER10', 'SUN-1'] },
      conditions: {
        minSubtotal: null,
        minQuantity: null,
        signedInOnly: false,
        firstOrderOnly: false,
        customerIds: [],
        customerEmails: [],
        shippingCountries: [],
      },
      startsAt: null,
      endsAt: null,
      usageLimit: null,
      perCustomerLimit: null,
      stackable: false,
      priority: 0,
      active: true,
    });
  });

  it('accepts every kind of benefit', () => {
    const targets = { productIds: [ids.product('mug')] };
    const benefits = [
      { kind: 'order_fixed', amount: usd(500) },
      { kind: 'items_percentage', basisPoints: 10_000, targets },
      { kind: 'items_fixed', amount: usd(1), targets: { collectionIds: [ids.collection('summer')] } },
      {
        kind: 'buy_x_get_y',
        buy: { quantity: 2, targets },
        get: { quantity: 1, targets: { categoryIds: [ids.category('tees')] }, basisPoints: 10_000 },
        maxApplications: 3,
      },
      { kind: 'free_shipping', maxShipping: usd(1000) },
    ];
    for (const benefit of benefits)
      expect(problems({ ...base, benefit }), JSON.stringify(benefit)).toEqual([]);
  });

  it('normalises customer emails and countries', () => {
    const p = PromotionInput.parse({
      ...base,
      conditions: { customerEmails: [' Ann@Example.COM'], shippingCountries: ['us', 'de'] },
    });
    expect(p.conditions.customerEmails).toEqual(['ann@example.com']);
    expect(p.conditions.shippingCountries).toEqual(['US', 'DE']);
  });

  it('knows the one currency a promotion is limited to', () => {
    expect(currencyOf(PromotionInput.parse(base))).toBeNull();
    const fixed = { ...base, benefit: { kind: 'order_fixed', amount: money(500, 'EUR') } };
    expect(currencyOf(PromotionInput.parse(fixed))).toBe('EUR');
  });

  const pct = (basisPoints: unknown) => ({ ...base, benefit: { kind: 'order_percentage', basisPoints } });
  const cases: [string, unknown, string][] = [
    ['a zero percentage', pct(0), 'benefit.basisPoints: A percentage must be more than 0%.'],
    ['a negative percentage', pct(-500), 'benefit.basisPoints: A percentage must be more than 0%.'],
    ['over 100%', pct(10_001), 'benefit.basisPoints: A percentage cannot be more than 100%.'],
    ['a fractional percentage', pct(12.5), 'benefit.basisPoints: Use a whole number of basis points.'],
    [
      'a zero amount',
      { ...base, benefit: { kind: 'order_fixed', amount: usd(0) } },
      'benefit.amount: The amount must be more than 0.',
    ],
    [
      'a negative amount',
      { ...base, benefit: { kind: 'order_fixed', amount: { amount: -1, currency: 'USD' } } },
      'benefit.amount.amount: Too small: expected number to be >=0',
    ],
    [
      'an amount beyond the safe-integer range',
      { ...base, benefit: { kind: 'order_fixed', amount: { amount: 2 ** 53, currency: 'USD' } } },
      'benefit.amount.amount: Too big: expected number to be <=9007199254740991',
    ],
    [
      'inverted dates',
      { ...base, startsAt: T0 + DAY, endsAt: T0 },
      'endsAt: The end must be after the start.',
    ],
    ['an empty window', { ...base, startsAt: T0, endsAt: T0 }, 'endsAt: The end must be after the start.'],
    ['an unknown field', { ...base, discount: 5 }, ': Unrecognized key: "discount"'],
    [
      'an unknown field in the benefit',
      { ...base, benefit: { kind: 'order_percentage', basisPoints: 10, extra: 1 } },
      'benefit: Unrecognized key: "extra"',
    ],
    [
      'a code with odd characters',
      { ...base, trigger: { kind: 'code', codes: ['SAVE 10'] } },
      'trigger.codes.0: Discount codes are 3-32 letters, digits, "-" or "_".',
    ],
    [
      'the same code twice, in any case',
      { ...base, trigger: { kind: 'code', codes: ['SAVE10', 'save10'] } },
      'trigger.codes: The same code is listed twice.',
    ],
    ['no code', { ...base, trigger: { kind: 'code', codes: [] } }, 'trigger.codes: Add at least one code.'],
    [
      'amounts in two currencies',
      {
        ...base,
        benefit: { kind: 'order_fixed', amount: usd(500) },
        conditions: { minSubtotal: money(5000, 'EUR') },
      },
      'benefit: Every amount in a promotion must be in the same currency.',
    ],
    [
      'targets naming nothing',
      { ...base, benefit: { kind: 'items_percentage', basisPoints: 10, targets: {} } },
      'benefit.targets: Choose at least one product, category or collection.',
    ],
    [
      'a target that is not a product id',
      { ...base, benefit: { kind: 'items_percentage', basisPoints: 10, targets: { productIds: ['mug'] } } },
      'benefit.targets.productIds.0: Expected a product id (prod_…).',
    ],
    ['a zero usage limit', { ...base, usageLimit: 0 }, 'usageLimit: Too small: expected number to be >0'],
    [
      'a per-customer limit above the total',
      { ...base, usageLimit: 1, perCustomerLimit: 2 },
      'perCustomerLimit: The per-customer limit cannot be more than the total limit.',
    ],
    [
      'a bad email',
      { ...base, conditions: { customerEmails: ['not-an-email'] } },
      'conditions.customerEmails.0: Enter an email address like name@example.com',
    ],
    [
      'a bad country',
      { ...base, conditions: { shippingCountries: ['XX'] } },
      'conditions.shippingCountries.0: Use a two-letter country code.',
    ],
    ['no name', { ...base, name: ' ' }, 'name: Give the promotion a name.'],
  ];
  it.each(cases)('refuses %s', (_, input, message) => {
    expect(problems(input)).toContain(message);
  });
});
