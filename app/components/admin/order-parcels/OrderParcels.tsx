/** An order's parcels on its admin page: carrier, tracking number (a link to the carrier's page), when, what is in it. */
import { component$ } from '@builder.io/qwik';
import { formatDateTime, isoOf } from '~/lib/admin-format';

interface Props {
  parcels: {
    id: string;
    carrierName: string;
    trackingNumber: string | null;
    trackingUrl: string | null;
    shippedAt: number | null;
    lines: { orderLineId: string; productName: string; variantLabel: string; quantity: number }[];
  }[];
}

export const OrderParcels = component$<Props>(({ parcels }) => {
  if (parcels.length === 0) return <p class="adm-muted">Nothing shipped yet.</p>;
  return (
    <ol class="adm-list adm-parcels">
      {parcels.map((p, i) => (
        <li key={p.id}>
          <div class="adm-list-main">
            <strong>
              Parcel {i + 1} · {p.carrierName}
            </strong>
            {p.trackingUrl ? (
              <a href={p.trackingUrl} target="_blank" rel="noopener noreferrer">
                Track {p.trackingNumber}
                <span class="visually-hidden"> (opens {p.carrierName} in a new tab)</span>
              </a>
            ) : (
              <span>{p.trackingNumber ?? 'No tracking number'}</span>
            )}
            {p.shippedAt && (
              <span class="adm-muted">
                Shipped <time dateTime={isoOf(p.shippedAt)}>{formatDateTime(p.shippedAt)}</time>
              </span>
            )}
            <ul class="adm-parcel-items">
              {p.lines.map((l) => (
                <li key={l.orderLineId}>
                  {l.quantity} × {l.productName}
                  {l.variantLabel && <span class="adm-muted"> · {l.variantLabel}</span>}
                </li>
              ))}
            </ul>
          </div>
        </li>
      ))}
    </ol>
  );
});
