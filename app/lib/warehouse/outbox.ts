/**
 * The warehouse outbox's replay: refreshes the queue (which also says whose session this is), then sends that staff
 * member's pending actions in order, at most once each (one Idempotency-Key per entry), with backoff between passes.
 * Runs in the page (foreground flush) and in the service worker (Background Sync) alike, under one Web Lock.
 */
import {
  OrderSummarySchema,
  type ServerSide,
  ShipAnswerSchema,
  type WarehouseOrder,
  WarehouseOrderSchema,
  type WarehouseQueue,
  WarehouseQueueSchema,
} from './contract';
import { type EntryConflict, requestOf, type WarehouseEntry } from './entries';

/** Most queue pages one pass reads (200 orders each): a tablet keeps up to 2,000 orders to fulfil. */
export const MAX_QUEUE_PAGES = 10;

/** The whole queue, page after page (`next` → `?after=`): the orders, or why it could not be read. */
async function fetchQueue(
  fetchFn: typeof fetch,
  base: string,
): Promise<{ queue: WarehouseQueue } | { halted: 'sign-in' | 'failed' }> {
  let first: WarehouseQueue | undefined;
  const orders: WarehouseQueue['orders'] = [];
  let after: string | null | undefined = null;
  for (let page = 0; page < MAX_QUEUE_PAGES; page++) {
    const query = after ? `?after=${encodeURIComponent(after)}` : '';
    const answer = await call(fetchFn, `${base}/api/warehouse/queue${query}`, 'GET');
    if (answer.type === 'response' && answer.status === 401) return { halted: 'sign-in' };
    const parsed =
      answer.type === 'response' && answer.status === 200
        ? WarehouseQueueSchema.safeParse(answer.body)
        : undefined;
    if (!parsed?.success) return { halted: 'failed' };
    first ??= parsed.data;
    orders.push(...parsed.data.orders);
    after = parsed.data.next;
    if (!after) break;
  }
  return { queue: { ...first!, orders, next: after ?? null } };
}

/** After this many failed attempts (5xx, network) an entry goes to Needs attention instead of blocking its order. */
export const MAX_ATTEMPTS = 12;
/** First wait after a failure; doubles with each failure in a row, up to MAX_BACKOFF_MS, plus up to 25 % jitter. */
export const BASE_BACKOFF_MS = 500;
export const MAX_BACKOFF_MS = 30_000;

/** What this device knows about syncing, kept beside the entries (Dexie's meta table in the browser). */
export interface SyncState {
  /** Whose session the last queue answer came from. */
  staff: { id: string; name: string } | null;
  /** A 401 paused replay: the screen asks to sign in again; entries are kept. */
  signInNeeded: boolean;
  /** Failed passes in a row, for the backoff. */
  failures: number;
  /** No pass before this time (ms epoch) unless forced (back online, a new action). */
  retryAt: number;
  lastSyncedAt: number | null;
}

/** The initial SyncState. */
export const INITIAL_SYNC: SyncState = {
  staff: null,
  signInNeeded: false,
  failures: 0,
  retryAt: 0,
  lastSyncedAt: null,
};

/** Where entries and the device's copy of the queue live: IndexedDB in the browser, memory in unit tests. */
export interface WarehouseStore {
  /** Every entry, oldest (lowest id) first. */
  list(): Promise<WarehouseEntry[]>;
  add(entry: WarehouseEntry): Promise<number>;
  /**
   * The entry went through: delete it, store what the server answered for its order, and move the order's later
   * entries that expected `from` on to version `to` (they were taken on the same state, and the only change since is
   * this tablet's own). Atomically.
   */
  complete(id: number, answer: ServerAnswer, rebase: { from: number; to: number } | null): Promise<void>;
  /** The entry was refused for good: keep it, with why, for a person to decide. */
  setAttention(id: number, conflict: EntryConflict): Promise<void>;
  /** The entry failed for now (network, 5xx, 429): count the attempt. */
  recordFailure(id: number, attempts: number, lastError: string): Promise<void>;
  /** Replaces the device's copy of the queue (orders with entries still queued are kept). */
  saveQueue(queue: WarehouseQueue, now: number): Promise<void>;
  getSync(): Promise<SyncState>;
  setSync(changes: Partial<SyncState>): Promise<void>;
}

/** What a successful write told us about its order: the order in full (pick, pack) or in short (ship, note: none). */
export type ServerAnswer = { orderId: string; order: WarehouseOrder | null; summary: ServerSide | null };

/** The result of one pass. */
export interface SyncReport {
  sent: number;
  attention: number;
  /** Pending entries left (any staff member's). */
  remaining: number;
  /** Why the pass stopped early: offline, server error, sign-in needed, backoff. */
  halted?: 'sign-in' | 'retry-later' | 'backoff';
  retryAt?: number;
}

