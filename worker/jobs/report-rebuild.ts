/**
 * The REPORTS queue's consumer (wrangler.toml, max_batch_size = 1): a rebuild message rebuilds one month of the report
 * rollups and sends the next (worker/services/reports/rebuild-job.ts); a fold message folds the finished days into
 * the running totals (running.ts); an export message writes the next page of an export (exports.ts). Malformed messages are dropped; a failed write throws, so the batch is retried
 * (max_retries), and a redelivered month is not rebuilt twice.
 */
import { createDb, type DbEnv } from '@db/client';
import {
  ExportPageMessage,
  type ExportStep,
  type ExportsEnv,
  runExportPage,
} from '@worker/services/reports/exports';
import {
  RebuildMonthMessage,
  type RebuildStep,
  type ReportsQueue,
  rebuildMonth,
} from '@worker/services/reports/rebuild-job';
import { FoldRunningMessage, foldReportDays } from '@worker/services/reports/running';

/** What the consumer did with a batch's messages, by outcome (an export page's outcome as `export-<step>`). */
export type RebuildBatchResult = Record<
  RebuildStep | `export-${ExportStep}` | 'folded' | 'malformed',
  number
>;

/** Handles one batch, its messages one after another; `now` is the consumer's clock. */
export async function consumeReportRebuild(
  batch: Pick<MessageBatch<unknown>, 'messages'>,
  env: DbEnv & ExportsEnv & { REPORTS: ReportsQueue },
  now: () => number = Date.now,
): Promise<RebuildBatchResult> {
  const result: RebuildBatchResult = {
    malformed: 0,
    rebuilt: 0,
    finished: 0,
    redelivered: 0,
    superseded: 0,
    folded: 0,
    'export-written': 0,
    'export-finished': 0,
    'export-redelivered': 0,
    'export-gone': 0,
  };
  const db = createDb(env);
  for (const message of batch.messages) {
    const parsed = RebuildMonthMessage.safeParse(message.body);
    if (parsed.success) result[await rebuildMonth(db, env.REPORTS, parsed.data, now())]++;
    else if (FoldRunningMessage.safeParse(message.body).success)
      result.folded += await foldReportDays(db, now());
    else {
      const page = ExportPageMessage.safeParse(message.body);
      if (page.success) result[`export-${await runExportPage(db, env, page.data, now())}`]++;
      else result.malformed++;
    }
  }
  return result;
}

/** The Worker's queue() handler for the REPORTS queue: one log line per batch. */
export async function handleReportsQueue(
  batch: MessageBatch<unknown>,
  env: DbEnv & ExportsEnv & { REPORTS: ReportsQueue },
): Promise<void> {
  const result = await consumeReportRebuild(batch, env);
  const months = batch.messages.map((m) => (m.body as { month?: unknown } | null)?.month);
  console.log(JSON.stringify({ level: 'info', job: 'report-rebuild', months, ...result }));
}
