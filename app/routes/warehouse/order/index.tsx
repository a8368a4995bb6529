/** One order on the tablet: its packing slip (prints alone), mark packed, ship with carrier and tracking, a note. */
import { $, component$, useSignal } from '@builder.io/qwik';
import type { DocumentHead } from '@builder.io/qwik-city';
import { CARRIER_INFO, CARRIERS, type Carrier } from '@domain/orders/shipments';
import { SyncBadge } from '~/components/warehouse/sync-badge/SyncBadge';
import { useBrowserSearch, useWarehouseSnapshot } from '~/components/warehouse/use-warehouse';
import type { EntryBody, EntryKind } from '~/lib/warehouse/entries';
import { unitsToPick } from '~/lib/warehouse/view';

export default component$(() => {
  const snapshot = useWarehouseSnapshot();
  const search = useBrowserSearch();
  const id = new URLSearchParams(search.value).get('id') ?? '';
  const carrier = useSignal<Carrier>('ups');
  const tracking = useSignal('');
  const note = useSignal('');
  const message = useSignal('');
  const shown = snapshot.value?.orders.find((o) => o.order.id === id);

  const act = $(async <K extends EntryKind>(kind: K, body: EntryBody<K>, done: string) => {
    const { queueAction } = await import('~/lib/warehouse/client');
    const result = await queueAction(kind, id, body);
    message.value = result.ok
      ? done
      : result.error === 'invalid'
        ? 'Check the fields: a tracking number has 4 to 40 letters, digits, spaces or dashes.'
        : 'This device has not loaded this order: connect once to load the queue.';
    return result.ok;
  });

  if (!snapshot.value || !search.value) return <p class="wh-page">Loading the order from this device…</p>;
  if (!shown) {
    return (
      <section class="wh-page">
        <h1>Order not on this device</h1>
        <p>It may have been shipped or cancelled. Go back to the queue to see the orders waiting.</p>
        <a class="wh-btn wh-btn-secondary" href="/warehouse">
          Back to the queue
        </a>
      </section>
    );
  }
  const o = shown.order;
  const shipped = o.status === 'shipped';
  const left = unitsToPick(o);
  const a = o.shipTo;
  return (
    <section class="wh-page">
      <div class="wh-titlebar wh-noprint">
        <h1>Order {o.number}</h1>
        <SyncBadge badge={shown.badge} />
      </div>
      <p class="wh-message wh-noprint" role="status">
        {message.value}
      </p>
      {shown.badge === 'attention' && (
        <p class="wh-note wh-noprint">
          The server refused an action on this order. <a href="/warehouse/attention">See Needs attention</a>.
        </p>
      )}
      <div class="wh-actions wh-noprint">
        <button type="button" class="wh-btn wh-btn-secondary" onClick$={() => window.print()}>
          Print packing slip
        </button>
        {!shipped && !o.packedAt && (
          <button
            type="button"
            class="wh-btn wh-btn-primary"
            onClick$={() => act('pack', {}, `Order ${o.number} marked packed.`)}
          >
            Mark packed
          </button>
        )}
        {o.packedAt && !shipped && <p>Packed{o.packedBy ? ` by ${o.packedBy}` : ''}.</p>}
        {left > 0 && !shipped && (
          <p class="wh-note">
            {left} {left === 1 ? 'unit is' : 'units are'} not picked yet.{' '}
            <a href={`/warehouse/pick?orders=${encodeURIComponent(o.id)}`}>Pick this order</a>
          </p>
        )}
      </div>

      <article class="wh-slip" aria-labelledby="slip-title">
        <h2 id="slip-title">Packing slip · {o.number}</h2>
        <div class="wh-slip-head">
          <div>
            <h3>Ship to</h3>
            <p>
              {a.name}
              <br />
              {a.line1}
              {a.line2 && (
                <>
                  <br />
                  {a.line2}
                </>
              )}
              <br />
              {a.postalCode} {a.city}
              {a.region ? `, ${a.region}` : ''}
              <br />
              {a.country}
            </p>
          </div>
          <div>
            <h3>Order</h3>
            <p>
              {o.number}
              <br />
              Placed {new Date(o.placedAt).toLocaleDateString('en-GB', { dateStyle: 'medium' })}
              <br />
              {o.shippingMethod ?? 'Shipping'}
            </p>
          </div>
        </div>
        <table class="wh-table">
          <caption class="wh-visually-hidden">Items in this parcel</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">SKU</th>
              <th scope="col">Bin</th>
              <th scope="col">Quantity</th>
              <th scope="col" class="wh-noprint">
                Picked
              </th>
            </tr>
          </thead>
          <tbody>
            {o.lines.map((l) => (
              <tr key={l.lineId}>
                <td>
                  {l.name}
                  {l.variantLabel && ` · ${l.variantLabel}`}
                </td>
                <td>{l.sku}</td>
                <td>{l.binLocation ?? '—'}</td>
                <td>{l.quantity - (shipped ? 0 : l.shipped)}</td>
                <td class="wh-noprint">
                  {l.picked} of {l.quantity - l.shipped}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="wh-slip-foot">
          Thank you for your order. Questions? Reply to your order confirmation email.
        </p>
      </article>

      {!shipped && (
        <form
          class="wh-form wh-noprint"
          preventdefault:submit
          onSubmit$={async () => {
            const ok = await act(
              'ship',
              { carrier: carrier.value, trackingNumber: tracking.value.trim() },
              `Order ${o.number} shipped.`,
            );
            if (ok) tracking.value = '';
          }}
        >
          <h2>Ship</h2>
          {!o.packedAt && <p>Mark the order packed first.</p>}
          <div class="wh-field">
            <label for="ship-carrier">Carrier</label>
            <select
              id="ship-carrier"
              value={carrier.value}
              onChange$={(_, el) => {
                carrier.value = el.value as Carrier;
              }}
            >
              {CARRIERS.map((c) => (
                <option key={c} value={c} selected={c === carrier.value}>
                  {CARRIER_INFO[c].label}
                </option>
              ))}
            </select>
          </div>
          <div class="wh-field">
            <label for="ship-tracking">Tracking number</label>
            <input
              id="ship-tracking"
              autoComplete="off"
              required
              minLength={4}
              maxLength={40}
              bind:value={tracking}
            />
          </div>
          <button type="submit" class="wh-btn wh-btn-primary" disabled={!o.packedAt}>
            Ship order {o.number}
          </button>
        </form>
      )}

      <form
        class="wh-form wh-noprint"
        preventdefault:submit
        onSubmit$={async () => {
          if (await act('note', { note: note.value.trim() }, 'Note saved for the supervisor.'))
            note.value = '';
        }}
      >
        <h2>Note for the supervisor</h2>
        <div class="wh-field">
          <label for="order-note">Note on order {o.number}</label>
          <textarea id="order-note" rows={2} maxLength={2000} required bind:value={note} />
        </div>
        <button type="submit" class="wh-btn wh-btn-secondary">
          Add note
        </button>
      </form>
    </section>
  );
});

export const head: DocumentHead = { title: 'Order · Warehouse' };
