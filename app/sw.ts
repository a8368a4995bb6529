/** The service worker: precaches the app shell, keeps visited pages, images and the catalogue usable offline, replays the outbox. */
import { clientsClaim } from 'workbox-core';
import type { WorkboxPlugin } from 'workbox-core/types';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { syncCatalogSnapshot } from './lib/offline/catalog-snapshot';
import { type FlushReport, flushOutbox } from './lib/offline/outbox';
import {
  type CatalogSyncedMessage,
  isClearUserCachesMessage,
  isFlushOutboxMessage,
  isKeepWarehouseShellMessage,
  isSyncCatalogMessage,
  OUTBOX_SYNC_TAG,
  type OutboxFlushedMessage,
  WAREHOUSE_SHELL_PATHS,
  WAREHOUSE_SYNC_TAG,
} from './lib/offline/sw-messages';
import { deviceWarehouseStore } from './lib/warehouse/device-store';
import { syncWarehouse } from './lib/warehouse/outbox';
import { ZXING_WASM_PATH } from './lib/warehouse/zxing-wasm-path';

// workbox-precaching declares `__WB_MANIFEST` on ServiceWorkerGlobalScope; build-sw.mjs injects the list.
declare const self: ServiceWorkerGlobalScope;

/** Background Sync's event (Chromium); TypeScript's WebWorker lib does not declare it yet. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}
declare global {
  interface ServiceWorkerGlobalScopeEventMap {
    sync: SyncEvent;
  }
}

/**
 * Cache names are part of the contract with tests/e2e/offline.spec.ts; bump the suffix to drop old entries.
 * pages-v2: pages-v1 could hold /cart and its q-data.json from before the cart page was `no-store`.
 * pages-v3: pages-v2 could hold catalog pages whose header embedded the shopper's cart count.
 */
const CACHE_NAMES = {
  pages: 'pages-v3',
  media: 'media-v1',
  catalog: 'catalog-v1',
  warehouse: 'warehouse-v1',
} as const;

const OFFLINE_URL = '/offline.html';
/** The offline catalog shell: lists a category, a collection or search results from the IndexedDB snapshot. */
const OFFLINE_CATALOG_URL = '/offline-catalog.html';

/** Listing pages the offline catalog shell can stand in for when they were never visited. */
function isCatalogListing(url: URL): boolean {
  return /^\/(c|collections)\/[^/]+\/?$/.test(url.pathname) || /^\/search\/?$/.test(url.pathname);
}

/**
 * Trade-off: skipWaiting + clientsClaim let the very first visit be controlled (a page viewed once reloads offline)
 * and ship fixes at once. The cost: a new SW takes over tabs still running the previous build, and on activation the
 * precache drops chunks that are no longer in the manifest (and a Workers deploy removes them from the network too),
 * so a long-open old tab that lazily loads a not-yet-used old chunk can fail until it is reloaded. Qwik loads most
 * chunks on interaction, so this is a real but rare edge; waiting for all tabs to close would make offline support
 * depend on the shopper closing the site first, which is worse for a store.
 */
self.skipWaiting();
clientsClaim();

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Runtime caches from an earlier naming (e.g. pages-v0) are deleted once this SW activates.
self.addEventListener('activate', (event) => {
  const current = new Set<string>(Object.values(CACHE_NAMES));
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((n) => /^(pages|media|catalog|warehouse)-v\d+$/.test(n) && !current.has(n))
            .map((n) => caches.delete(n)),
        ),
      ),
  );
});

/**
 * Areas that are always one person's: never kept, even if a page forgot its `no-store` (they still fall back to the
 * offline page), so after a logout nothing of that shopper is left on the device. Catalog pages hold nothing per
 * user at all since the header's cart count and name moved to the browser (SessionIsland).
 */
const PER_USER_PAGE = /^\/(account|cart|checkout|orders|admin|warehouse|preview)(\/|$)/;

/**
 * Pages that carry per-user data (cart, account, admin, and their q-data.json) mark themselves `Cache-Control:
 * no-store`; the SW obeys, so only what the server allows is kept on the device. Non-2xx pages are never stored either.
 */
