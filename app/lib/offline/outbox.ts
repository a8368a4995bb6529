/** The outbox: writes queued on this device (offline or not yet confirmed) and replayed in order, at most once each. */
import type { OutboxEntry } from './db';
import { OUTBOX_PAYLOADS, type OutboxKind, type OutboxPayload, toOutboxRequest } from './outbox-requests';
import { FLUSH_OUTBOX_MESSAGE, OUTBOX_SYNC_TAG } from './sw-messages';

/** After this many server errors (5xx) in a row an entry is given up, so one poisoned write cannot block the queue. */
export const MAX_SERVER_ATTEMPTS = 8;
/** Meta key holding the most recent rejected entries, for the UI to explain what did not go through. */
export const REJECTED_META_KEY = 'outbox.rejected';
const MAX_REJECTED_KEPT = 50;

/** What happened when one entry was sent. */
export type ReplayOutcome =
  | { type: 'response'; status: number; code?: string; detail?: string }
  | { type: 'network-error'; message: string };

/** What to do with the entry: delete it, keep it and stop the flush (order matters), or drop it and record why. */
export type ReplayDecision =
  | { action: 'done' }
  | { action: 'retry'; reason: string }
  | { action: 'reject'; reason: string };

/** A dropped entry, kept under REJECTED_META_KEY. */
export interface OutboxRejection {
  kind: string;
  payload: unknown;
  idempotencyKey: string;
  status?: number;
  code?: string;
  reason: string;
  at: number;
}

/** The result of one flush. `halted` says why entries were left (offline, server error, sign-in needed). */
export interface FlushReport {
  sent: number;
  rejected: OutboxRejection[];
  remaining: number;
  halted?: string;
}

/** Where entries live: IndexedDB in the browser (dexieOutboxStore), anything with the same shape in tests. */
export interface OutboxStore {
  add(entry: OutboxEntry): Promise<number>;
  /** All entries, oldest (lowest id) first. */
  list(): Promise<OutboxEntry[]>;
  remove(id: number): Promise<void>;
  update(id: number, changes: Pick<OutboxEntry, 'attempts' | 'lastError'>): Promise<void>;
  /** Removes the entry and records the rejection, atomically. */
  reject(id: number, rejection: OutboxRejection): Promise<void>;
  /**
   * Called after a pass that left no entry behind: nothing is pending, so what the device shows of the cart can
   * defer to the server again. Must itself check that the queue is still empty (a tab may have queued meanwhile).
   */
  drained?(): Promise<void>;
}

// Statuses that mean "not now" rather than "never": timeouts, rate limits, a concurrent replay of the same key.
const TRANSIENT_4XX = new Set([408, 425, 429]);

/**
 * Pure decision for one replay attempt. 2xx: done. Network errors, 5xx, 401 (sign in again), 408/425/429 and
 * IDEMPOTENCY_IN_PROGRESS: retry later. Any other 4xx can never succeed as sent (invalid, out of stock, gone): reject.
 * `attemptsBefore` counts earlier failed attempts, so a persistently failing server eventually releases the queue.
 */
export function decideReplay(outcome: ReplayOutcome, attemptsBefore: number): ReplayDecision {
  if (outcome.type === 'network-error') return { action: 'retry', reason: `network: ${outcome.message}` };
  const { status, code, detail } = outcome;
  const described = `HTTP ${status}${code ? ` ${code}` : ''}${detail ? `: ${detail}` : ''}`;
  if (status >= 200 && status < 300) return { action: 'done' };
  if (status === 401 || TRANSIENT_4XX.has(status) || code === 'IDEMPOTENCY_IN_PROGRESS') {
    return { action: 'retry', reason: described };
  }
  if (status >= 400 && status < 500) return { action: 'reject', reason: described };
  if (attemptsBefore + 1 >= MAX_SERVER_ATTEMPTS) {
    return { action: 'reject', reason: `gave up after ${attemptsBefore + 1} attempts: ${described}` };
  }
  return { action: 'retry', reason: described };
}

/** The store in this browser's IndexedDB (Dexie is loaded on first use). */
export function dexieOutboxStore(): OutboxStore {
  function db() {
    return import('./db').then((m) => m.getDb());
  }
  return {
    add: async (entry) => (await (await db()).outbox.add(entry)) as number,
    list: async () => (await db()).outbox.orderBy('id').toArray(),
    remove: async (id) => (await db()).outbox.delete(id),
    update: async (id, changes) => {
      await (await db()).outbox.update(id, changes);
    },
    reject: async (id, rejection) => {
      const d = await db();
      await d.transaction('rw', d.outbox, d.meta, async () => {
        await d.outbox.delete(id);
        const previous =
          ((await d.meta.get(REJECTED_META_KEY))?.value as OutboxRejection[] | undefined) ?? [];
        await d.meta.put({
          key: REJECTED_META_KEY,
          value: [...previous, rejection].slice(-MAX_REJECTED_KEPT),
        });
      });
    },
    // cartLines only shows writes not yet confirmed (offline adds): with the queue empty the server cart is the truth,
    // replayed and rejected lines alike. Checked and cleared in one transaction so a line queued meanwhile stays.
    drained: async () => {
      const d = await db();
      await d.transaction('rw', d.outbox, d.cartLines, async () => {
        if ((await d.outbox.count()) === 0) await d.cartLines.clear();
      });
    },
  };
}

