/**
 * Local days in the store's time zone, the unit every report counts in. The zone's UTC offsets come from the
 * runtime's time zone database (Intl) as a list of transitions, which the database keeps too (report_zone_offsets)
 * so its triggers bucket orders by the same local day as this code.
 */

/** From `startsAt` (ms since the epoch) on, local time is UTC + `offsetMinutes`. */
export interface ZoneOffset {
  startsAt: number;
  offsetMinutes: number;
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one costs far more than using it, and a zone's table needs thousands of reads. */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at `at`, in minutes (east positive), from Intl. */
export function offsetAt(zone: string, at: number): number {
  const parts = formatterFor(zone).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((local - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/**
 * The zone's offsets from `fromYear` to `toYear`: the first row starts at the epoch (earlier instants use it too),
 * then one row per change, found by weekly steps and a binary search to the minute. Zones change their rules at
 * most a few times a year, never twice within a week.
 */
export function zoneOffsets(zone: string, fromYear = 2000, toYear = 2100): ZoneOffset[] {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear, 0, 1);
  const rows: ZoneOffset[] = [{ startsAt: 0, offsetMinutes: offsetAt(zone, start) }];
  let at = start;
  let current = rows[0]!.offsetMinutes;
  while (at < end) {
    const next = at + WEEK_MS;
    const offset = offsetAt(zone, next);
    if (offset !== current) {
      let lo = at;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetAt(zone, mid) === current) lo = mid;
        else hi = mid;
      }
      rows.push({ startsAt: hi, offsetMinutes: offset });
      current = offset;
    }
    at = next;
  }
  return rows;
}

/** The offset in force at `at` (the last row starting at or before it; UTC when there are none). */
export function offsetIn(offsets: readonly ZoneOffset[], at: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]!.startsAt <= at) {
      found = offsets[mid]!.offsetMinutes;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return offsets.length > 0 && offsets[0]!.startsAt > at ? 0 : found;
}

/** The local day ('YYYY-MM-DD') of `at`: what the database's triggers compute. */
export function localDay(offsets: readonly ZoneOffset[], at: number): string {
  const shifted = Math.floor((at + offsetIn(offsets, at) * 60_000) / 1000) * 1000;
  return new Date(shifted).toISOString().slice(0, 10);
}

/** The instant local `day` begins (ms since the epoch). */
export function startOfLocalDay(offsets: readonly ZoneOffset[], day: string): number {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // Two passes settle the offset near a transition (the offset at the guess may differ from the one at the answer).
  let at = midnightUtc - offsetIn(offsets, midnightUtc) * 60_000;
  at = midnightUtc - offsetIn(offsets, at) * 60_000;
  return at;
}

/** `day` moved by `days` (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of `day`'s month. */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month after `day`'s. */
export function nextMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The earlier of two 'YYYY-MM-DD' days. */
export function earlierDay(a: string, b: string): string {
  return a < b ? a : b;
}

/** The later of two 'YYYY-MM-DD' days. */
export function laterDay(a: string, b: string): string {
  return a > b ? a : b;
}
