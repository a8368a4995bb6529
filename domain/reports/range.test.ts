import { describe, expect, it } from 'vitest';
import { reportRange, spanParts } from './range';
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
