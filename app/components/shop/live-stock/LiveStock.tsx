/**
 * Live availability: once the page is idle, one WebSocket to GET /api/stock/{sku}/live for the variant on show. Each
 * message updates `stock`, which the buy box's aria-live stock note renders. Reconnects with backoff; closes while
 * the tab is hidden and on pagehide (so the page can enter the back/forward cache); moves when the variant changes.
 */
import { component$, type Signal, useVisibleTask$ } from '@builder.io/qwik';
import { watchStock } from '~/lib/live-stock-socket';

interface Props {
  sku: Readonly<Signal<string | null>>;
  stock: Record<string, number | null>;
}

export const LiveStock = component$<Props>(({ sku, stock }) => {
  useVisibleTask$(
    ({ track, cleanup }) => {
      const watched = track(() => sku.value);
      if (!watched) return;
      cleanup(
        watchStock(watched, (available) => {
          stock[watched] = available;
        }),
      );
    },
    { strategy: 'document-idle' },
  );
  return <span hidden data-live-stock={sku.value ?? ''} />;
});
