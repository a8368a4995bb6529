/** Report numbers: exact money, compact axis labels, percents as ratios, and change that never rests on colour. */
import { describe, expect, it } from 'vitest';
import {
  changeOf,
  formatAmount,
  formatAmountCompact,
  formatChange,
  formatCount,
  formatCountCompact,
  formatPercent,
  formatTicks,
  formatValue,
  smallestStep,
} from './report-format';

describe('formatAmount', () => {
  it('formats minor units exactly in the currency', () => {
    expect(formatAmount(1_234_567, 'USD')).toBe('$12,345.67');
    expect(formatAmount(-505, 'EUR')).toBe('\u2212€5.05');
    expect(formatAmount(1200, 'JPY')).toBe('¥1,200');
    expect(formatAmount(1, 'KWD')).toBe('KWD\u00a00.001');
    expect(formatAmount(900_719_925_474_099, 'USD')).toBe('$9,007,199,254,740.99');
  });

  it('rounds to whole units on request', () => {
    expect(formatAmount(1_234_567, 'USD', true)).toBe('$12,346');
    expect(formatAmount(-40, 'USD', true)).toBe('$0');
  });

  it('refuses a currency the platform does not know', () => {
    expect(() => formatAmount(100, 'XYZ')).toThrow(RangeError);
  });
});

describe('compact formats', () => {
  it('shortens money for axes', () => {
    expect(formatAmountCompact(120_000, 'USD')).toBe('$1.2K');
    expect(formatAmountCompact(90_000, 'USD')).toBe('$900');
    expect(formatAmountCompact(1_234_567, 'USD', 0)).toBe('$12K');
    expect(formatAmountCompact(3_000_000, 'JPY')).toBe('¥3M');
  });

  it('shortens counts', () => {
    expect(formatCountCompact(12_345)).toBe('12.3K');
    expect(formatCountCompact(999)).toBe('999');
    expect(formatCountCompact(-1200)).toBe('\u22121.2K');
    expect(formatAmountCompact(-5000, 'USD')).toBe('\u2212$50');
  });
});

describe('formatCount and formatPercent', () => {
  it('groups thousands', () => {
    expect(formatCount(12_345)).toBe('12,345');
    expect(formatCount(-3)).toBe('\u22123');
  });

  it('reads a ratio as a percent with fixed decimals', () => {
    expect(formatPercent(0.125)).toBe('12.5\u00a0%');
    expect(formatPercent(0.03)).toBe('3.0\u00a0%');
    expect(formatPercent(0.5, 0)).toBe('50\u00a0%');
    expect(formatPercent(-0.0001)).toBe('0.0\u00a0%');
  });
});

describe('changeOf', () => {
  it('is the change as a ratio of the previous figure', () => {
    expect(changeOf(1125, 1000)).toBe(0.125);
    expect(changeOf(970, 1000)).toBeCloseTo(-0.03);
  });

  it('is null when there is nothing to compare with', () => {
    expect(changeOf(500, 0)).toBeNull();
    expect(changeOf(0, 0)).toBeNull();
  });

  it('reads a rise from a negative figure as a rise', () => {
    expect(changeOf(-50, -100)).toBe(0.5);
  });
});

describe('formatChange', () => {
  it('states the direction in text', () => {
    expect(formatChange(0.125)).toBe('+12.5\u00a0%');
    expect(formatChange(-0.03)).toBe('\u22123.0\u00a0%');
    expect(formatChange(null)).toBe('—');
  });

  it('shows no sign on a change too small to see', () => {
    expect(formatChange(0)).toBe('0.0\u00a0%');
    expect(formatChange(-0.00004)).toBe('0.0\u00a0%');
    expect(formatChange(0.0004)).toBe('0.0\u00a0%');
  });
});

describe('formatValue', () => {
  it('formats by kind', () => {
    expect(formatValue(123_456, { kind: 'money', currency: 'USD' })).toBe('$1,234.56');
    expect(formatValue(123_456, { kind: 'money', currency: 'USD' }, true)).toBe('$1,235');
    expect(formatValue(1234, { kind: 'count' })).toBe('1,234');
    expect(formatValue(0.5, { kind: 'percent' })).toBe('50.0\u00a0%');
  });
});

describe('formatTicks', () => {
  const usd = { kind: 'money', currency: 'USD' } as const;

  it('uses the shortest labels that tell every tick apart', () => {
    expect(formatTicks([0, 50_000, 100_000, 150_000, 200_000], usd)).toEqual([
      '$0',
      '$500',
      '$1K',
      '$1.5K',
      '$2K',
    ]);
    expect(formatTicks([0, 2000, 4000], { kind: 'count' })).toEqual(['0', '2K', '4K']);
    expect(formatTicks([0, 0.005, 0.01, 0.015], { kind: 'percent' })).toEqual([
      '0.0\u00a0%',
      '0.5\u00a0%',
      '1.0\u00a0%',
      '1.5\u00a0%',
    ]);
    expect(formatTicks([0, 0.2, 0.4], { kind: 'percent' })).toEqual(['0\u00a0%', '20\u00a0%', '40\u00a0%']);
  });

  it('falls back to full figures when compact ones collide', () => {
    expect(formatTicks([100_000_000, 100_000_001], usd)).toEqual(['$1,000,000.00', '$1,000,000.01']);
  });
});

describe('smallestStep', () => {
  it('is one whole unit of what is counted', () => {
    expect(smallestStep({ kind: 'money', currency: 'USD' })).toBe(100);
    expect(smallestStep({ kind: 'money', currency: 'JPY' })).toBe(1);
    expect(smallestStep({ kind: 'count' })).toBe(1);
    expect(smallestStep({ kind: 'percent' })).toBe(0.001);
  });
});
