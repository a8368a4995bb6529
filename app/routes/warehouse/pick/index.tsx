/** The pick list: the selected orders' lines in one walk, by bin; confirm each unit by tapping, typing or scanning its code. */
import { $, component$, useSignal } from '@builder.io/qwik';
import type { DocumentHead } from '@builder.io/qwik-city';
import { buildPickList, matchScannedCode, type PickLine, pickOneUnit } from '@domain/fulfilment/pick-list';
import { CameraScanner } from '~/components/warehouse/camera-scanner/CameraScanner';
import { useBrowserSearch, useWarehouseSnapshot } from '~/components/warehouse/use-warehouse';

function selectedIds(search: URLSearchParams): string[] {
  return (search.get('orders') ?? '').split(',').filter(Boolean).slice(0, 50);
}

export default component$(() => {
  const snapshot = useWarehouseSnapshot();
  const search = useBrowserSearch();
  const code = useSignal('');
  const message = useSignal('');
  const ids = selectedIds(new URLSearchParams(search.value));
  const orders = ids.flatMap((id) => {
    const o = snapshot.value?.orders.find((x) => x.order.id === id && x.order.status !== 'shipped');
    return o ? [o.order] : [];
  });
  const lines = buildPickList(orders);

  const confirm = $(async (sku: string) => {
    const current = snapshot.value;
    if (!current) return;
    const picked = ids.flatMap((id) => current.orders.filter((o) => o.order.id === id).map((o) => o.order));
    const line = buildPickList(picked).find((l) => l.sku === sku);
    const unit = line && pickOneUnit(line);
    if (!line || !unit) {
      message.value = `Every unit of ${sku} is already picked.`;
      return;
    }
    const { pickOne } = await import('~/lib/warehouse/client');
    const result = await pickOne(unit.orderId, unit.lineId);
    const number = line.shares.find((s) => s.lineId === unit.lineId)?.orderNumber;
    message.value =
      result === 'picked'
        ? `Picked 1 × ${sku} for order ${number}.`
        : result === 'full'
          ? `Every unit of ${sku} is already picked.`
          : 'This device has not loaded the queue yet: connect once to load it.';
  });

  const scanned = $(async (raw: string) => {
    const line = matchScannedCode(lines, raw);
    if (!line) {
      message.value = `No line on this pick list has the code ${raw.trim()}.`;
      return;
    }
    await confirm(line.sku);
  });

  const left = lines.reduce((n, l) => n + l.needed - l.picked, 0);
  return (
    <section class="wh-page">
      <div class="wh-titlebar">
        <h1>Pick list</h1>
        <a class="wh-btn wh-btn-secondary" href="/warehouse">
          Back to the queue
        </a>
      </div>
      <p>
        {orders.length} {orders.length === 1 ? 'order' : 'orders'}:{' '}
        {orders.map((o) => o.number).join(', ') || 'none'}
        {' · '}
        {left === 0 ? 'everything picked' : `${left} ${left === 1 ? 'unit' : 'units'} to pick`}
      </p>
      <form
        class="wh-scan"
        preventdefault:submit
        onSubmit$={async () => {
          const value = code.value;
          code.value = '';
          if (value.trim()) await scanned(value);
        }}
      >
        <label for="pick-code">Scan or type a SKU or barcode</label>
        <div class="wh-row">
          <input
            id="pick-code"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            bind:value={code}
          />
          <button type="submit" class="wh-btn wh-btn-primary">
            Confirm pick
          </button>
        </div>
        <CameraScanner onCode$={scanned} />
      </form>
      <p class="wh-message" role="status">
        {message.value}
      </p>
      <ol class="wh-picks" aria-label="Lines to pick, in bin order">
        {lines.map((line: PickLine) => {
          const done = line.picked >= line.needed;
          return (
            <li key={line.sku} class={`wh-pick${done ? ' wh-pick-done' : ''}`} data-sku={line.sku}>
              <p class="wh-bin">{line.binLocation ?? 'No bin'}</p>
              <div class="wh-pick-body">
                <h2>
                  {line.name}
                  {line.variantLabel && <span class="wh-variant"> · {line.variantLabel}</span>}
                </h2>
                <p>
                  SKU {line.sku} ·{' '}
                  <strong>
                    {line.picked} of {line.needed} picked
                  </strong>
                </p>
                <ul class="wh-shares">
                  {line.shares.map((s) => (
                    <li key={s.lineId}>
                      {s.orderNumber}: {s.picked} of {s.needed}
                    </li>
                  ))}
                </ul>
              </div>
              <button
                type="button"
                class="wh-btn wh-btn-primary wh-pick-btn"
                disabled={done}
                onClick$={() => confirm(line.sku)}
              >
                {done ? `${line.sku} picked` : `Pick one ${line.sku}`}
              </button>
            </li>
          );
        })}
      </ol>
      {orders.length > 0 && (
        <>
          <h2 class="wh-section">Pack the orders</h2>
          <ul class="wh-links">
            {orders.map((o) => (
              <li key={o.id}>
                <a class="wh-btn wh-btn-secondary" href={`/warehouse/order?id=${encodeURIComponent(o.id)}`}>
                  Open order {o.number}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});

export const head: DocumentHead = { title: 'Pick list · Warehouse' };
