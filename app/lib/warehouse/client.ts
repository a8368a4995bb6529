/**
 * The warehouse screens' side of the device: what to show (live from IndexedDB, so the screen updates the moment an
 * action is stored), queuing pick / pack / ship / note actions, the supervisor's choices on a conflict, and the
 * foreground sync loop (online and visibility events, backoff timer) beside Background Sync in the service worker.
 * Pages import it lazily from visible tasks and handlers only: it pulls in Dexie and zod.
 */
import { liveQuery } from 'dexie';
import { getDb } from '~/lib/offline/db';
import { type KeepWarehouseShellMessage, WAREHOUSE_SYNC_TAG } from '~/lib/offline/sw-messages';
import type { WarehouseOrder } from './contract';
import { deviceWarehouseStore, readSync, SYNC_META_KEY } from './device-store';
import { ENTRY_BODIES, type EntryBody, type EntryKind, type WarehouseEntry } from './entries';
import { INITIAL_SYNC, type SyncReport, type SyncState, syncWarehouse } from './outbox';
import { applyEntries, type ShownOrder, showOrders } from './view';

/** Everything a warehouse screen shows. */
export interface WarehouseSnapshot {
  orders: ShownOrder[];
  sync: SyncState;
  syncing: boolean;
  online: boolean;
}

let syncing = false;
const syncingListeners = new Set<() => void>();
function setSyncing(value: boolean): void {
  syncing = value;
  for (const l of syncingListeners) l();
}

/**
 * Calls `onChange` with the device's orders and sync state now and after every change (a stored action, a finished
 * replay, another tab's write). The first call marks `warehouse:queue-shown` for the performance bench. Returns the
 * unsubscribe function.
 */
export function watchWarehouse(onChange: (snapshot: WarehouseSnapshot) => void): () => void {
  performance.mark('warehouse:idb-start');
  let latest:
    | { orders: Parameters<typeof showOrders>[0]; entries: WarehouseEntry[]; sync: SyncState }
    | undefined;
  let first = true;
  function emit() {
    if (!latest) return;
    const orders = showOrders(latest.orders, latest.entries, {
      syncing,
      staffId: latest.sync.staff?.id ?? null,
    });
    onChange({ orders, sync: latest.sync, syncing, online: navigator.onLine });
    if (first) {
      first = false;
      performance.mark('warehouse:queue-shown');
      performance.measure('warehouse:queue-from-idb', 'warehouse:idb-start', 'warehouse:queue-shown');
    }
  }
  const subscription = liveQuery(async () => {
    const db = await getDb();
    return db.transaction('r', db.warehouseOrders, db.warehouseOutbox, db.meta, async () => {
      const [orders, entries, meta] = await Promise.all([
        db.warehouseOrders.toArray(),
        db.warehouseOutbox.orderBy('id').toArray(),
        db.meta.get(SYNC_META_KEY),
      ]);
      return { orders, entries, sync: { ...INITIAL_SYNC, ...(meta?.value as Partial<SyncState>) } };
    });
  }).subscribe({
    next: (value) => {
      latest = value;
      emit();
    },
    error: (error: unknown) => console.warn('warehouse: reading the device failed', error),
  });
  syncingListeners.add(emit);
  window.addEventListener('online', emit);
  window.addEventListener('offline', emit);
  return () => {
    subscription.unsubscribe();
    syncingListeners.delete(emit);
    window.removeEventListener('online', emit);
    window.removeEventListener('offline', emit);
  };
}

/** Why an action could not be stored. */
export type QueueError = 'not-signed-in' | 'unknown-order' | 'invalid';

/**
 * Stores one action in the outbox (its own Idempotency-Key, the staff id of the queue's session, the order version
 * this device saw) and starts a sync. The screen shows it at once through watchWarehouse.
 */
export async function queueAction<K extends EntryKind>(
  kind: K,
  orderId: string,
  body: EntryBody<K>,
): Promise<{ ok: true } | { ok: false; error: QueueError }> {
  const parsed = ENTRY_BODIES[kind].safeParse(body);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const sync = await readSync();
  if (!sync.staff) return { ok: false, error: 'not-signed-in' };
  const db = await getDb();
  const kept = await db.warehouseOrders.get(orderId);
  if (!kept) return { ok: false, error: 'unknown-order' };
  const entry: WarehouseEntry = {
    kind,
    orderId,
    orderNumber: kept.order.number,
    body: parsed.data as EntryBody<K>,
    expectedVersion: kind === 'note' ? null : kept.order.version,
    staffId: sync.staff.id,
    staffName: sync.staff.name,
    idempotencyKey: crypto.randomUUID(),
    createdAt: Date.now(),
    attempts: 0,
    state: 'pending',
  };
  await db.warehouseOutbox.add(entry);
  void requestSync(true);
  return { ok: true };
}

/**
 * Confirms one more unit of an order line (a tap or a scan): the new absolute picked count is worked out from what
 * this device shows now (the server's copy plus actions still queued) inside one transaction, so quick taps never
 * read a stale count. 'full' when every unit left to ship is already picked.
 */
