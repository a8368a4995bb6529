/** The Worker's single queue() handler: each queue in wrangler.toml goes to its own consumer, by the queue's name. */
import type { Env } from '@worker/env';
import { handleReportsQueue } from './report-rebuild';
import { handleTrafficQueue } from './traffic-consumer';

/** Queue names, as wrangler.toml's [[queues.consumers]] spell them. */
export const QUEUES = { traffic: 'edgeshop-traffic', reports: 'edgeshop-reports' } as const;

/** Dispatches a batch to its queue's consumer; a batch of a queue nobody consumes is a configuration bug. */
export async function handleQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  switch (batch.queue) {
    case QUEUES.traffic:
      return handleTrafficQueue(batch, env);
    case QUEUES.reports:
      return handleReportsQueue(batch, env);
    default:
      throw new Error(`No consumer for queue ${batch.queue}`);
  }
}
