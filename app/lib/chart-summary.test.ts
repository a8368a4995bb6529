/** A chart's text alternative states the period, the total or range, the peak and the comparison. */
import { describe, expect, it } from 'vitest';
import { summarizeBars, summarizeSeries } from './chart-summary';

const usd = { kind: 'money', currency: 'USD' } as const;

describe('summarizeSeries', () => {
  it('states the total and the highest day of an additive series', () => {
    expect(
      summarizeSeries({
        title: 'Net sales by day',
        labels: ['1 Nov', '2 Nov', '3 Nov'],
        values: [30_000, 90_000, 50_050],
        format: usd,
      }),
    ).toBe('Net sales by day, 1 Nov to 3 Nov: total $1,701, highest $900 on 2 Nov');
  });

  it('adds the previous period', () => {
    expect(
      summarizeSeries({
        title: 'Orders',
        labels: ['Mon', 'Tue'],
        values: [3, 5],
        previous: [4, null],
        format: { kind: 'count' },
      }),
    ).toBe('Orders, Mon to Tue: total 8, highest 5 on Tue; previous period total 4');
  });

  it('gives the range, not a sum, for rates and averages', () => {
    expect(
      summarizeSeries({
        title: 'Conversion rate',
        labels: ['Oct', 'Nov'],
        values: [0.021, 0.034],
        format: { kind: 'percent' },
      }),
    ).toBe('Conversion rate, Oct to Nov: lowest 2.1\u00a0% on Oct, highest 3.4\u00a0% on Nov');
    expect(
      summarizeSeries({
        title: 'Average order value',
        labels: ['Oct'],
        values: [4200],
        previous: [3900],
        format: usd,
        additive: false,
      }),
    ).toBe('Average order value, Oct: $42; previous period highest $39');
  });

  it('does not single out a day of an all-zero series', () => {
    expect(
      summarizeSeries({ title: 'Refunds', labels: ['1 Nov', '2 Nov'], values: [0, null], format: usd }),
    ).toBe('Refunds, 1 Nov to 2 Nov: total $0');
    expect(
      summarizeSeries({
        title: 'Rate',
        labels: ['1 Nov', '2 Nov'],
        values: [0, 0],
        format: { kind: 'percent' },
      }),
    ).toBe('Rate, 1 Nov to 2 Nov: 0.0\u00a0% throughout');
  });

  it('says when there is no data', () => {
    expect(
      summarizeSeries({ title: 'Refunds', labels: ['1 Nov', '2 Nov'], values: [null, null], format: usd }),
    ).toBe('Refunds, 1 Nov to 2 Nov: no data');
    expect(summarizeSeries({ title: 'Refunds', labels: [], values: [], format: usd })).toBe(
      'Refunds: no data',
    );
  });
});

describe('summarizeBars', () => {
  it('lists every bar in order with its figure', () => {
    const items = [
      { label: 'Organic tee', value: 123_400 },
      { label: 'Mug', value: 90_000 },
    ];
    expect(summarizeBars('Top products by net sales', items, usd)).toBe(
      'Top products by net sales: 1. Organic tee, $1,234; 2. Mug, $900',
    );
    expect(summarizeBars('Top products', [], usd)).toBe('Top products: no data');
  });
});