export async function pickOne(orderId: string, lineId: string): Promise<'picked' | 'full' | QueueError> {
  const sync = await readSync();
  if (!sync.staff) return 'not-signed-in';
  const staff = sync.staff;
  const db = await getDb();
  const result = await db.transaction('rw', db.warehouseOrders, db.warehouseOutbox, async () => {
    const kept = await db.warehouseOrders.get(orderId);
    if (!kept) return 'unknown-order' as const;
    const own = await db.warehouseOutbox.where('orderId').equals(orderId).sortBy('id');
    const line = applyEntries(kept.order, own).lines.find((l) => l.lineId === lineId);
    if (!line) return 'unknown-order' as const;
    if (line.picked >= line.quantity - line.shipped) return 'full' as const;
    await db.warehouseOutbox.add({
      kind: 'pick',
      orderId,
      orderNumber: kept.order.number,
      body: { lines: [{ lineId, picked: line.picked + 1 }] },
      expectedVersion: kept.order.version,
      staffId: staff.id,
      staffName: staff.name,
      idempotencyKey: crypto.randomUUID(),
      createdAt: Date.now(),
      attempts: 0,
      state: 'pending',
    });
    return 'picked' as const;
  });
  if (result === 'picked') void requestSync(true);
  return result;
}

/**
 * "Retry with the current order": the order's held actions go out again on the server's current version, each
 * refused one with a new Idempotency-Key (the old key's answer was the refusal). Only for an order that was edited,
 * never one cancelled or shipped elsewhere: false then.
 */
export async function retryWithCurrent(orderId: string): Promise<boolean> {
  const db = await getDb();
  const ok = await db.transaction('rw', db.warehouseOutbox, db.warehouseOrders, async () => {
    const own = await db.warehouseOutbox.where('orderId').equals(orderId).sortBy('id');
    const refused = own.find((e) => e.state === 'attention');
    const current = refused?.conflict?.current;
    if (!current || !canRetry(refused)) return false;
    if ('lines' in current) {
      await db.warehouseOrders.put({
        id: current.id,
        placedAt: current.placedAt,
        order: current,
        savedAt: Date.now(),
      });
    }
    for (const e of own) {
      await db.warehouseOutbox.update(e.id as number, {
        expectedVersion: e.kind === 'note' ? null : current.version,
        ...(e.state === 'attention' ? { idempotencyKey: crypto.randomUUID(), attempts: 0 } : {}),
        state: 'pending',
        conflict: undefined,
        lastError: undefined,
      });
    }
    return true;
  });
  if (ok) void requestSync(true);
  return ok;
}

/** Whether "retry with the current order" is offered: the server's order was edited, not cancelled or shipped. */
export function canRetry(refused: WarehouseEntry | undefined): boolean {
  const c = refused?.conflict;
  if (!c?.current || c.status !== 409) return false;
  const status = c.current.status;
  return (
    c.reason !== 'cancelled' && c.reason !== 'shipped' && (status === 'pending' || status === 'processing')
  );
}

/** "Discard my actions": the order's queued actions leave this device unsent. */
export async function discardActions(orderId: string): Promise<void> {
  const db = await getDb();
  await db.warehouseOutbox
    .where('orderId')
    .equals(orderId)
    .filter((e) => e.kind !== 'note')
    .delete();
}

/** The order as the server last sent it to this device (for the "order now" side when the conflict had none). */
export async function deviceOrder(orderId: string): Promise<WarehouseOrder | undefined> {
  return (await (await getDb()).warehouseOrders.get(orderId))?.order;
}

let running: Promise<SyncReport> | undefined;
/** Asked for while a pass ran: that pass may have read the outbox before the new action was stored. */
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * One sync pass now (forced: ignores the backoff), then another when the backoff ends while actions wait. Also asks
 * the service worker for a Background Sync, which finishes the job if the tab closes.
 */
export async function requestSync(force = false): Promise<SyncReport | undefined> {
  void registerBackgroundSync();
  if (!navigator.onLine) return undefined;
  if (running) {
    again = true;
    return running;
  }
  clearTimeout(timer);
  setSyncing(true);
  running = syncWarehouse({ store: deviceWarehouseStore(), force }).finally(() => {
    running = undefined;
    setSyncing(false);
  });
  const report = await running.catch((error: unknown) => {
    console.warn('warehouse: sync failed', error);
    return undefined;
  });
  if (again && !report?.halted) {
    again = false;
    return requestSync(true);
  }
  again = false;
  if (report?.retryAt) {
    timer = setTimeout(() => void requestSync(), Math.max(50, report.retryAt - Date.now()));
  }
  return report;
}

/** The Background Sync part of a registration (Chromium); not in TypeScript's DOM lib. */
interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/** Asks the service worker to keep every warehouse page, so any of them opens offline, visited or not. */
function keepShell(): void {
  const message: KeepWarehouseShellMessage = { type: 'keep-warehouse-shell' };
  if (navigator.onLine) navigator.serviceWorker?.controller?.postMessage(message);
}

async function registerBackgroundSync(): Promise<void> {
  const container = navigator.serviceWorker;
  if (!container?.controller) return;
  try {
    const registration = (await container.ready) as ServiceWorkerRegistration & { sync?: SyncManagerLike };
    await registration.sync?.register(WAREHOUSE_SYNC_TAG);
  } catch {
    // Refused (site settings): the foreground loop still replays while a warehouse page is open.
  }
}

/**
 * Starts the foreground loop for as long as a warehouse page is open: a pass now, on reconnect, when the tab comes
 * back into view, and every minute (the queue refresh); the backoff timer in requestSync handles failures.
 */
export function startSyncLoop(): () => void {
  function onOnline() {
    void requestSync(true);
  }
  function onVisible() {
    if (document.visibilityState === 'visible') void requestSync();
  }
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  keepShell();
  const every = setInterval(() => void requestSync(), 60_000);
  void requestSync(true);
  return () => {
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(every);
    clearTimeout(timer);
  };
}