/**
 * Queues a write, asks the service worker to replay it (requestOutboxReplay) and returns its stored entry. The
 * Idempotency-Key is minted now and reused on every replay, so a request that reached the server before the
 * connection dropped is not applied twice. Throws on an invalid payload (a caller bug: the UI builds payloads from
 * validated data).
 */
export async function enqueue<K extends OutboxKind>(
  kind: K,
  payload: OutboxPayload<K>,
  options: { now?: number; store?: OutboxStore } = {},
): Promise<OutboxEntry<K>> {
  const valid = OUTBOX_PAYLOADS[kind].parse(payload) as OutboxPayload<K>;
  const entry: OutboxEntry<K> = {
    kind,
    payload: valid,
    idempotencyKey: crypto.randomUUID(),
    createdAt: options.now ?? Date.now(),
    attempts: 0,
  };
  const id = await (options.store ?? dexieOutboxStore()).add(entry as OutboxEntry);
  await requestOutboxReplay();
  return { ...entry, id };
}

/** The Background Sync part of a registration; not in TypeScript's DOM lib (Chromium-only so far). */
interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/**
 * Asks the controlling service worker to replay the outbox: a Background Sync registration where the browser has it
 * (it fires once the device is online, even after the tab closed), else a flush-outbox message (SwRegister posts
 * another on reconnect). Does nothing without a controlling SW (dev, first paint, tests); never throws.
 */
export async function requestOutboxReplay(): Promise<void> {
  const container = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
  const controller = container?.controller;
  // `ready` never settles without a registration, so only a controlled page waits for it.
  if (!container || !controller) return;
  try {
    const registration = (await container.ready) as ServiceWorkerRegistration & { sync?: SyncManagerLike };
    if (registration.sync) {
      await registration.sync.register(OUTBOX_SYNC_TAG);
      return;
    }
  } catch {
    // Background Sync can be refused (e.g. by site settings): the message below still gets the entry replayed.
  }
  controller.postMessage(FLUSH_OUTBOX_MESSAGE);
}

/** Options of flushOutbox. */
export interface FlushOptions {
  store?: OutboxStore;
  /** Prefix for request paths ('' in the browser: same origin). */
  baseUrl?: string;
  now?: () => number;
}

/**
 * Replays queued writes in order. Stops at the first entry to retry, because later writes may depend on it (add,
 * then set quantity). Runs under a Web Lock when available (windows and workers alike, one lock per origin), so the
 * service worker and tabs never replay the same queue at once.
 */
export function flushOutbox(fetchFn: typeof fetch = fetch, options: FlushOptions = {}): Promise<FlushReport> {
  function run() {
    return flushOnce(fetchFn, options);
  }
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // The DOM typing nests the callback's promise; at runtime request() resolves to the callback's result.
  return locks ? (locks.request('edgeshop-outbox', run) as unknown as Promise<FlushReport>) : run();
}

async function flushOnce(fetchFn: typeof fetch, options: FlushOptions): Promise<FlushReport> {
  const store = options.store ?? dexieOutboxStore();
  const now = options.now ?? Date.now;
  const entries = await store.list();
  const report: FlushReport = { sent: 0, rejected: [], remaining: entries.length };

  for (const entry of entries) {
    const id = entry.id!;
    const request = toOutboxRequest(entry.kind, entry.payload);
    let decision: ReplayDecision;
    let outcome: ReplayOutcome | undefined;
    if (!request.ok) {
      decision = { action: 'reject', reason: request.error.detail };
    } else {
      outcome = await send(fetchFn, options.baseUrl ?? '', request.value, entry.idempotencyKey);
      decision = decideReplay(outcome, entry.attempts);
    }

    if (decision.action === 'done') {
      await store.remove(id);
      report.sent++;
    } else if (decision.action === 'reject') {
      const rejection: OutboxRejection = {
        kind: entry.kind,
        payload: entry.payload,
        idempotencyKey: entry.idempotencyKey,
        reason: decision.reason,
        at: now(),
        ...(outcome?.type === 'response' ? { status: outcome.status, code: outcome.code } : {}),
      };
      await store.reject(id, rejection);
      report.rejected.push(rejection);
    } else {
      await store.update(id, { attempts: entry.attempts + 1, lastError: decision.reason });
      report.halted = decision.reason;
      break;
    }
    report.remaining--;
  }
  if (report.remaining === 0) await store.drained?.();
  return report;
}

async function send(
  fetchFn: typeof fetch,
  baseUrl: string,
  request: { method: string; path: string; body?: unknown },
  idempotencyKey: string,
): Promise<ReplayOutcome> {
  const headers: Record<string, string> = { 'Idempotency-Key': idempotencyKey, Accept: 'application/json' };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetchFn(`${baseUrl}${request.path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      credentials: 'same-origin',
    });
  } catch (error) {
    return { type: 'network-error', message: error instanceof Error ? error.message : String(error) };
  }
  if (response.ok) return { type: 'response', status: response.status };
  return { type: 'response', status: response.status, ...(await readProblem(response)) };
}

/** The `code` and `detail` of an RFC 9457 problem body, when there is one. */
async function readProblem(response: Response): Promise<{ code?: string; detail?: string }> {
  try {
    const body = (await response.json()) as { code?: unknown; detail?: unknown };
    return {
      ...(typeof body.code === 'string' ? { code: body.code } : {}),
      ...(typeof body.detail === 'string' ? { detail: body.detail.slice(0, 200) } : {}),
    };
  } catch {
    return {};
  }
}
