/** The warehouse screens' live view of the device (IndexedDB) and the foreground sync loop, for as long as a page is open. */
import { createContextId, type Signal, useContext, useSignal, useVisibleTask$ } from '@builder.io/qwik';
import type { WarehouseSnapshot } from '~/lib/warehouse/client';

/** The device's orders and sync state (null until IndexedDB answered: the first paint shows "Loading"). */
export function useWarehouse(): Signal<WarehouseSnapshot | null> {
  const snapshot = useSignal<WarehouseSnapshot | null>(null);
  // Eagerly: the queue must show within 200 ms of opening, and the sync loop must run while the page is open.
  // biome-ignore lint/correctness/noQwikUseVisibleTask: browser-only APIs (IndexedDB, online events, Web Locks).
  useVisibleTask$(
    ({ cleanup }) => {
      let stop: (() => void) | undefined;
      let cancelled = false;
      import('~/lib/warehouse/client').then((client) => {
        if (cancelled) return;
        const unwatch = client.watchWarehouse((s) => {
          snapshot.value = s;
        });
        const stopLoop = client.startSyncLoop();
        stop = () => {
          unwatch();
          stopLoop();
        };
      });
      cleanup(() => {
        cancelled = true;
        stop?.();
      });
    },
    { strategy: 'document-ready' },
  );
  return snapshot;
}

/** The warehouse layout's snapshot, shared with the header and the page (one watcher, one sync loop per tab). */
export const WarehouseContext = createContextId<Signal<WarehouseSnapshot | null>>('warehouse.snapshot');

/** The snapshot the warehouse layout provides. */
export function useWarehouseSnapshot(): Signal<WarehouseSnapshot | null> {
  return useContext(WarehouseContext);
}

/**
 * The page's query string as the browser has it. Not useLocation(): offline, the service worker answers
 * `/warehouse/order?id=B` with the page kept for `/warehouse/order?id=A` (or with no query), and Qwik City's location
 * is the one the server rendered. Empty until the page runs in the browser.
 */
export function useBrowserSearch(): Signal<string> {
  const search = useSignal('');
  // biome-ignore lint/correctness/noQwikUseVisibleTask: only the browser knows its real address here.
  useVisibleTask$(
    () => {
      search.value = window.location.search;
    },
    { strategy: 'document-ready' },
  );
  return search;
}