const respectNoStore: WorkboxPlugin = {
  cacheWillUpdate: async ({ request, response }) => {
    if (response.status !== 200) return null;
    if (PER_USER_PAGE.test(new URL(request.url).pathname)) return null;
    if (/\bno-store\b/i.test(response.headers.get('Cache-Control') ?? '')) return null;
    return response;
  },
};

function isSameOrigin(url: URL): boolean {
  return url.origin === self.location.origin;
}

/** Carts and checkouts are per user and change constantly: they always go to the network (the outbox replays them). */
function isUncachedApi(url: URL): boolean {
  return url.pathname.startsWith('/api/carts') || url.pathname.startsWith('/api/orders');
}

/**
 * The warehouse app's pages are shells (everything they show comes from IndexedDB), so they are kept, unlike other
 * staff pages, in a cache of their own: network-first, then the kept copy, whatever the query (`/warehouse/order?id=…`
 * opens offline for any order). Only a real 200 page is kept, never the login page a redirect led to. Registered
 * before the general navigation route, which would refuse to keep anything under /warehouse.
 */
function isWarehouseShell(url: URL): boolean {
  const path = url.pathname.replace(/\/q-data\.json$/, '').replace(/\/+$/, '') || '/';
  return WAREHOUSE_SHELL_PATHS.includes(path);
}
const keepWarehousePage: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) =>
    response.status === 200 && !response.redirected && new URL(response.url).pathname.startsWith('/warehouse')
      ? response
      : null,
};
registerRoute(
  ({ request, url }) =>
    isSameOrigin(url) &&
    isWarehouseShell(url) &&
    (request.mode === 'navigate' || url.pathname.endsWith('/q-data.json')),
  new NetworkFirst({
    cacheName: CACHE_NAMES.warehouse,
    networkTimeoutSeconds: 3,
    matchOptions: { ignoreSearch: true },
    plugins: [keepWarehousePage],
  }),
);

// The barcode scanner's WebAssembly (only tablets without a native BarcodeDetector fetch it): kept with the warehouse
// pages once fetched, so scanning works offline. Its name has no hash; a new build's copy replaces it when the
// warehouse cache's version changes.
registerRoute(
  ({ url }) => isSameOrigin(url) && url.pathname === ZXING_WASM_PATH,
  new CacheFirst({ cacheName: CACHE_NAMES.warehouse }),
);

// Navigations (and Qwik City's client-side route data, q-data.json) are network-first, so a visited page
// reloads offline; 3 s keeps a flaky connection from hanging the page before the cached copy is used. Not
// stale-while-revalidate: the network answer is cheap (catalog pages come from the edge cache) and always as new as
// the catalog, while a kept copy would show the shopper yesterday's price for one more visit.
registerRoute(
  ({ request, url }) =>
    isSameOrigin(url) &&
    !url.pathname.startsWith('/api/') &&
    (request.mode === 'navigate' || url.pathname.endsWith('/q-data.json')),
  new NetworkFirst({
    cacheName: CACHE_NAMES.pages,
    networkTimeoutSeconds: 3,
    plugins: [respectNoStore, new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 7 * 24 * 3600 })],
  }),
);

registerRoute(
  ({ url }) => isSameOrigin(url) && url.pathname.startsWith('/media/'),
  new CacheFirst({
    cacheName: CACHE_NAMES.media,
    plugins: [
      respectNoStore,
      new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true }),
    ],
  }),
);

registerRoute(
  ({ url }) =>
    isSameOrigin(url) &&
    !isUncachedApi(url) &&
    (url.pathname.startsWith('/api/products') ||
      url.pathname.startsWith('/api/categories') ||
      url.pathname === '/api/promotions/automatic'),
  new StaleWhileRevalidate({
    cacheName: CACHE_NAMES.catalog,
    plugins: [respectNoStore, new ExpirationPlugin({ maxEntries: 100, maxAgeSeconds: 24 * 3600 })],
  }),
  'GET',
);

