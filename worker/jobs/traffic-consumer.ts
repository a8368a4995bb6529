/**
 * The TRAFFIC queue's consumer (wrangler.toml [[queues.consumers]]): parses each message, drops what is malformed,
 * seen or over a visitor's daily allowance, and writes the rest with their rollups in one D1 batch. The batch is
 * acknowledged as a whole; if the write fails it is retried (max_retries), and redelivery counts nothing twice.
 */
import { createDb, type DbEnv } from '@db/client';
import { readReportZone } from '@db/repositories/report-rollups';
import {
  productIdsBySlug,
  readTrafficState,
  type TrafficRow,
  writeTrafficBatch,
} from '@db/repositories/traffic';
import { productSlugOf } from '@domain/analytics/page-path';
import { admitEvents, type TrafficEvent, TrafficEventSchema } from '@domain/analytics/traffic-event';
import { localDay } from '@domain/reports/time-zone';

/** Events older than this (a long outage, a replay) or from the future are not counted: their days are closed. */
export const MAX_EVENT_AGE_MS = 36 * 60 * 60 * 1000;
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** What the consumer did with a batch (logged, and read by tests). */
export interface TrafficBatchResult {
  received: number;
  malformed: number;
  stale: number;
  written: number;
}

/** Handles one message batch; `now` is the consumer's clock. */
export async function consumeTraffic(
  batch: Pick<MessageBatch<unknown>, 'messages'>,
  env: DbEnv,
  now = Date.now(),
): Promise<TrafficBatchResult> {
  const result: TrafficBatchResult = { received: batch.messages.length, malformed: 0, stale: 0, written: 0 };
  const events: TrafficEvent[] = [];
  for (const message of batch.messages) {
    const parsed = TrafficEventSchema.safeParse(message.body);
    if (!parsed.success) result.malformed++;
    else if (parsed.data.at < now - MAX_EVENT_AGE_MS || parsed.data.at > now + MAX_CLOCK_SKEW_MS)
      result.stale++;
    else events.push(parsed.data);
  }
  if (events.length === 0) return result;
  const db = createDb(env);
  // The report zone's offsets, as the order triggers use: the funnel's days are the sales report's days.
  const { offsets } = await readReportZone(db);
  const dated = events.map((e) => ({ ...e, day: localDay(offsets, e.at) }));
  const { seen, counted } = await readTrafficState(
    db,
    dated.map((e) => e.id),
    [...new Set(dated.map((e) => `${e.day}|${e.visitor}`))].map((k) => k.split('|') as [string, string]),
  );
  const { admitted, counts } = admitEvents(dated, seen, counted);
  const slugs = admitted.map((e) => (e.path ? productSlugOf(e.path) : null));
  const products = await productIdsBySlug(db, [...new Set(slugs.filter((s): s is string => s !== null))]);
  const rows: TrafficRow[] = admitted.map((e, i) => ({
    id: e.id,
    kind: e.kind,
    day: e.day,
    at: e.at,
    visitor: e.visitor,
    path: e.path,
    productId: products.get(slugs[i] ?? '') ?? null,
    referrerHost: e.referrer,
    utmSource: e.utmSource,
    utmMedium: e.utmMedium,
    utmCampaign: e.utmCampaign,
    device: e.device,
    browser: e.browser,
    country: e.country,
  }));
  await writeTrafficBatch(db, rows, counts);
  result.written = rows.length;
  return result;
}

/** The Worker's queue() handler for the TRAFFIC queue: one log line per batch; a write failure retries the batch. */
export async function handleTrafficQueue(batch: MessageBatch<unknown>, env: DbEnv): Promise<void> {
  const result = await consumeTraffic(batch, env);
  console.log(JSON.stringify({ level: 'info', job: 'traffic-consumer', ...result }));
}
