/** A shopper's parcels on their order page: carrier, tracking link, what is in each, and when it left. */
import { component$ } from '@builder.io/qwik';
import { formatDate } from '~/lib/format';
import type { ShownOrder } from '~/lib/shown-order';

export const OrderParcels = component$<{ shipments: ShownOrder['shipments']; unitsLeft: number }>(
  ({ shipments, unitsLeft }) => {
    if (shipments.length === 0)
      return <p class="muted">Not shipped yet. We'll email you the tracking number when it is.</p>;
    return (
      <>
        <ol class="plain-list parcels">
          {shipments.map((s, i) => (
            <li key={s.id} class="parcel">
              <h3 class="parcel-title">
                {shipments.length > 1 ? `Parcel ${i + 1} of ${shipments.length}` : 'Your parcel'}
              </h3>
              <p>
                <strong>{s.carrierName}</strong>
                {s.trackingNumber ? <> · tracking number {s.trackingNumber}</> : <> · no tracking number</>}
              </p>
              {s.trackingUrl && (
                <p>
                  <a href={s.trackingUrl} target="_blank" rel="noopener noreferrer">
                    Track parcel {shipments.length > 1 ? i + 1 : ''} with {s.carrierName}
                    <span class="visually-hidden"> (opens in a new tab)</span>
                  </a>
                </p>
              )}
              <ul class="parcel-items">
                {s.lines.map((l) => (
                  <li key={l.orderLineId}>
                    {l.quantity} × {l.productName}
                    {l.variantLabel && <span class="muted"> ({l.variantLabel})</span>}
                  </li>
                ))}
              </ul>
              <p class="muted">
                {s.deliveredAt
                  ? `Delivered ${formatDate(s.deliveredAt)}`
                  : s.shippedAt
                    ? `Shipped ${formatDate(s.shippedAt)}`
                    : 'Preparing'}
              </p>
            </li>
          ))}
        </ol>
        {unitsLeft > 0 && (
          <p class="muted">
            {unitsLeft === 1 ? '1 more item follows' : `${unitsLeft} more items follow`} in another parcel.
          </p>
        )}
      </>
    );
  },
);
