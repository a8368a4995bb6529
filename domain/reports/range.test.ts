import { describe, expect, it } from 'vitest';
import { reportRange, runningParts, spanParts } from './range';
import { nextMonth } from './time-zone';

const span = (from: string, to: string) => reportRange({ from, to, compare: 'none' }).current;

describe('spanParts', () => {
  it('reads whole months from the monthly rollups and the days around them from the daily ones', () => {
    expect(spanParts(span('2025-01-15', '2025-04-10'))).toEqual({
      days: [
        { from: '2025-01-15', end: '2025-02-01' },
        { from: '2025-04-01', end: '2025-04-11' },
      ],
      months: { from: '2025-02', end: '2025-04' },
    });
  });

  it('needs no days for a range of whole months, across a year', () => {
    expect(spanParts(span('2024-11-01', '2025-02-28'))).toEqual({
      days: [],
      months: { from: '2024-11', end: '2025-03' },
    });
  });

  it('reads days only when no whole month is covered', () => {
    expect(spanParts(span('2025-03-02', '2025-03-31'))).toEqual({
      days: [{ from: '2025-03-02', end: '2025-04-01' }],
      months: null,
    });
    expect(spanParts(span('2025-03-20', '2025-04-10'))).toEqual({
      days: [{ from: '2025-03-20', end: '2025-04-11' }],
      months: null,
    });
  });

  it('covers every day of the span exactly once', () => {
    for (const [from, to] of [
      ['2024-02-29', '2026-02-28'],
      ['2025-12-31', '2026-01-01'],
      ['2025-06-01', '2025-06-01'],
      ['2025-01-31', '2025-03-01'],
    ]) {
      const parts = spanParts(span(from!, to!));
      const days = new Set<string>();
      for (const d of parts.days) {
        for (let day = d.from; day < d.end; day = nextDay(day)) days.add(day);
      }
      if (parts.months) {
        for (let m = `${parts.months.from}-01`; m.slice(0, 7) < parts.months.end; m = nextMonth(m)) {
          for (let day = m; day < nextMonth(m); day = nextDay(day)) {
            expect(days.has(day), day).toBe(false);
            days.add(day);
          }
        }
      }
      const expected: string[] = [];
      for (let day = from!; day <= to!; day = nextDay(day)) expected.push(day);
      expect([...days].sort()).toEqual(expected);
    }
  });
});

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe('runningParts', () => {
  const s = { from: '2026-01-10', to: '2026-03-04', end: '2026-03-05' };
  const at = (through: string | null) => ({ through, totalsThrough: through });
  it('reads a span that reaches the mark from the totals, and the days from the mark on from the rollups', () => {
    expect(runningParts(s, at('2026-03-04'), 14)).toEqual({
      folded: { from: '2026-01-10', end: '2026-03-04', atTotals: true },
      rest: { from: '2026-03-04', to: '2026-03-04', end: '2026-03-05' },
    });
    expect(runningParts(s, at('2026-03-05'), 14)).toEqual({
      folded: { from: '2026-01-10', end: '2026-03-05', atTotals: true },
      rest: null,
    });
  });
  it('seeks running rows at the end when a write moved the mark back behind the totals rows', () => {
    expect(runningParts(s, { through: '2026-03-01', totalsThrough: '2026-03-05' }, 14).folded).toEqual({
      from: '2026-01-10',
      end: '2026-03-01',
      atTotals: false,
    });
  });
  it('reads a span that ends before the mark from running rows at both ends', () => {
    expect(runningParts(s, at('2026-06-01'), 14)).toEqual({
      folded: { from: '2026-01-10', end: '2026-03-05', atTotals: false },
      rest: null,
    });
  });
  it('reads short spans, spans after the mark and stores with nothing folded from the rollups whole', () => {
    expect(runningParts(s, at('2026-01-20'), 14)).toEqual({ folded: null, rest: s });
    expect(runningParts(s, at('2026-01-01'), 14)).toEqual({ folded: null, rest: s });
    expect(runningParts(s, at(null), 14)).toEqual({ folded: null, rest: s });
    expect(
      runningParts({ from: '2026-03-01', to: '2026-03-07', end: '2026-03-08' }, at('2026-06-01'), 14).folded,
    ).toBe(null);
  });
});