/** The answer to one request, or the network failure. */
type Outcome =
  | { type: 'response'; status: number; body: unknown }
  | { type: 'network-error'; message: string };

/** What to do with an answer: done, retry later (stop the pass), pause for sign-in, or needs attention. */
export type Decision =
  | { action: 'done' }
  | { action: 'retry'; reason: string }
  | { action: 'sign-in' }
  | { action: 'attention'; conflict: EntryConflict };

const TRANSIENT = new Set([408, 425, 429]);

/**
 * Pure decision for one answer. 2xx: done. 401: pause for sign-in (never drop). Network errors, 5xx, 408/425/429
 * and IDEMPOTENCY_IN_PROGRESS: retry later, until MAX_ATTEMPTS. Any other 4xx (409 conflict, 403, 404, 400, 422):
 * the action can never go through as it is; a person decides (Needs attention).
 */
export function decide(outcome: Outcome, attemptsBefore: number, now: number): Decision {
  if (outcome.type === 'network-error') {
    return retryOrGiveUp(`Network: ${outcome.message}`, attemptsBefore, now);
  }
  const { status } = outcome;
  if (status >= 200 && status < 300) return { action: 'done' };
  if (status === 401) return { action: 'sign-in' };
  const problem = readProblem(outcome.body);
  if (problem.code === 'IDEMPOTENCY_IN_PROGRESS' || TRANSIENT.has(status) || status >= 500) {
    return retryOrGiveUp(`HTTP ${status}${problem.code ? ` ${problem.code}` : ''}`, attemptsBefore, now);
  }
  return { action: 'attention', conflict: { status, ...problem, at: now } };
}

function retryOrGiveUp(reason: string, attemptsBefore: number, now: number): Decision {
  if (attemptsBefore + 1 < MAX_ATTEMPTS) return { action: 'retry', reason };
  return {
    action: 'attention',
    conflict: { status: 0, detail: `Gave up after ${attemptsBefore + 1} attempts (${reason}).`, at: now },
  };
}

/** The code, reason, detail and server side of a problem+json body. */
function readProblem(body: unknown): Omit<EntryConflict, 'status' | 'at'> {
  if (typeof body !== 'object' || body === null) return {};
  const b = body as { code?: unknown; detail?: unknown; meta?: { reason?: unknown; current?: unknown } };
  const full = WarehouseOrderSchema.safeParse(b.meta?.current);
  const short = full.success ? undefined : OrderSummarySchema.safeParse(b.meta?.current);
  return {
    ...(typeof b.code === 'string' ? { code: b.code } : {}),
    ...(typeof b.meta?.reason === 'string' ? { reason: b.meta.reason } : {}),
    ...(typeof b.detail === 'string' ? { detail: b.detail.slice(0, 300) } : {}),
    ...(full.success ? { current: full.data } : short?.success ? { current: short.data } : {}),
  };
}

/** The wait before the next pass after `failures` failed passes in a row (random in [0, 1) gives the jitter). */
export function backoffDelay(failures: number, random: number = Math.random()): number {
  const base = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (1 + random / 4));
}

/** Options of syncWarehouse. */
export interface SyncOptions {
  store: WarehouseStore;
  fetchFn?: typeof fetch;
  /** Prefix for request paths ('' in the browser: same origin). */
  baseUrl?: string;
  now?: () => number;
  /** Ignore the backoff (back online, a new action, the person pressed "Sync now"). */
  force?: boolean;
  random?: () => number;
}

/**
 * One pass: GET the queue (who is signed in, and what the orders look like now), then replay that person's pending
 * entries in id order. An order with an entry in Needs attention or queued by someone else holds its later entries
 * back; other orders go on. A failure that may pass (network, 5xx) stops the pass and sets the backoff; a 401 stops it
 * and asks to sign in again. Serialised by a Web Lock where there is one (tabs and the service worker).
 */
export function syncWarehouse(options: SyncOptions): Promise<SyncReport> {
  function run() {
    return syncOnce(options);
  }
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('edgeshop-warehouse-outbox', run) as unknown as Promise<SyncReport>) : run();
}

