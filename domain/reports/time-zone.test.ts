import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isTimeZone,
  localDay,
  offsetIn,
  startOfLocalDay,
  zoneOffsets,
} from './time-zone';

describe('zoneOffsets', () => {
  const ny = zoneOffsets('America/New_York', 2025, 2028);

  it('finds the DST changes to the minute', () => {
    // 2026: clocks go forward at 07:00 UTC on 8 March and back at 06:00 UTC on 1 November.
    expect(ny).toContainEqual({ startsAt: Date.parse('2026-03-08T07:00:00Z'), offsetMinutes: -240 });
    expect(ny).toContainEqual({ startsAt: Date.parse('2026-11-01T06:00:00Z'), offsetMinutes: -300 });
    expect(ny[0]).toEqual({ startsAt: 0, offsetMinutes: -300 });
    expect(ny).toHaveLength(1 + 3 * 2);
  });

  it('is a single row for a zone without DST, and UTC for UTC', () => {
    expect(zoneOffsets('Asia/Kolkata', 2025, 2027)).toEqual([{ startsAt: 0, offsetMinutes: 330 }]);
    expect(zoneOffsets('UTC', 2025, 2027)).toEqual([{ startsAt: 0, offsetMinutes: 0 }]);
  });

  it('gives the local day on either side of midnight and of a change', () => {
    expect(localDay(ny, Date.parse('2026-11-02T04:59:59Z'))).toBe('2026-11-01');
    expect(localDay(ny, Date.parse('2026-11-02T05:00:00Z'))).toBe('2026-11-02');
    expect(localDay(ny, Date.parse('2026-07-01T03:59:00Z'))).toBe('2026-06-30');
    expect(localDay(ny, Date.parse('2026-07-01T04:00:00Z'))).toBe('2026-07-01');
    expect(localDay([], Date.parse('2026-07-01T00:00:00Z'))).toBe('2026-07-01');
  });

  it('buckets an instant into the day east and west of UTC (traffic events and orders alike)', () => {
    const at = Date.UTC(2026, 2, 1, 3, 30); // 03:30 UTC on 1 March
    const tokyo = zoneOffsets('Asia/Tokyo', 2025, 2027);
    expect(localDay(zoneOffsets('UTC', 2025, 2027), at)).toBe('2026-03-01');
    expect(localDay(ny, at)).toBe('2026-02-28');
    expect(localDay(tokyo, at)).toBe('2026-03-01');
    expect(localDay(tokyo, Date.UTC(2026, 2, 1, 16))).toBe('2026-03-02');
    // New York moves to UTC−4 on 8 March 2026: 03:59 UTC on the 9th is still the 8th, 04:30 UTC is the 9th.
    expect(localDay(ny, Date.UTC(2026, 2, 9, 3, 59))).toBe('2026-03-08');
    expect(localDay(ny, Date.UTC(2026, 2, 9, 4, 30))).toBe('2026-03-09');
  });

  it('finds when a local day starts, also on the days the clocks change', () => {
    expect(startOfLocalDay(ny, '2026-11-01')).toBe(Date.parse('2026-11-01T04:00:00Z'));
    expect(startOfLocalDay(ny, '2026-11-02')).toBe(Date.parse('2026-11-02T05:00:00Z'));
    expect(startOfLocalDay(ny, '2026-03-08')).toBe(Date.parse('2026-03-08T05:00:00Z'));
    expect(startOfLocalDay(ny, '2026-03-09')).toBe(Date.parse('2026-03-09T04:00:00Z'));
    expect(offsetIn(ny, -1)).toBe(0);
  });
});

describe('day arithmetic', () => {
  it('adds and counts calendar days', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
  });

  it('knows real zones from made-up ones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
