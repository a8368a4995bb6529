import { describe, expect, it } from 'vitest';
import {
  isLastRebuildMonth,
  isRebuildStale,
  monthDays,
  nextRebuildMonth,
  rebuildProgress,
  STALE_REBUILD_MS,
} from './rebuild';
import { nextMonth } from './time-zone';

describe('the background rebuild’s months', () => {
  const span = { from: '2025-11-01', to: '2026-02-06', doneThrough: null };

  it('counts the months from the first to the one holding the day before the end, across a year', () => {
    expect(rebuildProgress(span)).toEqual({ done: 0, total: 4 });
    expect(rebuildProgress({ ...span, doneThrough: '2025-12-01' })).toEqual({ done: 2, total: 4 });
    expect(rebuildProgress({ ...span, doneThrough: '2026-02-01' })).toEqual({ done: 4, total: 4 });
    // An end on the first of a month does not count that month.
    expect(rebuildProgress({ from: '2026-01-01', to: '2026-03-01', doneThrough: null }).total).toBe(2);
  });

  it('walks month by month to the end, the last month cut at the end day', () => {
    expect(nextRebuildMonth(span)).toBe('2025-11-01');
    expect(nextRebuildMonth({ ...span, doneThrough: '2025-12-01' })).toBe('2026-01-01');
    expect(nextRebuildMonth({ ...span, doneThrough: '2026-02-01' })).toBeNull();
    expect(nextMonth('2025-12-01')).toBe('2026-01-01');
    expect(monthDays('2026-01-01', '2026-02-06')).toEqual({ fromDay: '2026-01-01', toDay: '2026-02-01' });
    expect(monthDays('2026-02-01', '2026-02-06')).toEqual({ fromDay: '2026-02-01', toDay: '2026-02-06' });
    expect(isLastRebuildMonth(span, '2026-01-01')).toBe(false);
    expect(isLastRebuildMonth(span, '2026-02-01')).toBe(true);
  });

  it('presumes a job lost after ten minutes without progress', () => {
    expect(isRebuildStale(1_000, 1_000 + STALE_REBUILD_MS - 1)).toBe(false);
    expect(isRebuildStale(1_000, 1_000 + STALE_REBUILD_MS)).toBe(true);
  });
});
