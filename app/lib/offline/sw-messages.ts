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

/**
 * Page → service worker: a shopper's session on this device ended; delete the pages cache (visited pages and their
 * loader data, which may show that shopper's cart count). Post it (endSessionOnDevice) on logout; the logout
 * response should also carry `Clear-Site-Data: "cache"`, which clears the HTTP cache but not the service worker's
 * caches (see docs/architecture.md, "Per-user pages and the service worker").
 */
export interface ClearUserCachesMessage {
  type: 'clear-user-caches';
}

/** The message a page posts to its controlling service worker when a session ends. */
export const CLEAR_USER_CACHES_MESSAGE: ClearUserCachesMessage = { type: 'clear-user-caches' };

/** True when `data` (from a MessageEvent) is a ClearUserCachesMessage. */
export function isClearUserCachesMessage(data: unknown): data is ClearUserCachesMessage {
  return (
    typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'clear-user-caches'
  );
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

/**
 * Ends this shopper's session on the device: asks the service worker to delete the pages cache, and empties this
 * device's offline copy of the cart (the account's cart leaves the device with the session; queued writes stay in the
 * outbox, addressed to their cart by id, so nothing the shopper did offline is lost). Resolves once both are done,
 * or after 3 s.
 */
export function endSessionOnDevice(): Promise<void> {
  const forgetCart = import('./db').then((m) => m.forgetCartMirror()).catch(() => undefined);
  const sw = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker?.controller;
  const clearPages: Promise<void> = !sw
    ? Promise.resolve()
    : new Promise((resolve) => {
        const channel = new MessageChannel();
        const timer = setTimeout(resolve, 3_000);
        channel.port1.onmessage = () => {
          clearTimeout(timer);
          resolve();
        };
        sw.postMessage(CLEAR_USER_CACHES_MESSAGE, [channel.port2]);
      });
  return Promise.all([clearPages, forgetCart]).then(() => undefined);
}

/** Page → service worker: refresh the offline catalog snapshot (posted when the page is idle and online). */
export interface SyncCatalogMessage {
  type: 'sync-catalog';
}

/** The message SwRegister posts once a page is idle, and again on reconnect. */
export const SYNC_CATALOG_MESSAGE: SyncCatalogMessage = { type: 'sync-catalog' };

/** True when `data` (from a MessageEvent) is a SyncCatalogMessage. */
export function isSyncCatalogMessage(data: unknown): data is SyncCatalogMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'sync-catalog';
}

/** Service worker → window clients: a catalog sync finished (the offline catalog shell and tests listen). */
export interface CatalogSyncedMessage {
  type: 'catalog-synced';
  report: import('./catalog-snapshot').SnapshotSyncReport;
}

/**
 * The BroadcastChannel on which a tab says it queued a cart write offline (app/lib/offline/offline-cart.ts), so an
 * open cart page in another tab redraws the device's cart at once. Here, not in offline-cart.ts: the cart page
 * listens from first paint and must not load zod and Dexie for it.
 */
export const CART_QUEUED_CHANNEL = 'edgeshop-cart-queued';

/** Where the cart page keeps its what-changed sentences across the reload that shows the server's cart. */
export const CART_CHANGES_SESSION_KEY = 'edgeshop.cart-changes';

/** Background Sync tag under which the service worker replays the warehouse outbox (app/lib/warehouse/outbox.ts). */
export const WAREHOUSE_SYNC_TAG = 'warehouse-outbox';

/** The warehouse app's pages: shells filled from IndexedDB, kept by the service worker so the app opens offline. */
export const WAREHOUSE_SHELL_PATHS = [
  '/warehouse',
  '/warehouse/pick',
  '/warehouse/order',
  '/warehouse/attention',
];

/** Page → service worker: fetch and keep every warehouse page now (the queue page posts it while online). */
export interface KeepWarehouseShellMessage {
  type: 'keep-warehouse-shell';
}

/** True when `data` (from a MessageEvent) is a KeepWarehouseShellMessage. */
export function isKeepWarehouseShellMessage(data: unknown): data is KeepWarehouseShellMessage {
  return (
    typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'keep-warehouse-shell'
  );
}
