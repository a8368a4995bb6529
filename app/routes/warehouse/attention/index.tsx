/**
 * Needs attention: actions the server refused (the order was cancelled, edited or shipped elsewhere meanwhile), with
 * both sides, what this tablet did and the order now, and a supervisor's choices: retry with the current order (edits
 * only), discard my actions, or add a note on the order for the supervisor.
 */
import { $, component$, useSignal } from '@builder.io/qwik';
import type { DocumentHead } from '@builder.io/qwik-city';
import { ConflictNote } from '~/components/warehouse/conflict-note/ConflictNote';
import { useWarehouseSnapshot } from '~/components/warehouse/use-warehouse';
import type { ServerSide } from '~/lib/warehouse/contract';
import { describeEntry, type WarehouseEntry } from '~/lib/warehouse/entries';
import type { ShownOrder } from '~/lib/warehouse/view';

const REASONS: Record<string, string> = {
  cancelled: 'The order was cancelled.',
  edited: 'The order was changed after this tablet last saw it.',
  shipped: 'The order was already shipped by someone else.',
};

function whyText(e: WarehouseEntry): string {
  const c = e.conflict;
  if (!c) return 'Waiting behind the refused action.';
  if (c.reason && REASONS[c.reason]) return REASONS[c.reason] as string;
  if (c.status === 403) return 'Your account may not do this.';
  if (c.status === 404) return 'The order no longer exists.';
  return c.detail ?? `The server refused it (HTTP ${c.status}${c.code ? ` ${c.code}` : ''}).`;
}

/** Whether "Retry with the current order" is offered (mirrors canRetry in app/lib/warehouse/client.ts). */
function retryable(o: ShownOrder): boolean {
  const c = o.attention[0]?.conflict;
  const status = c?.current?.status;
  return (
    c?.status === 409 &&
    c.reason !== 'cancelled' &&
    c.reason !== 'shipped' &&
    (status === 'pending' || status === 'processing')
  );
}

function skuNamer(o: ShownOrder) {
  return (lineId: string) => o.order.lines.find((l) => l.lineId === lineId)?.sku ?? lineId;
}

export default component$(() => {
  const snapshot = useWarehouseSnapshot();
  const message = useSignal('');
  const list = snapshot.value?.orders.filter((o) => o.badge === 'attention') ?? [];

  const retry = $(async (orderId: string, number: string) => {
    const { retryWithCurrent } = await import('~/lib/warehouse/client');
    message.value = (await retryWithCurrent(orderId))
      ? `Order ${number}: sending your actions again on the current order.`
      : `Order ${number} cannot be retried: it was cancelled or shipped.`;
  });
  const discard = $(async (orderId: string, number: string) => {
    const { discardActions } = await import('~/lib/warehouse/client');
    await discardActions(orderId);
    message.value = `Order ${number}: your actions were discarded.`;
  });

  return (
    <section class="wh-page">
      <h1>Needs attention</h1>
      <p class="wh-message" role="status">
        {message.value}
      </p>
      {snapshot.value && list.length === 0 && <p class="wh-note">Nothing needs attention.</p>}
      <ul class="wh-cards">
        {list.map((o) => {
          const refused = o.attention[0];
          const now: ServerSide | undefined = refused?.conflict?.current;
          const full = now && 'lines' in now ? now : undefined;
          return (
            <li key={o.order.id} class="wh-conflict" data-order={o.order.number}>
              <h2>Order {o.order.number}</h2>
              <p class="wh-why">{refused && whyText(refused)}</p>
              <div class="wh-sides">
                <section aria-labelledby={`tablet-${o.order.id}`}>
                  <h3 id={`tablet-${o.order.id}`}>What this tablet did</h3>
                  <ul>
                    {[...o.attention, ...o.pending].map((e) => (
                      <li key={e.idempotencyKey}>
                        {describeEntry(e, skuNamer(o))} · {e.staffName},{' '}
                        {new Date(e.createdAt).toLocaleTimeString('en-GB', { timeStyle: 'short' })}
                        {e.state === 'pending' && ' (waiting)'}
                      </li>
                    ))}
                  </ul>
                </section>
                <section aria-labelledby={`now-${o.order.id}`}>
                  <h3 id={`now-${o.order.id}`}>The order now</h3>
                  {now ? (
                    <ul>
                      <li>
                        Status: <strong>{now.status}</strong>
                      </li>
                      <li>Version {now.version}</li>
                      {full?.lines.map((l) => (
                        <li key={l.lineId}>
                          {l.quantity} × {l.sku} ({l.shipped} shipped, {l.picked} picked)
                        </li>
                      ))}
                      {full && (
                        <li>
                          Ship to {full.shipTo.name}, {full.shipTo.line1}, {full.shipTo.city}
                        </li>
                      )}
                    </ul>
                  ) : (
                    <p>The server did not say; it may be gone.</p>
                  )}
                </section>
              </div>
              <div class="wh-actions">
                {retryable(o) && (
                  <button
                    type="button"
                    class="wh-btn wh-btn-primary"
                    onClick$={() => retry(o.order.id, o.order.number)}
                  >
                    Retry with the current order
                  </button>
                )}
                <button
                  type="button"
                  class="wh-btn wh-btn-secondary"
                  onClick$={() => discard(o.order.id, o.order.number)}
                >
                  Discard my actions
                </button>
              </div>
              <ConflictNote orderId={o.order.id} number={o.order.number} />
            </li>
          );
        })}
      </ul>
    </section>
  );
});

export const head: DocumentHead = { title: 'Needs attention · Warehouse' };
