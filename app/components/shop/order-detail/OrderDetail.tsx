/** An order's page body: status, lines, totals, where it ships, its parcels' tracking and its status history. */

import { component$ } from '@builder.io/qwik';
import { taxLabel } from '@domain/pricing/tax';
import { AddressLines } from '~/components/shop/address-lines/AddressLines';
import { OrderParcels } from '~/components/shop/order-parcels/OrderParcels';
import { Breadcrumbs } from '~/components/ui/breadcrumbs/Breadcrumbs';
import { countryName, formatDate, formatMoney, formatOrderStatus } from '~/lib/format';
import type { ShownOrder } from '~/lib/shown-order';

/** Lines as a table (a caption names it); totals as a description list; tracking and history as lists. */
export const OrderDetail = component$<{ order: ShownOrder; viaLink?: boolean }>(({ order: o, viaLink }) => (
  <>
    {viaLink ? (
      <p class="alert alert-success order-thanks" role="status">
        Thank you! We have your order and sent the confirmation to your email. Keep its link to follow the
        order.
      </p>
    ) : (
      <Breadcrumbs
        items={[
          { label: 'Account', href: '/account' },
          { label: 'Orders', href: '/account/orders' },
          { label: `Order ${o.number}` },
        ]}
      />
    )}
    <div class="account-head">
      <h1>Order {o.number}</h1>
      <p>
        Placed {formatDate(o.placedAt)} ·{' '}
        <span class={['status-badge', `status-${o.status}`]}>{formatOrderStatus(o.status)}</span>
      </p>
    </div>
    <div class="order-layout">
      <section class="panel" aria-labelledby="items-title">
        <h2 id="items-title">Items</h2>
        <table class="order-lines">
          <caption class="visually-hidden">Items in order {o.number}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Qty</th>
              <th scope="col">Price</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {o.lines.map((l) => (
              <tr key={l.id}>
                <th scope="row">
                  {l.productName}
                  {l.variantLabel && <span class="order-line-variant">{l.variantLabel}</span>}
                </th>
                <td>{l.quantity}</td>
                <td>{formatMoney(l.unitPrice)}</td>
                <td>{formatMoney(l.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl class="summary-list order-totals">
          <div>
            <dt>Subtotal</dt>
            <dd>{formatMoney(o.totals.subtotal)}</dd>
          </div>
          {o.totals.discount.amount > 0 && (
            <div>
              <dt>Discount</dt>
              <dd>−{formatMoney(o.totals.discount)}</dd>
            </div>
          )}
          <div>
            <dt>Shipping ({o.shippingMethod})</dt>
            <dd>{formatMoney(o.totals.shipping)}</dd>
          </div>
          <div>
            <dt>{taxLabel(o.totals.taxIncluded)}</dt>
            <dd>{formatMoney(o.totals.tax)}</dd>
          </div>
          <div class="summary-total">
            <dt>Total</dt>
            <dd>{formatMoney(o.totals.total)}</dd>
          </div>
        </dl>
      </section>
      <div class="order-side">
        <section class="panel" aria-labelledby="ship-title">
          <h2 id="ship-title">Shipping to</h2>
          <AddressLines
            address={o.address}
            countryName={o.address.country ? countryName(o.address.country) : undefined}
          />
        </section>
        <section class="panel" aria-labelledby="tracking-title">
          <h2 id="tracking-title">Parcels and tracking</h2>
          <OrderParcels shipments={o.shipments} unitsLeft={o.unitsLeft} />
        </section>
        <section class="panel" aria-labelledby="history-title">
          <h2 id="history-title">Status history</h2>
          <ol class="timeline">
            {o.history.map((h) => (
              <li key={h.id} class="timeline-item">
                <span class="timeline-status">{formatOrderStatus(h.status)}</span>{' '}
                <time dateTime={new Date(h.at).toISOString()}>{formatDate(h.at)}</time>
              </li>
            ))}
            {o.history.length === 0 && (
              <li class="timeline-item">
                <span class="timeline-status">{formatOrderStatus(o.status)}</span>{' '}
                <time dateTime={new Date(o.placedAt).toISOString()}>{formatDate(o.placedAt)}</time>
              </li>
            )}
          </ol>
        </section>
      </div>
    </div>
  </>
));
