import type { Result } from '@domain/core/result';
import { money } from '@domain/pricing/money';
import {
  codePromotion,
  DAY,
  enter,
  evaluation,
  guest,
  ids,
  line,
  promotion,
  T0,
  usd,
} from '@tests/support/promotion-fixtures';
import { describe, expect, it } from 'vitest';
import { type EvaluationInput, evaluatePromotions, type PromotionEvaluation } from './evaluate';
import type { Promotion } from './schema';

function value(r: Result<PromotionEvaluation>): PromotionEvaluation {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.detail}`);
  return r.value;
}
/** Evaluates with `codes` entered among `promos` (automatic ones in `promos` always take part). */
function run(promos: Promotion[], codes: string[], over: Partial<EvaluationInput> = {}) {
  return value(
    evaluatePromotions(
      evaluation({
        lines: cart,
        automatic: promos.filter((p) => p.trigger.kind === 'automatic'),
        codes: enter(codes, promos),
        ...over,
      }),
    ),
  );
}
const amounts = (e: PromotionEvaluation) => e.lineDiscounts.map((m) => m.amount);
const messages = (e: PromotionEvaluation) => e.rejections.map((r) => [r.code, r.rejection.reason, r.message]);

// 2 mugs at $12.50 (kitchen), 1 tee at $19.99 (apparel, summer collection): $44.99.
const cart = [
  line('mug', 2, 1250, { categories: ['kitchen'] }),
  line('tee', 1, 1999, { categories: ['apparel'], collections: ['summer'] }),
];
const orderPct = (bps: number) => ({ kind: 'order_percentage', basisPoints: bps });

describe('benefits', () => {
  const cases: [string, Record<string, unknown>, number[], number][] = [
    // 10% of 4499 = 449.9 → 450, split 2500:1999 by largest remainder.
    ['percentage off the order', orderPct(1000), [250, 200], 0],
    ['fixed amount off the order', { kind: 'order_fixed', amount: usd(500) }, [278, 222], 0],
    ['fixed amount larger than the order', { kind: 'order_fixed', amount: usd(1_000_000) }, [2500, 1999], 0],
    [
      'percentage off a product',
      { kind: 'items_percentage', basisPoints: 2000, targets: { productIds: [ids.product('mug')] } },
      [500, 0],
      0,
    ],
    [
      'percentage off a category',
      { kind: 'items_percentage', basisPoints: 2000, targets: { categoryIds: [ids.category('apparel')] } },
      [0, 400], // 399.8 → 400
      0,
    ],
    [
      'percentage off a collection, a line matching twice counted once',
      {
        kind: 'items_percentage',
        basisPoints: 5000,
        targets: {
          productIds: [ids.product('tee')],
          categoryIds: [ids.category('apparel')],
          collectionIds: [ids.collection('summer')],
        },
      },
      [0, 1000], // 999.5 → 1000 (half-even)
      0,
    ],
    [
      'fixed amount off chosen items, split over them',
      {
        kind: 'items_fixed',
        amount: usd(1000),
        targets: { categoryIds: [ids.category('kitchen'), ids.category('apparel')] },
      },
      [556, 444],
      0,
    ],
    [
      'fixed amount off chosen items, never more than they cost',
      { kind: 'items_fixed', amount: usd(5000), targets: { productIds: [ids.product('tee')] } },
      [0, 1999],
      0,
    ],
    ['free shipping', { kind: 'free_shipping' }, [0, 0], 795],
    ['free shipping up to a maximum', { kind: 'free_shipping', maxShipping: usd(500) }, [0, 0], 500],
  ];
  it.each(cases)('%s', (_, benefit, lines, shipping) => {
    const e = run([codePromotion('DEAL', { benefit })], ['DEAL'], { shipping: usd(795) });
    expect(e.rejections).toEqual([]);
    expect(amounts(e)).toEqual(lines);
    expect(e.shippingDiscount).toEqual(usd(shipping));
    expect(e.itemsDiscount).toEqual(usd(lines[0]! + lines[1]!));
    expect(e.total).toEqual(usd(lines[0]! + lines[1]! + shipping));
    expect(e.appliedCodes).toEqual(['DEAL']);
    expect(e.applied[0]!.total).toEqual(e.total);
    // Each applied promotion lists the lines it touches, by SKU.
    expect(e.applied[0]!.lines).toEqual(
      cart.flatMap((l, i) => (lines[i]! > 0 ? [{ sku: l.sku, discount: usd(lines[i]!) }] : [])),
    );
  });

  it('free shipping applies before a shipping option is chosen, saving nothing yet', () => {
    const e = run([codePromotion('SHIP', { benefit: { kind: 'free_shipping' } })], ['SHIP']);
    expect(e.appliedCodes).toEqual(['SHIP']);
    expect(e.total).toEqual(usd(0));
  });

  it('says so when no item is targeted', () => {
    const none = {
      kind: 'items_percentage',
      basisPoints: 1000,
      targets: { productIds: [ids.product('hat')] },
    };
    const e = run([codePromotion('HATS', { benefit: none })], ['HATS']);
    expect(messages(e)).toEqual([['HATS', 'NO_QUALIFYING_ITEMS', 'No items in your cart qualify.']]);
    expect(e.total).toEqual(usd(0));
  });
});

describe('buy X get Y', () => {
  const tees = { categoryIds: [ids.category('tees')] };
  const shirts = (qty: number) => [
    line('tee-a', qty, 3000, { categories: ['tees'] }),
    line('tee-b', qty, 1000, { categories: ['tees'] }),
    line('tee-c', qty, 2000, { categories: ['tees'] }),
  ];
  const buy2get1 = (more: Record<string, unknown> = {}) =>
    codePromotion('B2G1', {
      benefit: {
        kind: 'buy_x_get_y',
        buy: { quantity: 2, targets: tees },
        get: { quantity: 1, targets: tees, basisPoints: 10_000 },
        ...more,
      },
    });

  it('gives the cheapest unit free, with mixed prices', () => {
    expect(amounts(run([buy2get1()], ['B2G1'], { lines: shirts(1) }))).toEqual([0, 1000, 0]);
  });

  it('repeats for every full set, on the cheapest units', () => {
    // 6 units make 2 sets: the two cheapest units (both tee-b) are free.
    expect(amounts(run([buy2get1()], ['B2G1'], { lines: shirts(2) }))).toEqual([0, 2000, 0]);
    // 9 units, 3 sets: three cheapest units are 3 × tee-b.
    expect(amounts(run([buy2get1()], ['B2G1'], { lines: shirts(3) }))).toEqual([0, 3000, 0]);
  });

  it('stops at the most applications per order', () => {
    const e = run([buy2get1({ maxApplications: 1 })], ['B2G1'], { lines: shirts(3) });
    expect(amounts(e)).toEqual([0, 1000, 0]);
  });

  it('gets from another set at a percentage off', () => {
    const offer = codePromotion('SOCKS', {
      benefit: {
        kind: 'buy_x_get_y',
        buy: { quantity: 1, targets: { categoryIds: [ids.category('shoes')] } },
        get: { quantity: 1, targets: { categoryIds: [ids.category('socks')] }, basisPoints: 5000 },
      },
    });
    const lines = [
      line('boot', 1, 8000, { categories: ['shoes'] }),
      line('wool-sock', 2, 600, { categories: ['socks'] }),
      line('cotton-sock', 1, 400, { categories: ['socks'] }),
    ];
    expect(amounts(run([offer], ['SOCKS'], { lines }))).toEqual([0, 0, 200]);
    // Socks alone buy nothing.
    const e = run([offer], ['SOCKS'], { lines: lines.slice(1) });
    expect(messages(e)).toEqual([
      ['SOCKS', 'NOT_ENOUGH_ITEMS', 'Buy 1 qualifying item to get 1 at the offer price.'],
    ]);
  });

  it('keeps enough units bought when the sets overlap', () => {
    // Buy {A, B}, get {B, C}: A is bought, the 2 B are both-way, C can only be got. Two sets: buy A + B, get B + C.
    const offer = codePromotion('MIX', {
      benefit: {
        kind: 'buy_x_get_y',
        buy: { quantity: 1, targets: { productIds: [ids.product('a'), ids.product('b')] } },
        get: {
          quantity: 1,
          targets: { productIds: [ids.product('b'), ids.product('c')] },
          basisPoints: 10_000,
        },
      },
    });
    const lines = [line('a', 1, 3000), line('b', 2, 500), line('c', 1, 2000)];
    expect(amounts(run([offer], ['MIX'], { lines }))).toEqual([0, 500, 2000]);
  });

  it('needs a full set', () => {
    const e = run([buy2get1()], ['B2G1'], { lines: shirts(1).slice(0, 2) });
    expect(messages(e)).toEqual([
      ['B2G1', 'NOT_ENOUGH_ITEMS', 'Buy 2 qualifying items to get 1 at the offer price.'],
    ]);
    const other = run([buy2get1()], ['B2G1']);
    expect(other.rejections[0]?.rejection.reason).toBe('NO_QUALIFYING_ITEMS');
  });
});

describe('conditions and the reasons a code does not apply', () => {
  const ann = 'ann@example.com';
  const signedIn = { signedIn: true, customerId: ids.customer('ann'), email: ann, previousOrders: 0 };
  type Case = [string, Record<string, unknown>, Partial<EvaluationInput>, string | null, string | null];
  const cases: Case[] = [
    ['minimum subtotal met exactly', { conditions: { minSubtotal: usd(4499) } }, {}, null, null],
    [
      'minimum subtotal missed',
      { conditions: { minSubtotal: usd(5000) } },
      { lines: [line('mug', 2, 1900)] },
      'BELOW_MINIMUM_SUBTOTAL',
      'Add $12.00 more to use SUMMER10 (minimum subtotal $50.00).',
    ],
    ['minimum quantity met', { conditions: { minQuantity: 3 } }, {}, null, null],
    [
      'minimum quantity missed',
      { conditions: { minQuantity: 5 } },
      {},
      'BELOW_MINIMUM_QUANTITY',
      'Add 2 more items to use SUMMER10 (minimum 5).',
    ],
    ['signed in only, signed in', { conditions: { signedInOnly: true } }, { customer: signedIn }, null, null],
    [
      'signed in only, as a guest',
      { conditions: { signedInOnly: true } },
      {},
      'SIGN_IN_REQUIRED',
      'Sign in to use this code.',
    ],
    ['first order, the first', { conditions: { firstOrderOnly: true } }, {}, null, null],
    [
      'first order, a second one',
      { conditions: { firstOrderOnly: true } },
      { customer: { ...signedIn, previousOrders: 1 } },
      'FIRST_ORDER_ONLY',
      'Only for first orders.',
    ],
    [
      'specific customers, listed account',
      { conditions: { customerIds: [ids.customer('ann')] } },
      { customer: signedIn },
      null,
      null,
    ],
    [
      'specific customers, another account',
      { conditions: { customerIds: [ids.customer('bob')] } },
      { customer: signedIn },
      'CUSTOMER_NOT_ELIGIBLE',
      'This code is not available for your account.',
    ],
    [
      'specific customers, an anonymous guest',
      { conditions: { customerIds: [ids.customer('ann')] } },
      {},
      'SIGN_IN_REQUIRED',
      'Sign in to use this code.',
    ],
    [
      'specific customers, a guest matched by email in any case',
      { conditions: { customerEmails: ['Ann@Example.com'] } },
      { customer: { ...guest, email: ' ANN@example.COM' } },
      null,
      null,
    ],
    [
      'specific customers, a guest with another email',
      { conditions: { customerEmails: [ann] } },
      { customer: { ...guest, email: 'bob@example.com' } },
      'CUSTOMER_NOT_ELIGIBLE',
      'This code is not available for your account.',
    ],
    [
      'shipping countries, listed',
      { conditions: { shippingCountries: ['us'] } },
      { shippingCountry: 'US' },
      null,
      null,
    ],
    [
      'shipping countries, another',
      { conditions: { shippingCountries: ['US'] } },
      { shippingCountry: 'CA' },
      'COUNTRY_NOT_ELIGIBLE',
      'Not valid for shipping to Canada.',
    ],
    [
      'shipping countries, no address yet',
      { conditions: { shippingCountries: ['US'] } },
      {},
      'SHIPPING_ADDRESS_REQUIRED',
      'Enter your shipping address to use SUMMER10.',
    ],
    [
      'another currency',
      { benefit: { kind: 'order_fixed', amount: money(500, 'EUR') } },
      {},
      'WRONG_CURRENCY',
      'This code only works for orders in EUR.',
    ],
    ['inactive', { active: false }, {}, 'INACTIVE', 'This code is no longer valid.'],
    ['starts now (inclusive)', { startsAt: T0, endsAt: T0 + DAY }, {}, null, null],
    [
      'not started',
      { startsAt: T0 + 1, endsAt: T0 + DAY },
      {},
      'NOT_STARTED',
      'This code is not active yet.',
    ],
    ['last moment before the end', { startsAt: T0 - DAY, endsAt: T0 + 1 }, {}, null, null],
    ['ends now (exclusive)', { startsAt: T0 - DAY, endsAt: T0 }, {}, 'EXPIRED', 'This code has expired.'],
    ['open-ended', { startsAt: null, endsAt: null }, {}, null, null],
    ['empty cart', {}, { lines: [] }, 'EMPTY_CART', 'Add items to your cart to use SUMMER10.'],
  ];
  it.each(cases)('%s', (_, rules, over, reason, message) => {
    const promo = codePromotion('SUMMER10', { benefit: orderPct(1000), ...rules });
    const e = run([promo], ['summer10'], over);
    if (reason == null) {
      expect(e.rejections).toEqual([]);
      expect(e.appliedCodes).toEqual(['SUMMER10']);
      expect(e.total.amount).toBeGreaterThan(0);
    } else {
      expect(messages(e)).toEqual([['SUMMER10', reason, message]]);
      expect(e.applied).toEqual([]);
      expect(e.total.amount).toBe(0);
    }
  });

  it('reports unknown and repeated codes', () => {
    const promo = codePromotion('SUMMER10', { benefit: orderPct(1000) });
    promo.trigger = { kind: 'code', codes: ['SUMMER10', 'SUNNY'] };
    const e = run([promo], ['NOPE', 'summer10', 'SUMMER10', 'sunny']);
    expect(messages(e)).toEqual([
      ['NOPE', 'UNKNOWN_CODE', 'Unknown code.'],
      ['SUMMER10', 'DUPLICATE_CODE', 'This code is already applied.'],
      ['SUNNY', 'DUPLICATE_CODE', 'This code is already applied.'],
    ]);
    expect(e.applied.map((a) => a.code)).toEqual(['SUMMER10']);
    expect(e.total).toEqual(usd(450));
  });

  it('says nothing about automatic promotions that do not apply', () => {
    const auto = promotion({
      trigger: { kind: 'automatic' },
      benefit: orderPct(1000),
      conditions: { minSubtotal: usd(100_000) },
    });
    const e = run([auto], []);
    expect(e).toMatchObject({ applied: [], rejections: [], total: usd(0) });
  });
});

describe('usage limits (counts come from the caller)', () => {
  const limited = codePromotion('ONCE', { benefit: orderPct(1000), usageLimit: 1, perCustomerLimit: 1 });
  const usage = (total: number, byCustomer: Record<string, number> = {}) => ({
    [limited.id]: { total, byCustomer },
  });

  it('stops at the total limit', () => {
    expect(run([limited], ['ONCE'], { usage: usage(0) }).appliedCodes).toEqual(['ONCE']);
    expect(messages(run([limited], ['ONCE'], { usage: usage(1) }))).toEqual([
      ['ONCE', 'USAGE_LIMIT_REACHED', 'This code has already been used.'],
    ]);
  });

  it('stops at the per-customer limit, matching guests by email in any case', () => {
    const many = codePromotion('TWICE', { benefit: orderPct(1000), perCustomerLimit: 2 });
    const used = { [many.id]: { total: 5, byCustomer: { 'email:ann@example.com': 2 } } };
    const asGuest = (email: string) => run([many], ['TWICE'], { usage: used, customer: { ...guest, email } });
    expect(messages(asGuest('Ann@Example.COM'))).toEqual([
      ['TWICE', 'CUSTOMER_LIMIT_REACHED', 'You have already used this code 2 times, the most allowed.'],
    ]);
    expect(asGuest('bob@example.com').appliedCodes).toEqual(['TWICE']);
  });

  it("counts an account's uses and its earlier guest uses together", () => {
    const ann = {
      signedIn: true,
      customerId: ids.customer('ann'),
      email: 'ann@example.com',
      previousOrders: 1,
    };
    const byAccount = usage(0, { [`customer:${ids.customer('ann')}`]: 1 });
    const asGuestBefore = usage(0, { 'email:ann@example.com': 1 });
    for (const u of [byAccount, asGuestBefore]) {
      expect(messages(run([limited], ['ONCE'], { usage: u, customer: ann }))).toEqual([
        ['ONCE', 'CUSTOMER_LIMIT_REACHED', 'You have already used this code.'],
      ]);
    }
  });

  it('lets an anonymous guest through the per-customer limit until checkout knows the email', () => {
    expect(
      run([limited], ['ONCE'], { usage: usage(0, { 'email:ann@example.com': 1 }) }).appliedCodes,
    ).toEqual(['ONCE']);
  });
});

describe('combining promotions', () => {
  const stackable = (code: string, benefit: Record<string, unknown>, priority = 0) =>
    codePromotion(code, { benefit, stackable: true, priority });

  it('applies stackable promotions in priority order, each on what is left', () => {
    const pct = stackable('PCT', orderPct(1000), 10);
    const fixed = stackable('FIXED', { kind: 'order_fixed', amount: usd(500) }, 0);
    // 10% of 4499 = 450, then 500: 950. The other way round: 500, then 10% of 3999 = 400: 900.
    expect(run([pct, fixed], ['FIXED', 'PCT']).total).toEqual(usd(950));
    expect(run([{ ...pct, priority: -1 }, fixed], ['FIXED', 'PCT']).total).toEqual(usd(900));
    const e = run([pct, fixed], ['FIXED', 'PCT']);
    expect(e.applied.map((a) => a.code)).toEqual(['PCT', 'FIXED']);
    expect(e.appliedCodes).toEqual(['FIXED', 'PCT']);
  });

  it('never discounts a line or shipping below zero, however many stack', () => {
    const all = stackable('ALL', orderPct(10_000), 2);
    const more = stackable('MORE', { kind: 'order_fixed', amount: usd(100) }, 1);
    const ship1 = stackable('SHIP1', { kind: 'free_shipping' });
    const ship2 = stackable('SHIP2', { kind: 'free_shipping' });
    const e = run([all, more, ship1, ship2], ['ALL', 'MORE', 'SHIP1', 'SHIP2'], { shipping: usd(795) });
    expect(amounts(e)).toEqual([2500, 1999]);
    expect(e.shippingDiscount).toEqual(usd(795));
    expect(e.applied.map((a) => a.total.amount)).toEqual([4499, 0, 795, 0]);
  });

  it('gives the best deal when a non-stackable promotion competes, and says why the other code lost', () => {
    const freeShip = codePromotion('FREESHIP', { benefit: { kind: 'free_shipping' } });
    const save10 = stackable('SAVE10', orderPct(1000));
    const e = run([freeShip, save10], ['SAVE10', 'FREESHIP'], { shipping: usd(1500) });
    expect(e.appliedCodes).toEqual(['FREESHIP']);
    expect(e.total).toEqual(usd(1500));
    expect(messages(e)).toEqual([
      ['SAVE10', 'NOT_COMBINABLE', 'Cannot be combined with FREESHIP, which saves you more.'],
    ]);
    // With cheap shipping the stackable code saves more, and the free shipping code is the one refused.
    const cheap = run([freeShip, save10], ['SAVE10', 'FREESHIP'], { shipping: usd(300) });
    expect(cheap.appliedCodes).toEqual(['SAVE10']);
    expect(messages(cheap)).toEqual([
      ['FREESHIP', 'NOT_COMBINABLE', 'Cannot be combined with SAVE10, which saves you more.'],
    ]);
  });

  it('names an automatic promotion that wins by its name', () => {
    const sale = promotion({ name: 'Summer sale', trigger: { kind: 'automatic' }, benefit: orderPct(2000) });
    const code = codePromotion('SAVE10', { benefit: orderPct(1000) });
    const e = run([sale, code], ['SAVE10']);
    expect(e.applied.map((a) => [a.name, a.code])).toEqual([['Summer sale', null]]);
    expect(e.rejections[0]?.message).toBe('Cannot be combined with Summer sale, which saves you more.');
  });

  it('breaks ties: the stackable set first, then priority, then the smaller id', () => {
    const single = codePromotion('SINGLE', { benefit: { kind: 'order_fixed', amount: usd(450) } });
    const stack = stackable('STACK', orderPct(1000)); // also 450
    expect(run([single, stack], ['SINGLE', 'STACK']).appliedCodes).toEqual(['STACK']);
    const low = codePromotion('LOW', { benefit: orderPct(1000), priority: 1 }, 'promo_A');
    const high = codePromotion('HIGH', { benefit: orderPct(1000), priority: 2 }, 'promo_B');
    expect(run([low, high], ['LOW', 'HIGH']).appliedCodes).toEqual(['HIGH']);
    const b = codePromotion('BBB', { benefit: orderPct(1000) }, 'promo_B');
    const a = codePromotion('AAA', { benefit: orderPct(1000) }, 'promo_A');
    expect(run([b, a], ['BBB', 'AAA']).appliedCodes).toEqual(['AAA']);
  });
});

describe('rounding', () => {
  it('rounds percentages half-even on the discounted amount', () => {
    const at = (price: number) =>
      run([codePromotion('TEN', { benefit: orderPct(1000) })], ['TEN'], { lines: [line('x', 1, price)] })
        .total.amount;
    expect(at(1025)).toBe(102); // 102.5 → 102
    expect(at(1035)).toBe(104); // 103.5 → 104
  });

  it('splits every discount into line shares that sum to it exactly and never exceed a line', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let trial = 0; trial < 200; trial++) {
      const lines = Array.from({ length: 1 + next(8) }, (_, i) => line(`p${i}`, 1 + next(5), 1 + next(5000)));
      const benefit =
        next(2) === 0 ? orderPct(1 + next(10_000)) : { kind: 'order_fixed', amount: usd(1 + next(20_000)) };
      const e = run([codePromotion('RND', { benefit })], ['RND'], { lines });
      const shares = amounts(e);
      expect(shares.reduce((s, n) => s + n, 0)).toBe(e.itemsDiscount.amount);
      shares.forEach((s, i) => {
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(lines[i]!.unitPrice.amount * lines[i]!.quantity);
      });
    }
  });
});

describe('currencies', () => {
  it('refuses a cart mixing currencies', () => {
    const r = evaluatePromotions(evaluation({ lines: [...cart, line('eu', 1, money(100, 'EUR'))] }));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'CURRENCY_MISMATCH',
        detail: 'Item SKU-EU is priced in EUR, but the cart is in USD.',
        meta: { expected: 'USD', found: 'EUR' },
      },
    });
    const s = evaluatePromotions(evaluation({ lines: cart, shipping: money(500, 'GBP') }));
    expect(s.ok ? null : s.error.code).toBe('CURRENCY_MISMATCH');
  });

  it('applies a percentage promotion in any currency', () => {
    const e = run([codePromotion('TEN', { benefit: orderPct(1000) })], ['TEN'], {
      currency: 'JPY',
      lines: [line('x', 3, money(333, 'JPY'))],
    });
    expect(e.total).toEqual(money(100, 'JPY')); // 99.9 → 100
  });
});