async function syncOnce(options: SyncOptions): Promise<SyncReport> {
  const { store } = options;
  const now = options.now ?? Date.now;
  const fetchFn = options.fetchFn ?? fetch;
  const base = options.baseUrl ?? '';
  const random = options.random ?? Math.random;
  const sync = await store.getSync();
  const report: SyncReport = { sent: 0, attention: 0, remaining: 0 };

  async function failed(): Promise<SyncReport> {
    // The wait grows only while nothing goes through: a pass that sent something starts the count again.
    const failures = report.sent > 0 ? 1 : sync.failures + 1;
    const retryAt = now() + backoffDelay(failures, random());
    await store.setSync({ failures, retryAt });
    report.remaining = (await store.list()).filter((e) => e.state === 'pending').length;
    return { ...report, halted: 'retry-later', retryAt };
  }

  if (!options.force && sync.retryAt > now()) {
    report.remaining = (await store.list()).filter((e) => e.state === 'pending').length;
    return { ...report, halted: 'backoff', retryAt: sync.retryAt };
  }

  const queue = await fetchQueue(fetchFn, base);
  if ('halted' in queue && queue.halted === 'sign-in') {
    await store.setSync({ signInNeeded: true });
    report.remaining = (await store.list()).filter((e) => e.state === 'pending').length;
    return { ...report, halted: 'sign-in' };
  }
  if (!('queue' in queue)) return failed();
  await store.saveQueue(queue.queue, now());
  await store.setSync({ staff: queue.queue.staff, signInNeeded: false, lastSyncedAt: now() });
  const me = queue.queue.staff.id;

  const held = new Set<string>();
  // Versions this pass moved orders on to (per order: from → to), so an entry read before a rebase goes out with the
  // version the order has now, following the chain pick → pick → pack.
  const moved = new Map<string, Map<number, number>>();
  for (const entry of await store.list()) {
    // A note depends on nothing before it: it goes out even while its order waits for a person's choice.
    const waits = held.has(entry.orderId) && entry.kind !== 'note';
    if (entry.state === 'attention' || entry.staffId !== me || waits) {
      held.add(entry.orderId);
      if (entry.state === 'pending') report.remaining++;
      continue;
    }
    const expectedVersion = followMoves(moved.get(entry.orderId), entry.expectedVersion);
    const request = requestOf({ ...entry, expectedVersion });
    let decision: Decision;
    let body: unknown;
    if (!request.ok) {
      decision = { action: 'attention', conflict: { status: 0, detail: request.reason, at: now() } };
    } else {
      const outcome = await call(
        fetchFn,
        `${base}${request.value.path}`,
        'POST',
        request.value.body,
        entry.idempotencyKey,
      );
      decision = decide(outcome, entry.attempts, now());
      body = outcome.type === 'response' ? outcome.body : undefined;
    }
    const id = entry.id as number;
    if (decision.action === 'done') {
      const answer = answerOf(entry, body);
      // Every write moves the version on by exactly one, so this write took the order from `expectedVersion` to the
      // next; not to whatever version the answer shows: a replayed write (its first answer lost) answers with the
      // order as it is now, and chaining to that would carry later entries over someone else's change unseen.
      const rebase = expectedVersion !== null ? { from: expectedVersion, to: expectedVersion + 1 } : null;
      await store.complete(id, answer, rebase);
      if (rebase)
        moved.set(entry.orderId, (moved.get(entry.orderId) ?? new Map()).set(rebase.from, rebase.to));
      report.sent++;
    } else if (decision.action === 'attention') {
      await store.setAttention(id, decision.conflict);
      held.add(entry.orderId);
      report.attention++;
    } else if (decision.action === 'sign-in') {
      await store.setSync({ signInNeeded: true });
      report.remaining = (await store.list()).filter((e) => e.state === 'pending').length;
      return { ...report, halted: 'sign-in' };
    } else {
      await store.recordFailure(id, entry.attempts + 1, decision.reason);
      return failed();
    }
  }
  await store.setSync({ failures: 0, retryAt: 0 });
  return report;
}

function followMoves(moves: Map<number, number> | undefined, version: number | null): number | null {
  let v = version;
  for (let i = 0; moves && v !== null && moves.has(v) && i < 1000; i++) v = moves.get(v) as number;
  return v;
}

/** What a successful write's body says about its order. */
function answerOf(entry: WarehouseEntry, body: unknown): ServerAnswer {
  const full = WarehouseOrderSchema.safeParse(body);
  if (full.success) return { orderId: entry.orderId, order: full.data, summary: null };
  const shipped = ShipAnswerSchema.safeParse(body);
  if (shipped.success) return { orderId: entry.orderId, order: null, summary: shipped.data.order };
  return { orderId: entry.orderId, order: null, summary: null };
}

async function call(
  fetchFn: typeof fetch,
  url: string,
  method: 'GET' | 'POST',
  body?: unknown,
  idempotencyKey?: string,
): Promise<Outcome> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let response: Response;
  try {
    response = await fetchFn(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    return { type: 'network-error', message: error instanceof Error ? error.message : String(error) };
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    // A 5xx from a proxy, or a dropped body: the status decides.
    if (response.ok) return { type: 'network-error', message: 'unreadable answer' };
  }
  return { type: 'response', status: response.status, body: parsed };
}
