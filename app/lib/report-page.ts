/**
 * The report pages' query: the range form's fields from the address (a GET form, so every view has a link to
 * share), checked by the same schema as the API. No range asked for: the last 30 local days up to today.
 */

import type { Db } from '@db/client';
import type { ReportZone } from '@db/repositories/report-rollups';
import { checkRange, ReportQueryFields, type ReportRange, reportRange } from '@domain/reports/range';
import type { RebuildProgress } from '@domain/reports/rebuild';
import { addDays, localDay } from '@domain/reports/time-zone';
import type { ReportsQueue } from '@worker/services/reports/rebuild-job';
import { readyReportZone } from '@worker/services/reports/upkeep';

/** The form's values as typed, and the range when they are valid. */
export interface ReportPageQuery {
  values: { from: string; to: string; grain: string; compare: string };
  errors: Partial<Record<'from' | 'to' | 'grain' | 'compare', string>>;
  range: ReportRange | null;
  timeZone: string;
  /** `from=…&to=…&grain=…&compare=…` for links (CSV, the other reports). */
  search: string;
  /** Set while the rollups are recounted in the background: the figures are incomplete until it finishes. */
  rebuilding: RebuildProgress | null;
}

const PageQuery = checkRange(ReportQueryFields);

function param(url: URL, name: string): string {
  return (url.searchParams.get(name) ?? '').trim().slice(0, 20);
}

/** The page's query; `queue` (the REPORTS binding) lets a needed rebuild run in the background. */
export async function reportPageQuery(
  db: Db,
  url: URL,
  now: number,
  queue?: ReportsQueue,
): Promise<ReportPageQuery> {
  return (await reportPageRead(db, url, now, queue)).query;
}

/**
 * The page's query and the report zone it was read with, for reports that need the zone again (the zone stays on
 * the server: its offsets are no page data).
 */
export async function reportPageRead(
  db: Db,
  url: URL,
  now: number,
  queue?: ReportsQueue,
): Promise<{ query: ReportPageQuery; zone: ReportZone }> {
  const zone = await readyReportZone(db, now, queue);
  return { query: queryOf(url, zone, now), zone };
}

function queryOf(
  url: URL,
  zone: ReportZone & { rebuilding: RebuildProgress | null },
  now: number,
): ReportPageQuery {
  const rebuilding = zone.rebuilding;
  const today = localDay(zone.offsets, now);
  const values = {
    from: param(url, 'from') || addDays(today, -29),
    to: param(url, 'to') || today,
    grain: param(url, 'grain'),
    compare: param(url, 'compare') || 'previous',
  };
  const parsed = PageQuery.safeParse({ ...values, grain: values.grain || undefined });
  if (!parsed.success) {
    const errors: ReportPageQuery['errors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof ReportPageQuery['errors'];
      errors[field] ??= issue.message;
    }
    return { values, errors, range: null, timeZone: zone.timeZone, search: '', rebuilding };
  }
  const range = reportRange(parsed.data);
  const search = new URLSearchParams({
    from: range.current.from,
    to: range.current.to,
    grain: range.grain,
    compare: range.compare,
  }).toString();
  return {
    values: { ...values, grain: range.grain },
    errors: {},
    range,
    timeZone: zone.timeZone,
    search,
    rebuilding,
  };
}
