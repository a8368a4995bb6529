import { describe, expect, it } from 'vitest';
import { addDays, localDay } from './local-day';

describe('local days', () => {
  it('buckets an instant into the store time zone day', () => {
    const at = Date.UTC(2026, 2, 1, 3, 30); // 03:30 UTC on 1 March
    expect(localDay(at, 'UTC')).toBe('2026-03-01');
    expect(localDay(at, 'America/New_York')).toBe('2026-02-28');
    expect(localDay(at, 'Asia/Tokyo')).toBe('2026-03-01');
    expect(localDay(Date.UTC(2026, 2, 1, 16), 'Asia/Tokyo')).toBe('2026-03-02');
  });

  it('follows daylight saving changes', () => {
    // New York moves to UTC−4 on 8 March 2026: 03:59 UTC is the 7th before, 04:30 UTC on the 9th is still the 9th.
    expect(localDay(Date.UTC(2026, 2, 9, 3, 59), 'America/New_York')).toBe('2026-03-08');
    expect(localDay(Date.UTC(2026, 2, 9, 4, 30), 'America/New_York')).toBe('2026-03-09');
  });

  it('counts an unknown zone as UTC rather than failing', () => {
    expect(localDay(Date.UTC(2026, 0, 1, 23), 'Not/AZone')).toBe('2026-01-01');
  });

  it('adds calendar days across months and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});
