/** Runs once in the browser after a session ended (logout, account deleted): the service worker drops cached pages. */
import { component$, useVisibleTask$ } from '@builder.io/qwik';
import { endSessionOnDevice } from '~/lib/offline/sw-messages';

/** Renders nothing; mount it only on the page a logout lands on. */
export const SessionCleanup = component$(() => {
  // The service worker's caches exist only in the browser, and the page must not wait for a click to clear them.
  // biome-ignore lint/correctness/noQwikUseVisibleTask: browser-only API (the service worker), run on arrival.
  useVisibleTask$(
    () => {
      void endSessionOnDevice();
    },
    { strategy: 'document-ready' },
  );
  return null;
});
