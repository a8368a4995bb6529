/** The warehouse queue: orders ready to fulfil, each with its sync state; select several to pick them in one walk. */
import { component$, useSignal } from '@builder.io/qwik';
import type { DocumentHead } from '@builder.io/qwik-city';
import { SyncBadge } from '~/components/warehouse/sync-badge/SyncBadge';
import { useWarehouseSnapshot } from '~/components/warehouse/use-warehouse';
import { unitsToPick } from '~/lib/warehouse/view';

function placedText(ms: number): string {
  return new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export default component$(() => {
  const snapshot = useWarehouseSnapshot();
  const selected = useSignal<string[]>([]);
  const s = snapshot.value;
  const open = s?.orders.filter((o) => o.order.status !== 'shipped') ?? [];
  const shipped = s?.orders.filter((o) => o.order.status === 'shipped') ?? [];
  const chosen = selected.value.filter((id) => open.some((o) => o.order.id === id));
  return (
    <section class="wh-page">
      <div class="wh-titlebar">
        <h1>Orders to fulfil</h1>
        <a
          class={`wh-btn wh-btn-primary${chosen.length ? '' : ' wh-disabled'}`}
          href={chosen.length ? `/warehouse/pick?orders=${chosen.join(',')}` : undefined}
          aria-disabled={chosen.length ? undefined : 'true'}
        >
          Pick selected orders ({chosen.length})
        </a>
      </div>
      {!s && <p>Loading the queue from this device…</p>}
      {s && !s.sync.staff && !s.online && (
        <p class="wh-note">This device has no copy of the queue yet: connect once to load it.</p>
      )}
      {s && open.length === 0 && s.sync.staff && <p class="wh-note">No orders are waiting. Well done.</p>}
      <ul class="wh-cards" aria-label="Orders to fulfil">
        {open.map((o) => {
          const units = o.order.lines.reduce((n, l) => n + l.quantity - l.shipped, 0);
          const left = unitsToPick(o.order);
          const checkId = `select-${o.order.id}`;
          return (
            <li key={o.order.id} class="wh-card" data-order={o.order.number}>
              <div class="wh-card-select">
                <input
                  type="checkbox"
                  id={checkId}
                  checked={selected.value.includes(o.order.id)}
                  onChange$={(_, el) => {
                    selected.value = el.checked
                      ? [...selected.value, o.order.id]
                      : selected.value.filter((id) => id !== o.order.id);
                  }}
                />
                <label for={checkId}>Select {o.order.number} for picking</label>
              </div>
              <div class="wh-card-body">
                <h2>
                  <a href={`/warehouse/order?id=${encodeURIComponent(o.order.id)}`}>Order {o.order.number}</a>
                </h2>
                <p>
                  {o.order.customerName} · {placedText(o.order.placedAt)}
                  {o.order.shippingMethod && ` · ${o.order.shippingMethod}`}
                </p>
                <p>
                  {units} {units === 1 ? 'unit' : 'units'} · {left === 0 ? 'all picked' : `${left} to pick`}
                  {o.order.packedAt ? ' · packed' : ''}
                </p>
                {o.waitingFor && <p class="wh-note">Waiting for {o.waitingFor} to sign in on this device.</p>}
              </div>
              <SyncBadge badge={o.badge} />
            </li>
          );
        })}
      </ul>
      {shipped.length > 0 && (
        <>
          <h2 class="wh-section">Shipped from this device</h2>
          <ul class="wh-cards" aria-label="Shipped from this device">
            {shipped.map((o) => (
              <li key={o.order.id} class="wh-card" data-order={o.order.number}>
                <div class="wh-card-body">
                  <h3>
                    <a href={`/warehouse/order?id=${encodeURIComponent(o.order.id)}`}>
                      Order {o.order.number}
                    </a>
                  </h3>
                  <p>{o.order.customerName} · shipped</p>
                </div>
                <SyncBadge badge={o.badge} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});

export const head: DocumentHead = { title: 'Warehouse queue' };
