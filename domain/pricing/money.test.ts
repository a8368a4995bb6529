import { describe, expect, it } from 'vitest';
import {
  addMoney,
  allocate,
  CURRENCY_MINOR_UNITS,
  compareMoney,
  isCurrencyCode,
  MoneySchema,
  minMoney,
  minorUnitsOf,
  money,
  multiplyMoney,
  percentOf,
  subtractMoney,
  sumMoney,
  toDecimalString,
  zeroMoney,
} from './money';

function usd(amount: number) {
  return money(amount, 'USD');
}

describe('money()', () => {
  it('builds values in supported currencies', () => {
    expect(money(1999, 'USD')).toEqual({ amount: 1999, currency: 'USD' });
    expect(money(-5, 'JPY')).toEqual({ amount: -5, currency: 'JPY' });
    expect(money(-0, 'USD').amount).toBe(0);
    expect(Object.is(money(-0, 'USD').amount, 0)).toBe(true);
  });

  it('rejects fractional, non-finite and unsafe amounts', () => {
    expect(() => money(19.99, 'USD')).toThrow(RangeError);
    expect(() => money(Number.NaN, 'USD')).toThrow(RangeError);
    expect(() => money(Number.POSITIVE_INFINITY, 'USD')).toThrow(RangeError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, 'USD')).toThrow(RangeError);
    expect(money(Number.MAX_SAFE_INTEGER, 'USD').amount).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('rejects unknown or badly cased currencies', () => {
    expect(() => money(1, 'usd')).toThrow(RangeError);
    expect(() => money(1, 'XXX')).toThrow(RangeError);
    expect(() => money(1, 'toString')).toThrow(RangeError);
  });

  it('knows minor units', () => {
    expect(CURRENCY_MINOR_UNITS.USD).toBe(2);
    expect(minorUnitsOf('JPY')).toBe(0);
    expect(minorUnitsOf('KWD')).toBe(3);
    expect(isCurrencyCode('GBP')).toBe(true);
    expect(isCurrencyCode('constructor')).toBe(false);
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, multiplies and sums', () => {
    expect(addMoney(usd(150), usd(250))).toEqual(usd(400));
    expect(subtractMoney(usd(100), usd(250))).toEqual(usd(-150));
    expect(multiplyMoney(usd(1999), 3)).toEqual(usd(5997));
    expect(multiplyMoney(usd(1999), 0)).toEqual(usd(0));
    expect(sumMoney([usd(1), usd(2), usd(3)], 'USD')).toEqual(usd(6));
    expect(sumMoney([], 'EUR')).toEqual(zeroMoney('EUR'));
  });

  it('keeps 0.1 + 0.2 exact in minor units', () => {
    expect(addMoney(usd(10), usd(20)).amount).toBe(30);
  });

  it('throws on currency mismatch (a bug, not user input)', () => {
    const eur = money(100, 'EUR');
    expect(() => addMoney(usd(1), eur)).toThrow(/currency mismatch/);
    expect(() => subtractMoney(usd(1), eur)).toThrow(TypeError);
    expect(() => sumMoney([usd(1)], 'EUR')).toThrow(TypeError);
    expect(() => compareMoney(usd(1), eur)).toThrow(TypeError);
  });

  it('rejects fractional quantities and overflow', () => {
    expect(() => multiplyMoney(usd(100), 1.5)).toThrow(RangeError);
    expect(() => multiplyMoney(usd(Number.MAX_SAFE_INTEGER), 2)).toThrow(RangeError);
    expect(() => addMoney(usd(Number.MAX_SAFE_INTEGER), usd(1))).toThrow(RangeError);
  });

  it('compares and picks the minimum', () => {
    expect(compareMoney(usd(1), usd(2))).toBe(-1);
    expect(compareMoney(usd(2), usd(2))).toBe(0);
    expect(compareMoney(usd(3), usd(2))).toBe(1);
    expect(minMoney(usd(3), usd(2))).toEqual(usd(2));
  });
});

describe('percentOf (half-even)', () => {
  it('computes exact percentages', () => {
    expect(percentOf(usd(10_000), 725)).toEqual(usd(725));
    expect(percentOf(usd(1999), 10_000)).toEqual(usd(1999));
    expect(percentOf(usd(1999), 0)).toEqual(usd(0));
  });

  it('rounds exact halves to the even neighbour', () => {
    // 50 × 1000 bps = 5.0 → exact; 25 × 1000 bps = 2.5 → 2; 35 × 1000 bps = 3.5 → 4
    expect(percentOf(usd(25), 1000).amount).toBe(2);
    expect(percentOf(usd(35), 1000).amount).toBe(4);
    expect(percentOf(usd(-25), 1000).amount).toBe(-2);
    expect(percentOf(usd(-35), 1000).amount).toBe(-4);
    expect(percentOf(usd(1), 5000).amount).toBe(0); // 0.5 → 0
    expect(percentOf(usd(3), 5000).amount).toBe(2); // 1.5 → 2
  });

  it('rounds non-halves to nearest', () => {
    expect(percentOf(usd(1999), 725).amount).toBe(145); // 144.9275
    expect(percentOf(usd(26), 1000).amount).toBe(3); // 2.6
    expect(percentOf(usd(24), 1000).amount).toBe(2); // 2.4
    expect(percentOf(usd(-26), 1000).amount).toBe(-3);
  });

  it('stays exact for huge amounts where float maths would not', () => {
    const big = usd(Number.MAX_SAFE_INTEGER); // 9007199254740991
    expect(percentOf(big, 5000).amount).toBe(4503599627370496); // …495.5 → even …496
  });

  it('rejects fractional or negative basis points', () => {
    expect(() => percentOf(usd(100), 7.25)).toThrow(RangeError);
    expect(() => percentOf(usd(100), -1)).toThrow(RangeError);
  });
});

describe('allocate', () => {
  function amounts(ms: { amount: number }[]) {
    return ms.map((m) => m.amount);
  }

  it('splits proportionally and sums exactly', () => {
    expect(amounts(allocate(usd(100), [1, 1, 1]))).toEqual([34, 33, 33]);
    expect(amounts(allocate(usd(1000), [3000, 1000]))).toEqual([750, 250]);
    expect(amounts(allocate(usd(5), [1, 2]))).toEqual([2, 3]); // 1.67 / 3.33 → larger remainder wins
  });

  it('gives leftovers to the largest remainders, earlier part on ties', () => {
    expect(amounts(allocate(usd(2), [1, 1, 1]))).toEqual([1, 1, 0]);
    expect(amounts(allocate(usd(10), [1, 3]))).toEqual([3, 7]); // 2.5 / 7.5 tie → first
  });

  it('handles zero weights, all-zero weights, zero and negative amounts', () => {
    expect(amounts(allocate(usd(100), [0, 5]))).toEqual([0, 100]);
    expect(amounts(allocate(usd(7), [0, 0, 0]))).toEqual([3, 2, 2]);
    expect(amounts(allocate(usd(0), [1, 2]))).toEqual([0, 0]);
    expect(amounts(allocate(usd(-100), [1, 1, 1]))).toEqual([-34, -33, -33]);
  });

  it('sums exactly for awkward inputs', () => {
    const weights = [1999, 1, 333, 7777, 12];
    for (const total of [1, 97, 12345, 9_999_999_999]) {
      const parts = allocate(usd(total), weights);
      expect(sumMoney(parts, 'USD').amount).toBe(total);
      expect(parts.every((p) => p.amount >= 0)).toBe(true);
    }
  });

  it('rejects empty, negative or fractional weights', () => {
    expect(() => allocate(usd(1), [])).toThrow(RangeError);
    expect(() => allocate(usd(1), [1, -1])).toThrow(RangeError);
    expect(() => allocate(usd(1), [0.5])).toThrow(RangeError);
  });
});

describe('MoneySchema', () => {
  it('accepts valid money', () => {
    expect(MoneySchema.parse({ amount: 1999, currency: 'USD' })).toEqual(usd(1999));
    expect(MoneySchema.safeParse({ amount: 0, currency: 'JPY' }).success).toBe(true);
  });

  it('rejects floats, negatives, unknown currencies and extra keys', () => {
    expect(MoneySchema.safeParse({ amount: 19.99, currency: 'USD' }).success).toBe(false);
    expect(MoneySchema.safeParse({ amount: -1, currency: 'USD' }).success).toBe(false);
    expect(MoneySchema.safeParse({ amount: 1, currency: 'usd' }).success).toBe(false);
    expect(MoneySchema.safeParse({ amount: 2 ** 60, currency: 'USD' }).success).toBe(false);
    expect(MoneySchema.safeParse({ amount: '100', currency: 'USD' }).success).toBe(false);
    expect(MoneySchema.safeParse({ amount: 1, currency: 'USD', extra: true }).success).toBe(false);
  });
});

describe('toDecimalString', () => {
  it('renders exact major units per currency', () => {
    expect(toDecimalString(usd(1999))).toBe('19.99');
    expect(toDecimalString(usd(5))).toBe('0.05');
    expect(toDecimalString(usd(0))).toBe('0.00');
    expect(toDecimalString(usd(-150))).toBe('-1.50');
    expect(toDecimalString(money(1500, 'JPY'))).toBe('1500');
    expect(toDecimalString(money(1, 'KWD'))).toBe('0.001');
    expect(toDecimalString(usd(Number.MAX_SAFE_INTEGER))).toBe('90071992547409.91');
  });
});

describe('number fast paths agree with exact BigInt arithmetic', () => {
  /** The rule written out in BigInt: half-even n / d. */
  function reference(n: bigint, d: bigint): bigint {
    const q = n / d;
    const r = n - q * d;
    const twice = 2n * (r < 0n ? -r : r);
    if (twice < d) return q;
    const away = n < 0n ? q - 1n : q + 1n;
    return twice > d || q % 2n !== 0n ? away : q;
  }
  let seed = 11;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
  };

  it('percentOf, for small, negative and huge amounts', () => {
    const amounts = [
      0,
      5,
      15,
      25,
      35,
      -25,
      -35,
      9_999,
      1_000_000_007,
      Number.MAX_SAFE_INTEGER,
      -(2 ** 52) - 1,
    ];
    for (let i = 0; i < 500; i++) amounts.push(next(2_000_000) - 1_000_000);
    for (const amount of amounts) {
      const bps = next(10_001);
      const want = Number(reference(BigInt(amount) * BigInt(bps), 10_000n));
      expect(percentOf(money(amount, 'USD'), bps).amount, `${amount} × ${bps}`).toBe(want);
    }
  });

  it('allocate, whichever path it takes, sums exactly and stays proportional', () => {
    for (const amount of [1_000_003, -999, 2 ** 52, 7]) {
      const weights = Array.from({ length: 7 }, () => next(100_000));
      const parts = allocate(money(amount, 'USD'), weights);
      expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(amount);
      const total = weights.reduce((a, b) => a + b, 0);
      parts.forEach((p, i) => {
        expect(Math.abs(p.amount - (amount * weights[i]!) / total)).toBeLessThan(1.000001);
      });
    }
  });
});