// registerRoute defaults to GET, so POST/PUT/DELETE (and /api/carts) are never routed and go straight to the network.

setCatchHandler(async ({ request, url }) => {
  if (request.mode === 'navigate') {
    // A listing never visited: the shell renders it from the snapshot (the page cache was tried first).
    const shell =
      url && isSameOrigin(url) && isCatalogListing(url)
        ? await matchPrecache(OFFLINE_CATALOG_URL)
        : undefined;
    if (shell) return shell;
    const offline = await matchPrecache(OFFLINE_URL);
    if (offline) return offline;
  }
  return Response.error();
});

/**
 * Replays the outbox here rather than in the page, so zod, Dexie and the replay code stay out of every page's preload
 * graph and Background Sync can finish the job after the tab closed. The SW's own fetches never pass through its
 * routes, and /api/carts and /api/orders are not routed anyway. Tells open windows what happened.
 */
async function replayOutbox(): Promise<FlushReport> {
  const report = await flushOutbox((input, init) => self.fetch(input, init));
  const message: OutboxFlushedMessage = { type: 'outbox-flushed', report };
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
  return report;
}

// Rejecting while entries remain makes the browser retry the sync later, with its own backoff.
self.addEventListener('sync', (event) => {
  if (event.tag !== OUTBOX_SYNC_TAG) return;
  event.waitUntil(
    replayOutbox().then((report) => {
      if (report.remaining > 0)
        throw new Error(`outbox: ${report.remaining} left (${report.halted ?? 'halted'})`);
    }),
  );
});

// Pages post flush-outbox on reconnect and where Background Sync is missing; a failed replay waits for the next one.
self.addEventListener('message', (event) => {
  if (!isFlushOutboxMessage(event.data)) return;
  event.waitUntil(replayOutbox().catch((error: unknown) => console.warn('Outbox replay failed', error)));
});

// A session ended on this device (a future logout posts it): drop every kept page, so the next person sees none of
// them offline. Answers on the message's port, if it brought one, once the cache is gone.
self.addEventListener('message', (event) => {
  if (!isClearUserCachesMessage(event.data)) return;
  event.waitUntil(
    caches.delete(CACHE_NAMES.pages).then(() => event.ports[0]?.postMessage({ type: 'user-caches-cleared' })),
  );
});

/**
 * Refreshes the offline catalog snapshot here rather than in the page, for the same reason as the outbox: Dexie and
 * zod stay out of every page's JavaScript. Pages ask when idle (throttled inside the sync); windows hear the result.
 */
self.addEventListener('message', (event) => {
  if (!isSyncCatalogMessage(event.data)) return;
  event.waitUntil(
    syncCatalogSnapshot((input, init) => self.fetch(input, init)).then(async (report) => {
      const message: CatalogSyncedMessage = { type: 'catalog-synced', report };
      for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
    }),
  );
});

/**
 * Replays the warehouse outbox when the browser says the device is back online, even with no warehouse page open.
 * Rejecting while a failure may pass makes the browser try again later; a sign-in pause waits for the person.
 */
self.addEventListener('sync', (event) => {
  if (event.tag !== WAREHOUSE_SYNC_TAG) return;
  event.waitUntil(
    syncWarehouse({
      store: deviceWarehouseStore(),
      fetchFn: (input, init) => self.fetch(input, init),
      force: true,
    }).then((report) => {
      if (report.halted === 'retry-later') throw new Error(`warehouse outbox: ${report.remaining} left`);
    }),
  );
});

/** Keeps every warehouse page (a page asks while online), so the app opens offline on any screen. */
self.addEventListener('message', (event) => {
  if (!isKeepWarehouseShellMessage(event.data)) return;
  event.waitUntil(
    caches.open(CACHE_NAMES.warehouse).then((cache) =>
      Promise.all(
        WAREHOUSE_SHELL_PATHS.map(async (path) => {
          const response = await self
            .fetch(path, { credentials: 'same-origin', redirect: 'manual' })
            .catch(() => undefined);
          if (response?.status === 200) await cache.put(path, response);
        }),
      ),
    ),
  );
});
