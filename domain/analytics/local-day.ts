/** Local days ('YYYY-MM-DD' in the store's time zone), the unit every traffic rollup is counted in. */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** en-CA formats dates as YYYY-MM-DD; one formatter per zone, as building one costs far more than using it. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      // An unknown zone (a bad setting) must not stop counting: UTC, as when no zone is set.
      f = formatterFor('UTC');
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local day of an instant (epoch ms) in a time zone; an unknown zone counts as UTC. */
export function localDay(at: number, timeZone: string): string {
  return formatterFor(timeZone).format(new Date(at));
}

/** The day `n` days after (or before, negative) a 'YYYY-MM-DD' day, by the calendar. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
