/**
 * Full exports of the products report, in the background: the page and its CSV list the top 100, an export lists
 * every product, variant or category that sold in the range (issue 11: "long exports run in the background with
 * progress"). Starting one records it (report_exports) and sends an `export-page` message on the REPORTS queue; each
 * message writes the rows of the next EXPORT_PAGE_KEYS keys as one CSV part in the EXPORTS bucket, records how far
 * it got and sends the next, until every key is done. The download streams the header and the parts in order.
 */
import type { Db } from '@db/client';
import { type ReportZone, readReportZone } from '@db/repositories/report-rollups';
import { countExportKeys, readExportKeys, readProductSalesPage } from '@db/repositories/reports';
import { reportExports } from '@db/schema';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { checkRange, DaySchema } from '@domain/reports/range';
import { addDays } from '@domain/reports/time-zone';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { csvHeader, toCsv } from './csv';
import type { ReportsQueue } from './rebuild-job';
import { productSalesColumns } from './report-csv';
import { readyReportZone } from './upkeep';

/** Keys (SKUs or products) per message and CSV part: each page is two index seeks a key, a few hundred ms at most. */
export const EXPORT_PAGE_KEYS = 1000;
/** Exports listed (and downloadable) this long; in production an R2 lifecycle rule deletes the files after it. */
export const EXPORT_KEPT_MS = 7 * 24 * 60 * 60 * 1000;
/** Exports running at once in the shop: more are refused, so a burst of clicks cannot queue unbounded work. */
export const MAX_RUNNING_EXPORTS = 3;
/** A running export that has not moved for this long stopped (its message was lost); it is shown as failed. */
export const STALLED_EXPORT_MS = 15 * 60 * 1000;

/** What an export covers, as asked for: a range of local days and a grouping. */
export const ExportRequest = checkRange(
  z.object({ from: DaySchema, to: DaySchema, group: z.enum(['product', 'variant', 'category']) }).strict(),
);
export type ExportRequest = z.output<typeof ExportRequest>;
type ExportParams = ExportRequest & { currency: string };

/** A REPORTS queue message: write the page of export `export` that starts after key `after` (null: the first). */
export const ExportPageMessage = z
  .object({
    kind: z.literal('export-page'),
    export: z.string().regex(/^rex_[0-9A-Z]{26}$/),
    after: z.string().max(200).nullable(),
  })
  .strict();
export type ExportPageMessage = z.infer<typeof ExportPageMessage>;

/** What the consumer did with one message (logged, and read by tests). */
export type ExportStep = 'written' | 'finished' | 'redelivered' | 'gone';

/** The bindings an export needs: the queue that runs it and the bucket that keeps its file. */
export interface ExportsEnv {
  REPORTS?: ReportsQueue;
  EXPORTS?: R2Bucket;
}

/** An export as staff see it. */
export interface ReportExport {
  id: string;
  report: 'products';
  from: string;
  to: string;
  group: ExportRequest['group'];
  status: 'running' | 'done' | 'failed';
  /** Keys gone through of all (progress), and CSV rows written. */
  done: number;
  total: number;
  rows: number;
  createdAt: number;
  finishedAt: number | null;
}

type ExportRow = typeof reportExports.$inferSelect;

const spanOf = (p: ExportRequest) => ({ from: p.from, to: p.to, end: addDays(p.to, 1) });
const markOf = (zone: ReportZone) => ({ through: zone.runningThrough, totalsThrough: zone.totalsThrough });

