import type { Result } from '@domain/core/result';
import { money } from '@domain/pricing/money';
import type { Promotion } from '@domain/pricing/promotions';
import { codePromotion, enter, guest, ids, promotion } from '@tests/support/promotion-fixtures';
import { describe, expect, it } from 'vitest';
import { type CartTotals, type PromotionContext, priceCart } from './cart-totals';

function usd(amount: number) {
  return money(amount, 'USD');
}
const NOW = Date.UTC(2026, 5, 1);

/** Promotions context for a guest at NOW: `code` entered, looked up among `promos`; `automatic` always on. */
function withCode(code: string, promos: Promotion[], automatic: Promotion[] = []): PromotionContext {
  return { customer: guest, shippingCountry: null, now: NOW, automatic, codes: enter([code], promos) };
}
/** Tax-exclusive prices, shipping taxable, one rate (ppm) for standard goods. */
function exclusive(standard: number) {
  return { pricesIncludeTax: false, shippingTaxable: true, ratesPpm: { standard } };
}

function value(r: Result<CartTotals>): CartTotals {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.detail}`);
  return r.value;
}

const lines = [
  { sku: 'MUG-BLUE', quantity: 2, unitPrice: usd(1250) },
  { sku: 'TEE-L', quantity: 1, unitPrice: usd(1999) },
];

describe('priceCart', () => {
  it('prices lines, subtotal and item count with nothing else', () => {
    const t = value(priceCart({ lines, currency: 'USD' }));
    expect(t.lines.map((l) => l.lineTotal)).toEqual([usd(2500), usd(1999)]);
    expect(t.subtotal).toEqual(usd(4499));
    expect(t.discountTotal).toEqual(usd(0));
    expect(t.shippingTotal).toEqual(usd(0));
    expect(t.taxTotal).toEqual(usd(0));
    expect(t.total).toEqual(usd(4499));
    expect(t.itemCount).toBe(3);
    expect(t.shippingDiscount).toEqual(usd(0));
    expect(t.promotions).toBeNull();
  });

  it('taxes each line after its discount share, and shipping, each rounded half-even', () => {
    const promo = codePromotion('FIVEOFF', { benefit: { kind: 'order_fixed', amount: usd(500) } });
    const t = value(
      priceCart({
        lines,
        currency: 'USD',
        promotions: withCode('fiveoff', [promo]),
        shipping: usd(795),
        tax: exclusive(72_500),
      }),
    );
    // Discount shares 278 + 222; lines 2222 × 7.25% = 161.095 → 161, 1777 × 7.25% = 128.83 → 129;
    // shipping 795 × 7.25% = 57.64 → 58.
    expect(t.lines.map((l) => [l.discount.amount, l.tax.amount, l.taxRatePpm])).toEqual([
      [278, 161, 72_500],
      [222, 129, 72_500],
    ]);
    expect(t.shippingTax).toEqual(usd(58));
    expect(t.discountTotal).toEqual(usd(500));
    expect(t.shippingTotal).toEqual(usd(795));
    expect(t.taxTotal).toEqual(usd(348));
    expect(t.total).toEqual(usd(4794 + 348));
    expect(t.promotions?.appliedCodes).toEqual(['FIVEOFF']);
  });

  it('rounds an exact half of tax to even', () => {
    // 10% of 25 = 2.5 → 2; of 35 = 3.5 → 4
    function at(amount: number) {
      return value(
        priceCart({
          lines: [{ sku: 'A', quantity: 1, unitPrice: usd(amount) }],
          currency: 'USD',
          tax: exclusive(100_000),
        }),
      );
    }
    expect(at(25).taxTotal).toEqual(usd(2));
    expect(at(35).taxTotal).toEqual(usd(4));
  });

  it('spreads the discount across lines so the shares sum exactly', () => {
    const promo = codePromotion('SAVE10', { benefit: { kind: 'order_percentage', basisPoints: 1000 } });
    const t = value(priceCart({ lines, currency: 'USD', promotions: withCode('SAVE10', [promo]) }));
    expect(t.discountTotal).toEqual(usd(450)); // 449.9 → 450
    expect(t.lines.map((l) => l.discount.amount)).toEqual([250, 200]);
    expect(t.total).toEqual(usd(4049));
  });

  it('prices without a code that does not apply and says why', () => {
    const promo = codePromotion('BIG', {
      benefit: { kind: 'order_percentage', basisPoints: 2000 },
      conditions: { minSubtotal: usd(10_000) },
    });
    const t = value(priceCart({ lines, currency: 'USD', promotions: withCode('BIG', [promo]) }));
    expect(t.discountTotal).toEqual(usd(0));
    expect(t.total).toEqual(usd(4499));
    expect(t.promotions?.appliedCodes).toEqual([]);
    expect(t.promotions?.rejections.map((r) => [r.rejection.reason, r.message])).toEqual([
      ['BELOW_MINIMUM_SUBTOTAL', 'Add $55.01 more to use BIG (minimum subtotal $100.00).'],
    ]);
  });

  it('never lets a discount push the total below shipping + tax', () => {
    const promo = codePromotion('HUGE', { benefit: { kind: 'order_fixed', amount: usd(1_000_000) } });
    const t = value(
      priceCart({
        lines,
        currency: 'USD',
        promotions: withCode('HUGE', [promo]),
        shipping: usd(500),
        tax: exclusive(100_000),
      }),
    );
    expect(t.discountTotal).toEqual(usd(4499));
    expect(t.taxTotal).toEqual(usd(50));
    expect(t.total).toEqual(usd(550));
  });

  it('charges nothing for an empty cart, even with shipping and a code', () => {
    const promo = codePromotion('FIVEOFF', { benefit: { kind: 'order_fixed', amount: usd(500) } });
    const t = value(
      priceCart({
        lines: [],
        currency: 'USD',
        shipping: usd(795),
        tax: exclusive(72_500),
        promotions: withCode('FIVEOFF', [promo]),
      }),
    );
    expect(t.promotions?.rejections[0]?.message).toBe('Add items to your cart to use FIVEOFF.');
    expect(t.total).toEqual(usd(0));
    expect(t.shippingTotal).toEqual(usd(0));
    expect(t.itemCount).toBe(0);
    expect(t.lines).toEqual([]);
  });

  it('works in zero-decimal currencies', () => {
    function yen(n: number) {
      return money(n, 'JPY');
    }
    const t = value(
      priceCart({
        lines: [{ sku: 'A', quantity: 3, unitPrice: yen(333) }],
        currency: 'JPY',
        tax: exclusive(100_000),
      }),
    );
    expect(t.subtotal).toEqual(yen(999));
    expect(t.taxTotal).toEqual(yen(100)); // 99.9 → 100
    expect(t.total).toEqual(yen(1099));
  });

  it('fails on a line or shipping in another currency', () => {
    const r = priceCart({
      lines: [...lines, { sku: 'EU', quantity: 1, unitPrice: money(100, 'EUR') }],
      currency: 'USD',
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'CURRENCY_MISMATCH',
        detail: 'Item EU is priced in EUR, but the cart is in USD.',
        meta: { expected: 'USD', found: 'EUR' },
      },
    });
    const s = priceCart({ lines, currency: 'USD', shipping: money(500, 'GBP') });
    expect(s.ok ? null : s.error.code).toBe('CURRENCY_MISMATCH');
  });

  it('fails on out-of-range quantities, naming the line', () => {
    for (const quantity of [0, 100, 1.5, -2]) {
      const r = priceCart({ lines: [{ sku: 'A', quantity, unitPrice: usd(100) }], currency: 'USD' });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('QUANTITY_OUT_OF_RANGE');
        expect(r.error.meta?.sku).toBe('A');
      }
    }
  });

  it('fails on too many lines', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ sku: `S${i}`, quantity: 1, unitPrice: usd(100) }));
    const r = priceCart({ lines: many, currency: 'USD' });
    expect(r.ok ? null : r.error.code).toBe('CART_LINE_LIMIT');
    expect(priceCart({ lines: many.slice(0, 50), currency: 'USD' }).ok).toBe(true);
  });

  it('is deterministic for the same input (server and browser agree)', () => {
    const input = { lines, currency: 'USD', shipping: usd(795), tax: exclusive(88_700) };
    expect(priceCart(input)).toEqual(priceCart(structuredClone(input)));
  });

  it('rounds per line, so the order tax is the sum of its lines (not the tax of the sum)', () => {
    // Three lines of 5 at 10%: each 0.5 → 0 (half-even); the tax of the sum (15 → 1.5) would be 2.
    const t = value(
      priceCart({
        lines: ['A', 'B', 'C'].map((sku) => ({ sku, quantity: 1, unitPrice: usd(5) })),
        currency: 'USD',
        tax: exclusive(100_000),
      }),
    );
    expect(t.lines.map((l) => l.tax.amount)).toEqual([0, 0, 0]);
    expect(t.taxTotal).toEqual(usd(0));
    expect(t.total).toEqual(usd(15));
  });

  it("applies each line's category rate, and leaves shipping untaxed when the store says so", () => {
    const t = value(
      priceCart({
        lines: [
          { sku: 'BOOK', quantity: 1, unitPrice: usd(2000), taxCategory: 'reduced' },
          { sku: 'TEE', quantity: 1, unitPrice: usd(2000) },
          { sku: 'GIFTCARD', quantity: 1, unitPrice: usd(2000), taxCategory: 'zero' },
        ],
        currency: 'USD',
        shipping: usd(1000),
        tax: {
          pricesIncludeTax: false,
          shippingTaxable: false,
          ratesPpm: { standard: 190_000, reduced: 70_000 },
        },
      }),
    );
    expect(t.lines.map((l) => l.tax.amount)).toEqual([140, 380, 0]);
    expect(t.shippingTax).toEqual(usd(0));
    expect(t.taxTotal).toEqual(usd(520));
    expect(t.total).toEqual(usd(7520));
  });

  it('finds the tax inside tax-inclusive prices without changing what the shopper pays', () => {
    const t = value(
      priceCart({
        lines: [{ sku: 'TEE', quantity: 2, unitPrice: usd(2380) }],
        currency: 'USD',
        shipping: usd(595),
        tax: { pricesIncludeTax: true, shippingTaxable: true, ratesPpm: { standard: 190_000 } },
      }),
    );
    // 4760 / 1.19 = 4000 net, so 760 tax; shipping 595 / 1.19 = 500, so 95.
    expect(t.lines[0]!.tax).toEqual(usd(760));
    expect(t.shippingTax).toEqual(usd(95));
    expect(t.taxTotal).toEqual(usd(855));
    expect(t.pricesIncludeTax).toBe(true);
    expect(t.total).toEqual(usd(4760 + 595));
  });
});

describe('priceCart with promotions', () => {
  const mug = { sku: 'MUG', quantity: 2, unitPrice: usd(1000), productId: ids.product('mug') };
  const tee = {
    sku: 'TEE',
    quantity: 1,
    unitPrice: usd(3000),
    productId: ids.product('tee'),
    categoryIds: [ids.category('apparel')],
  };

  it('takes free shipping off shippingTotal and taxes what shipping is left', () => {
    const free = codePromotion('SHIPFREE', { benefit: { kind: 'free_shipping', maxShipping: usd(500) } });
    const t = value(
      priceCart({
        lines: [mug],
        currency: 'USD',
        shipping: usd(795),
        tax: exclusive(100_000),
        promotions: withCode('SHIPFREE', [free]),
      }),
    );
    expect(t.shippingDiscount).toEqual(usd(500));
    expect(t.shippingTotal).toEqual(usd(295));
    expect(t.discountTotal).toEqual(usd(0));
    expect(t.shippingTax).toEqual(usd(30)); // 29.5 → 30 (even)
    expect(t.total).toEqual(usd(2000 + 200 + 295 + 30));
  });

  it('discounts only the targeted line, and taxes each line after its own discount', () => {
    const apparel = promotion({
      trigger: { kind: 'automatic' },
      benefit: {
        kind: 'items_percentage',
        basisPoints: 2500,
        targets: { categoryIds: [ids.category('apparel')] },
      },
    });
    const t = value(
      priceCart({
        lines: [mug, tee],
        currency: 'USD',
        tax: exclusive(100_000),
        promotions: { ...withCode('NONE', [], [apparel]), codes: [] },
      }),
    );
    expect(t.lines.map((l) => [l.sku, l.discount.amount, l.tax.amount])).toEqual([
      ['MUG', 0, 200],
      ['TEE', 750, 225],
    ]);
    expect(t.discountTotal).toEqual(usd(750));
    expect(t.total).toEqual(usd(5000 - 750 + 425));
    expect(t.promotions?.applied.map((a) => a.promotionId)).toEqual([apparel.id]);
  });

  it('lines without product ids get order-wide promotions but no targeted ones', () => {
    const apparel = codePromotion('APPAREL', {
      benefit: { kind: 'items_fixed', amount: usd(500), targets: { categoryIds: [ids.category('apparel')] } },
    });
    const t = value(priceCart({ lines, currency: 'USD', promotions: withCode('APPAREL', [apparel]) }));
    expect(t.discountTotal).toEqual(usd(0));
    expect(t.promotions?.rejections[0]?.message).toBe('No items in your cart qualify.');
  });
});
