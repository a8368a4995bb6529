/** Registers the service worker (production only), shows a discreet badge while offline, asks it to replay the outbox on reconnect, to refresh the offline catalog when idle (the cart page itself reacts to a replay: app/lib/use-offline-cart.ts). */
import { component$, useSignal, useVisibleTask$ } from '@builder.io/qwik';
import { FLUSH_OUTBOX_MESSAGE, SYNC_CATALOG_MESSAGE } from '~/lib/offline/sw-messages';

const BADGE_STYLE =
  'position:fixed;bottom:1rem;left:1rem;z-index:50;padding:.35rem .75rem;border-radius:999px;' +
  'background:#1f3a5f;color:#fff;font:600 .8125rem/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgb(0 0 0/.2)';

/** No visible UI while online. Mount once, inside <body> in app/root.tsx. */
export const SwRegister = component$(() => {
  const offline = useSignal(false);

  // A visible task is the point here: registering a SW and listening for connectivity exist only in the browser.
  // document-ready rather than intersection: the task must run whatever is on screen, still after first paint.
  // biome-ignore lint/correctness/noQwikUseVisibleTask: browser-only APIs (serviceWorker, online/offline events).
  useVisibleTask$(
    ({ cleanup }) => {
      function update() {
        offline.value = !navigator.onLine;
      }
      function reconnect() {
        update();
        // The SW replays the outbox (it also gets a Background Sync where the browser has one): importing the outbox
        // here, even lazily, would put it and zod in every page's preload graph.
        navigator.serviceWorker?.controller?.postMessage(FLUSH_OUTBOX_MESSAGE);
        syncCatalogWhenIdle();
      }
      // The offline catalog snapshot is refreshed by the SW (it throttles itself), once this page has nothing
      // better to do: never on the critical path, and no Dexie in the page.
      function syncCatalogWhenIdle() {
        if (!navigator.onLine || !('serviceWorker' in navigator)) return;
        function ask() {
          void navigator.serviceWorker.ready.then((reg) => reg.active?.postMessage(SYNC_CATALOG_MESSAGE));
        }
        if ('requestIdleCallback' in window) requestIdleCallback(ask, { timeout: 10_000 });
        else setTimeout(ask, 2_000);
      }
      update();
      window.addEventListener('online', reconnect);
      window.addEventListener('offline', update);
      cleanup(() => {
        window.removeEventListener('online', reconnect);
        window.removeEventListener('offline', update);
      });

      // In dev (vite) there is no dist/sw.js and caching would hide code changes.
      if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
      void import('workbox-window')
        .then(({ Workbox }) => new Workbox('/sw.js', { scope: '/' }).register())
        .then(syncCatalogWhenIdle)
        .catch((error: unknown) => console.warn('Service worker registration failed', error));
    },
    { strategy: 'document-ready' },
  );

  return offline.value ? (
    <output aria-live="polite" style={BADGE_STYLE}>
      Offline: showing saved pages
    </output>
  ) : null;
});
