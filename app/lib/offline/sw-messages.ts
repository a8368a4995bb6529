/** The Background Sync tag and the messages pages and the service worker exchange about the outbox (type imports only: pages load it eagerly). */
import type { FlushReport } from './outbox';

/** Background Sync tag under which enqueue asks the service worker to replay the outbox. */
export const OUTBOX_SYNC_TAG = 'outbox';

/** Page → service worker: replay the outbox now (reconnect, or a browser without Background Sync). */
export interface FlushOutboxMessage {
  type: 'flush-outbox';
}

/** Service worker → window clients: a replay finished; pages may refresh what they show of the cart. */
export interface OutboxFlushedMessage {
  type: 'outbox-flushed';
  report: FlushReport;
}

/** The message a page posts to its controlling service worker to replay the outbox. */
export const FLUSH_OUTBOX_MESSAGE: FlushOutboxMessage = { type: 'flush-outbox' };

/** True when `data` (from a MessageEvent) is a FlushOutboxMessage. */
export function isFlushOutboxMessage(data: unknown): data is FlushOutboxMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'flush-outbox';
}

/** True when `data` (from a MessageEvent) is an OutboxFlushedMessage. */
export function isOutboxFlushedMessage(data: unknown): data is OutboxFlushedMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'outbox-flushed' &&
    typeof (data as { report?: { sent?: unknown } }).report?.sent === 'number'
  );
}