function viewOf(row: ExportRow, now: number): ReportExport {
  const params = JSON.parse(row.params) as ExportParams;
  const stalled = row.status === 'running' && now - row.updatedAt > STALLED_EXPORT_MS;
  return {
    id: row.id,
    report: row.report,
    from: params.from,
    to: params.to,
    group: params.group,
    status: stalled ? 'failed' : row.status,
    done: row.done,
    total: row.total,
    rows: row.rows,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

/** Starts an export of every `group` that sold from `from` to `to`; its first page runs on the queue. */
export async function startProductsExport(
  db: Db,
  env: ExportsEnv,
  request: ExportRequest,
  by: { staffId: string; currency: string },
  now: number,
): Promise<Result<ReportExport>> {
  if (!env.REPORTS || !env.EXPORTS) {
    return fail(
      'CONFLICT',
      'Exports need the REPORTS queue and the EXPORTS bucket, which this deployment lacks.',
    );
  }
  // Figures mid-recount would be wrong: a store whose rollups were never made starts their rebuild here.
  const zone = await readyReportZone(db, now, env.REPORTS);
  if (zone.rebuilding) {
    const { done, total } = zone.rebuilding;
    return fail(
      'CONFLICT',
      `The reports are being recounted (${done} of ${total} months): export once that is done.`,
    );
  }
  const params: ExportParams = { ...request, currency: by.currency };
  const id = newId('reportExport', now);
  const total = await countExportKeys(db, spanOf(params), request.group, markOf(zone));
  // Recorded only while fewer than MAX_RUNNING_EXPORTS run (a stalled one no longer counts): one statement, so a
  // burst of starts cannot all pass the check.
  const started = await db.all<{ id: string }>(sql`INSERT INTO report_exports
      (id, report, params, status, total, created_by, created_at, updated_at)
    SELECT ${id}, 'products', ${JSON.stringify(params)}, 'running', ${total}, ${by.staffId}, ${now}, ${now}
    WHERE (SELECT count(*) FROM report_exports
      WHERE status = 'running' AND updated_at > ${now - STALLED_EXPORT_MS}) < ${MAX_RUNNING_EXPORTS}
    RETURNING id`);
  if (started.length === 0) {
    return fail('CONFLICT', `${MAX_RUNNING_EXPORTS} exports are running: wait for one to finish.`);
  }
  const row = await findRow(db, id, now);
  if (!row) throw new Error(`report export ${id} missing after its insert`);
  await sendPage(env.REPORTS, row.id, null);
  return ok(viewOf(row, now));
}

/** The exports of the last EXPORT_KEPT_MS, newest first (at most 20). */
export async function listExports(db: Db, now: number): Promise<ReportExport[]> {
  const rows = await db
    .select()
    .from(reportExports)
    .where(gt(reportExports.createdAt, now - EXPORT_KEPT_MS))
    .orderBy(desc(reportExports.createdAt))
    .limit(20);
  return rows.map((r) => viewOf(r, now));
}

/** One export of the last EXPORT_KEPT_MS, or null. */
export async function findExport(db: Db, id: string, now: number): Promise<ReportExport | null> {
  const row = await findRow(db, id, now);
  return row ? viewOf(row, now) : null;
}

async function findRow(db: Db, id: string, now: number): Promise<ExportRow | null> {
  const [row] = await db.select().from(reportExports).where(eq(reportExports.id, id));
  return row && row.createdAt > now - EXPORT_KEPT_MS ? row : null;
}

/** Sends the message for export `id`'s page after key `after` (null: the first). */
const sendPage = (queue: ReportsQueue, id: string, after: string | null) =>
  queue.send({ kind: 'export-page', export: id, after } satisfies ExportPageMessage, { contentType: 'json' });

const partKey = (id: string, part: number) => `exports/${id}/${String(part).padStart(6, '0')}.csv`;

/**
 * One message: writes the next page of its export and sends the message for the one after, or marks the export
 * done. The progress update is guarded by the cursor it started from, so a redelivered message that finds the page
 * already written (or a message of an export that is gone) writes nothing and sends nothing.
 */
export async function runExportPage(
  db: Db,
  env: ExportsEnv,
  msg: ExportPageMessage,
  now: number,
  pageKeys = EXPORT_PAGE_KEYS,
): Promise<ExportStep> {
  const row = await findRow(db, msg.export, now);
  if (row?.status !== 'running' || !env.EXPORTS || !env.REPORTS) return 'gone';
  // A message for a page already written (a redelivery after its successor was sent): nothing to do.
  if (row.cursor !== msg.after) return 'redelivered';
  const params = JSON.parse(row.params) as ExportParams;
  const mark = markOf(await readReportZone(db));
  const span = spanOf(params);
  // Categories are a shop's few dozen: one page. Products and variants go EXPORT_PAGE_KEYS at a time, in key order.
  const keys =
    params.group === 'category'
      ? undefined
      : await readExportKeys(db, span, params.group, mark, row.cursor, pageKeys);
  const rows = keys?.length === 0 ? [] : await readProductSalesPage(db, span, params.group, mark, keys);
  const last = keys === undefined || keys.length < pageKeys;
  const part = rows.length > 0 ? row.parts + 1 : row.parts;
  if (rows.length > 0) {
    // The best sellers' sales columns, without their stock ones: those describe today, not the range.
    const csv = `${toCsv(productSalesColumns(params.group), rows, params.currency, { header: false })}\r\n`;
    await env.EXPORTS.put(partKey(row.id, part), csv, { httpMetadata: { contentType: 'text/csv' } });
  }
  // Progress counts keys gone through; the key count was taken at the start, so SKUs added since can only cap it.
  const done = last ? row.total : Math.min(row.total, row.done + (keys?.length ?? 0));
  const cursor = keys?.at(-1) ?? row.cursor;
  const moved = await db
    .update(reportExports)
    .set({
      cursor,
      done,
      rows: row.rows + rows.length,
      parts: part,
      status: last ? 'done' : 'running',
      finishedAt: last ? now : null,
      updatedAt: now,
    })
    .where(
      and(
        eq(reportExports.id, row.id),
        eq(reportExports.status, 'running'),
        row.cursor === null ? isNull(reportExports.cursor) : eq(reportExports.cursor, row.cursor),
      ),
    )
    .returning({ id: reportExports.id });
  if (moved.length === 0) return 'redelivered';
  if (last) return 'finished';
  await sendPage(env.REPORTS, row.id, cursor);
  return 'written';
}

/**
 * A finished export's file: the header row, then each part in order, read from the bucket as the download goes.
 * NOT_FOUND for an unknown or expired export, CONFLICT while it runs or after it failed.
 */
export async function exportFile(
  db: Db,
  env: ExportsEnv,
  id: string,
  now: number,
): Promise<Result<{ name: string; body: ReadableStream<Uint8Array> }>> {
  const row = await findRow(db, id, now);
  if (!row) return fail('NOT_FOUND', 'No such export (exports are kept 7 days).');
  if (row.status !== 'done' || !env.EXPORTS) {
    return fail('CONFLICT', 'This export is not finished: download it when its progress reaches 100%.');
  }
  const params = JSON.parse(row.params) as ExportParams;
  const bucket = env.EXPORTS;
  const encoder = new TextEncoder();
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next === 0) {
        controller.enqueue(encoder.encode(`${csvHeader(productSalesColumns(params.group))}\r\n`));
      } else if (next > row.parts) {
        controller.close();
        return;
      } else {
        const part = await bucket.get(partKey(row.id, next));
        if (!part) {
          controller.error(new Error(`export ${row.id}: part ${next} is missing`));
          return;
        }
        controller.enqueue(new Uint8Array(await part.arrayBuffer()));
      }
      next++;
    },
  });
  return ok({ name: `${params.group}s-${params.from}-to-${params.to}.csv`, body });
}
