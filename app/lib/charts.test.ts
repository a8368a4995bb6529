/** Chart geometry: round axis ticks, scales, SVG paths with gaps, and how many x labels fit. */
import { describe, expect, it } from 'vitest';
import { labelsThatFit, linePath, niceTicks, scaleLinear, thinLabels } from './charts';

describe('niceTicks', () => {
  it('rounds to 1, 2 or 5 × 10ⁿ steps from zero', () => {
    expect(niceTicks(120, 900)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(niceTicks(0, 12_345)).toEqual([0, 2000, 4000, 6000, 8000, 10_000, 12_000, 14_000]);
    expect(niceTicks(0, 5)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('always includes zero for non-negative data', () => {
    const ticks = niceTicks(5000, 5100);
    expect(ticks[0]).toBe(0);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(5100);
  });

  it('gives all-zero and empty data an axis of one step', () => {
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 0, 5, { minStep: 1 })).toEqual([0, 1]);
    expect(niceTicks(Number.NaN, Number.POSITIVE_INFINITY, 5, { minStep: 100 })).toEqual([0, 100]);
  });

  it('covers a single point', () => {
    expect(niceTicks(42, 42)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('spans negative values across zero, and all-negative data up to zero', () => {
    expect(niceTicks(-300, 700)).toEqual([-400, -200, 0, 200, 400, 600, 800]);
    expect(niceTicks(-90, -10)).toEqual([-100, -80, -60, -40, -20, 0]);
  });

  it('keeps huge values round', () => {
    expect(niceTicks(0, 1e12)).toEqual([0, 2e11, 4e11, 6e11, 8e11, 1e12]);
  });

  it('has no floating-point noise in small steps, and never -0', () => {
    expect(niceTicks(0, 0.3)).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(niceTicks(0, 0.037)).toEqual([0, 0.01, 0.02, 0.03, 0.04]);
    expect(niceTicks(-0.5, 0).every((t) => !Object.is(t, -0))).toBe(true);
  });

  it('never steps below minStep (no gridlines between whole dollars)', () => {
    expect(niceTicks(0, 300, 5, { minStep: 100 })).toEqual([0, 100, 200, 300]);
    expect(niceTicks(0, 3, 5, { minStep: 1 })).toEqual([0, 1, 2, 3]);
  });

  it('accepts min and max either way round', () => {
    expect(niceTicks(900, 120)).toEqual(niceTicks(120, 900));
  });

  it('keeps the tick count near the request', () => {
    for (const max of [1, 7, 13, 99, 1234, 98_765, 3.2e9]) {
      const n = niceTicks(0, max).length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(11);
    }
  });
});

describe('scaleLinear', () => {
  it('maps the domain onto the range, inverted ranges included', () => {
    const y = scaleLinear([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(100)).toBe(0);
    expect(y(25)).toBe(150);
  });

  it('maps a zero-width domain to the middle', () => {
    expect(scaleLinear([5, 5], [0, 100])(5)).toBe(50);
  });
});

describe('linePath', () => {
  function x(i: number): number {
    return i * 10;
  }
  function y(v: number): number {
    return 100 - v;
  }

  it('draws a polyline with rounded coordinates', () => {
    expect(linePath([0, 50, 100], x, y)).toBe('M0,100L10,50L20,0');
    expect(
      linePath(
        [1 / 3],
        (i) => i + 1 / 3,
        (v) => v,
      ),
    ).toBe('M0.33,0.33h0');
  });

  it('breaks the line at gaps and draws a lone point as a dot', () => {
    expect(linePath([10, 20, null, 30, null, 40, 50], x, y)).toBe('M0,90L10,80M30,70h0M50,60L60,50');
    expect(linePath([null, 5], x, y)).toBe('M10,95h0');
  });

  it('is empty for no data', () => {
    expect(linePath([], x, y)).toBe('');
    expect(linePath([null, null], x, y)).toBe('');
  });
});

describe('thinLabels', () => {
  it('labels every point when they fit', () => {
    expect(thinLabels(5, 8)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps at most max labels, evenly spaced, first and last included', () => {
    for (const [count, max] of [
      [730, 8],
      [730, 6],
      [31, 5],
      [12, 5],
      [100, 2],
      [9, 8],
    ] as const) {
      const shown = thinLabels(count, max);
      expect(shown.length).toBeLessThanOrEqual(max);
      expect(shown[0]).toBe(0);
      expect(shown[shown.length - 1]).toBe(count - 1);
      expect([...shown].sort((a, b) => a - b)).toEqual(shown);
    }
    expect(thinLabels(730, 8)).toEqual([0, 105, 210, 315, 420, 525, 630, 729]);
  });

  it('handles no points and room for one label', () => {
    expect(thinLabels(0, 5)).toEqual([]);
    expect(thinLabels(10, 1)).toEqual([0]);
  });
});

describe('labelsThatFit', () => {
  it('counts labels of a given length across a width, at least one', () => {
    expect(labelsThatFit(600, 6, 12)).toBe(10); // 43.2 wide + a 12 gap
    expect(labelsThatFit(10, 20, 12)).toBe(1);
  });
});
