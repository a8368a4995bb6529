/**
 * One order: lines and totals, customer and addresses, payments, refunds, parcels, and its timeline (who did what,
 * when). Staff with orders:write move it to its next status, add notes, change the shipping address until it ships,
 * and resend the confirmation. Every form works without JavaScript; success returns here with a `?saved=` notice.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { findRefundState } from '@db/repositories/order-refunds';
import { statusOfError } from '@domain/core/errors';
import { isId, newId } from '@domain/core/ids';
import { AddressInputSchema, addressFieldLabels, SUPPORTED_COUNTRIES } from '@domain/customers/address';
import { can } from '@domain/identity/permissions';
import {
  canEditShippingAddress,
  MANUAL_EVENT_LABELS,
  MANUAL_ORDER_EVENTS,
  type ManualOrderEvent,
  StaffNoteInput,
  StatusChangeInput,
  statusLabel,
} from '@domain/orders/order-admin';
import { allowedEvents, type OrderStatus, OrderStatusSchema } from '@domain/orders/order-status';
import { SHIPPABLE_STATUSES } from '@domain/orders/shipments';
import { taxLabel } from '@domain/pricing/tax';
import {
  addStaffNote,
  changeStatus,
  editShippingAddress,
  orderDetail,
  resendConfirmation,
} from '@worker/services/orders/orders';
import { shippingOverview } from '@worker/services/orders/shipments';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { AdminNotFound } from '~/components/admin/not-found/AdminNotFound';
import { OrderAddressForm } from '~/components/admin/order-address-form/OrderAddressForm';
import { OrderCancelForm } from '~/components/admin/order-cancel-form/OrderCancelForm';
import { OrderParcels } from '~/components/admin/order-parcels/OrderParcels';
import { OrderRefundForm } from '~/components/admin/order-refund-form/OrderRefundForm';
import { OrderReturns } from '~/components/admin/order-returns/OrderReturns';
import { OrderTimeline } from '~/components/admin/order-timeline/OrderTimeline';
import { ShipItemsForm } from '~/components/admin/ship-items-form/ShipItemsForm';
import { Breadcrumbs } from '~/components/ui/breadcrumbs/Breadcrumbs';
import { formatDateTime, isoOf } from '~/lib/admin-format';
import { useCancelOrder, useRefundOrder } from '~/lib/admin-order-refunds';
import { useAdminReturns, useDecideReturn, useReceiveReturn } from '~/lib/admin-order-returns';
import { ordersPageContext } from '~/lib/admin-orders';
import { staffWith } from '~/lib/admin-session';
import { shipItems } from '~/lib/admin-shipments';
import { countryName, formatMoney } from '~/lib/format';
import { pageStaff } from '~/lib/session';

const NOT_ALLOWED = 'Your roles do not allow changing orders.';
const NOTICES: Record<string, string> = {
  status: 'Status changed.',
  note: 'Note added.',
  address: 'Shipping address saved.',
  resent: 'Confirmation email sent again.',
  cancelled: 'Order cancelled.',
  refunded: 'Refund sent to the payment provider.',
  shipped: 'Shipped. The customer has been emailed the tracking link.',
  'return-approved': 'Return approved. The customer has been emailed to send it back.',
  'return-rejected': 'Return rejected. The customer has been emailed the reason.',
  'return-received': 'Return received. Restocked units are back on sale; refund separately if due.',
};

export { useAdminReturns, useCancelOrder, useDecideReturn, useReceiveReturn, useRefundOrder };

type Address = Record<string, string | undefined>;

export const useOrder = routeLoader$(async (event) => {
  const id = event.params.id ?? '';
  const db = createDb(event.platform.env);
  const [found, shipping] = isId('order', id)
    ? await Promise.all([orderDetail(db, id), shippingOverview({ db }, id)])
    : [null, null];
  if (!found?.ok) {
    event.status(404);
    return null;
  }
  const me = (await pageStaff(event))?.principal;
  const { order, lines, payments, refunds, events } = found.value;
  const status = OrderStatusSchema.parse(order.status);
  const manual = allowedEvents(status).filter((e): e is ManualOrderEvent =>
    (MANUAL_ORDER_EVENTS as readonly string[]).includes(e),
  );
  const saved = event.url.searchParams.get('saved');
  const money = await findRefundState(createDb(event.platform.env), order.id);
  const refundable = money?.payment?.providerRef ? money.refundable : 0;
  return {
    order: { ...order, status },
    shipping: JSON.parse(order.shippingAddress) as Address,
    billing: order.billingAddress ? (JSON.parse(order.billingAddress) as Address) : null,
    lines,
    payments,
    refunds,
    events,
    parcels: shipping?.parcels ?? [],
    shipLines: shipping?.lines ?? [],
    canShip:
      !!me &&
      can(me.roles, 'fulfilment:write') &&
      (SHIPPABLE_STATUSES as readonly string[]).includes(status) &&
      (shipping?.lines ?? []).some((l) => l.remaining > 0),
    shipKey: newId('request'),
    refundKey: newId('refund'),
    nextEvents: manual,
    canWrite: !!me && can(me.roles, 'orders:write'),
    addressEditable: canEditShippingAddress(status),
    refundable,
    canCancel: allowedEvents(status).includes('cancel'),
    canRefund: refundable > 0 && allowedEvents(status).some((e) => e === 'refund' || e === 'partial_refund'),
    notice: saved ? NOTICES[saved] : undefined,
    countries: SUPPORTED_COUNTRIES.map((c) => ({ code: c.code, name: c.name })),
    addressLabels: addressLabelsOf(order.shippingAddress),
  };
});

/** City, region and postal code as the address's country names them ("State", "ZIP code"), else generic. */
function addressLabelsOf(json: string): Record<string, string> {
  const country = (JSON.parse(json) as { country?: string }).country;
  const known = SUPPORTED_COUNTRIES.find((c) => c.code === country);
  if (!known) return {};
  const l = addressFieldLabels(known.code);
  return { city: l.city.label, region: l.region.label, postalCode: l.postalCode.label };
}

/** Where each action goes after it succeeded: back to this order, with a notice. */
function savedPath(pathname: string, what: keyof typeof NOTICES) {
  return `${pathname}?saved=${what}`;
}

export const useChangeStatus = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'orders:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const parsed = StatusChangeInput.safeParse(input);
    if (!parsed.success)
      return event.fail(400, { message: parsed.error.issues[0]?.message ?? 'Unknown step.' });
    const r = await changeStatus(ordersPageContext(event, actor), event.params.id ?? '', parsed.data);
    if (!r.ok) return event.fail(statusOfError(r.error.code), { message: r.error.detail });
    throw event.redirect(303, savedPath(event.url.pathname, 'status'));
  },
  zod$({ event: z.string().max(40), expectedStatus: z.string().max(40) }),
);

export const useAddNote = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'orders:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const parsed = StaffNoteInput.safeParse(input);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'Check the note.';
      return event.fail(400, { message, fieldErrors: { note: message } });
    }
    const r = await addStaffNote(ordersPageContext(event, actor), event.params.id ?? '', parsed.data.note);
    if (!r.ok) return event.fail(statusOfError(r.error.code), { message: r.error.detail });
    throw event.redirect(303, savedPath(event.url.pathname, 'note'));
  },
  zod$({ note: z.string().max(4000) }),
);

export const useEditAddress = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'orders:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const parsed = AddressInputSchema.safeParse(input.address);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
      return event.fail(400, { message: 'Check the highlighted fields.', fieldErrors });
    }
    const r = await editShippingAddress(ordersPageContext(event, actor), event.params.id ?? '', parsed.data);
    if (!r.ok) return event.fail(statusOfError(r.error.code), { message: r.error.detail });
    throw event.redirect(303, savedPath(event.url.pathname, 'address'));
  },
  zod$({ address: z.record(z.string(), z.string().max(300)) }),
);

export const useShipItems = routeAction$(
  shipItems,
  zod$({
    qty: z.record(z.string().max(64), z.string().max(10)).optional(),
    carrier: z.string().max(40),
    trackingNumber: z.string().max(200),
    key: z.string().max(128),
  }),
);

export const useResend = routeAction$(async (_, event) => {
  const actor = await staffWith(event, 'orders:write');
  if (!actor) return event.fail(403, { message: NOT_ALLOWED });
  const r = await resendConfirmation(ordersPageContext(event, actor), event.params.id ?? '');
  if (!r.ok) return event.fail(statusOfError(r.error.code), { message: r.error.detail });
  throw event.redirect(303, savedPath(event.url.pathname, 'resent'));
});

function addressLines(a: Address): string[] {
  return [
    a.name,
    a.company,
    a.line1,
    a.line2,
    [a.city, a.region, a.postalCode].filter(Boolean).join(', '),
    a.country ? countryName(a.country) : undefined,
    a.phone,
  ].filter((s): s is string => Boolean(s));
}

function statusClass(status: OrderStatus | string) {
  return ['adm-badge', `adm-status-${status}`];
}

export default component$(() => {
  const data = useOrder();
  const changeStatusAction = useChangeStatus();
  const noteAction = useAddNote();
  const addressAction = useEditAddress();
  const resendAction = useResend();
  const cancelAction = useCancelOrder();
  const refundAction = useRefundOrder();
  const shipAction = useShipItems();
  const returns = useAdminReturns().value;
  const decideReturnAction = useDecideReturn();
  const receiveReturnAction = useReceiveReturn();
  const d = data.value;
  if (!d) {
    return (
      <AdminNotFound title="We couldn't find that order" backHref="/admin/orders" backText="All orders" />
    );
  }
  const o = d.order;
  function money(amount: number) {
    return formatMoney({ amount, currency: o.currency });
  }
  return (
    <>
      <Breadcrumbs items={[{ label: 'Orders', href: '/admin/orders' }, { label: `#${o.number}` }]} />
      <div class="adm-head">
        <div>
          <h1>
            Order #{o.number} <span class={statusClass(o.status)}>{statusLabel(o.status)}</span>
          </h1>
          <p class="adm-lede">
            Placed <time dateTime={isoOf(o.placedAt)}>{formatDateTime(o.placedAt)}</time> by {o.email}
          </p>
        </div>
        {d.canWrite && (
          <Form action={resendAction}>
            <button type="submit" class="adm-btn adm-btn-secondary" disabled={resendAction.isRunning}>
              Resend confirmation email
            </button>
          </Form>
        )}
      </div>
      <FormStatus ok={d.notice} outcome={outcomeOf(resendAction.value ?? changeStatusAction.value)} />

      {d.canWrite && (
        <section class="adm-card adm-next-step" aria-labelledby="next-step">
          <h2 id="next-step">Next step</h2>
          {d.nextEvents.length === 0 ? (
            <p class="adm-muted">
              No status change is available here for a {statusLabel(o.status).toLowerCase()} order. Cancelling
              and refunding have their own forms on this page.
            </p>
          ) : (
            <div class="adm-actions">
              {d.nextEvents.map((e) => (
                <Form key={e} action={changeStatusAction}>
                  <input type="hidden" name="event" value={e} />
                  <input type="hidden" name="expectedStatus" value={o.status} />
                  <button
                    type="submit"
                    class="adm-btn adm-btn-primary"
                    disabled={changeStatusAction.isRunning}
                  >
                    {MANUAL_EVENT_LABELS[e]}
                  </button>
                </Form>
              ))}
            </div>
          )}
        </section>
      )}

      <section class="adm-card adm-card-flush" aria-labelledby="lines">
        <div class="adm-card-head adm-card-head-pad">
          <h2 id="lines">Items</h2>
        </div>
        <div class="adm-table-wrap">
          <table class="adm-table">
            <caption class="visually-hidden">Items of order #{o.number}</caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">SKU</th>
                <th scope="col" class="adm-num">
                  Quantity
                </th>
                <th scope="col" class="adm-num">
                  Unit price
                </th>
                <th scope="col" class="adm-num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {d.lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row" class="adm-cell-main">
                    {l.productName}
                    {l.variantLabel && <span class="adm-muted"> · {l.variantLabel}</span>}
                  </th>
                  <td>
                    <code class="adm-code">{l.sku}</code>
                  </td>
                  <td class="adm-num">{l.quantity}</td>
                  <td class="adm-num">{money(l.unitAmount)}</td>
                  <td class="adm-num">{money(l.lineTotalAmount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl class="adm-totals">
          <dt>Subtotal</dt>
          <dd>{money(o.subtotalAmount)}</dd>
          {o.discountAmount > 0 && (
            <>
              <dt>Discount{o.discountCode ? ` (${o.discountCode})` : ''}</dt>
              <dd>−{money(o.discountAmount)}</dd>
            </>
          )}
          <dt>Shipping ({o.shippingMethod})</dt>
          <dd>{money(o.shippingAmount)}</dd>
          <dt>{taxLabel(o.pricesIncludeTax)}</dt>
          <dd>{money(o.taxAmount)}</dd>
          <dt class="adm-totals-grand">Total</dt>
          <dd class="adm-totals-grand">{money(o.totalAmount)}</dd>
        </dl>
      </section>

      <div class="adm-grid">
        <section class="adm-card" aria-labelledby="customer">
          <div class="adm-card-head">
            <h2 id="customer">Customer</h2>
          </div>
          <dl class="adm-dl">
            <dt>Email</dt>
            <dd>{o.email}</dd>
            <dt>Account</dt>
            <dd>
              {o.customerId ? (
                <a href={`/admin/customers/${o.customerId}`}>View customer</a>
              ) : (
                'Guest checkout'
              )}
            </dd>
          </dl>
          <h3>Shipping address</h3>
          <address class="adm-address">
            {addressLines(d.shipping).map((line) => (
              <span key={line}>{line}</span>
            ))}
          </address>
          <h3>Billing address</h3>
          {d.billing ? (
            <address class="adm-address">
              {addressLines(d.billing).map((line) => (
                <span key={line}>{line}</span>
              ))}
            </address>
          ) : (
            <p class="adm-muted">Same as shipping.</p>
          )}
        </section>

        <section class="adm-card" aria-labelledby="payments">
          <div class="adm-card-head">
            <h2 id="payments">Payments</h2>
          </div>
          {d.payments.length === 0 ? (
            <p class="adm-empty">No payments.</p>
          ) : (
            <ul class="adm-list">
              {d.payments.map((p) => (
                <li key={p.id}>
                  <strong>{formatMoney({ amount: p.amount, currency: p.currency })}</strong> via {p.provider}{' '}
                  <span class={statusClass(p.status)}>{statusLabel(p.status)}</span>
                  <span class="adm-muted"> · {formatDateTime(p.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
          <h3>Refunds</h3>
          {d.refunds.length === 0 ? (
            <p class="adm-muted">None.</p>
          ) : (
            <ul class="adm-list">
              {d.refunds.map((r) => (
                <li key={r.id}>
                  {formatMoney({ amount: r.amount, currency: r.currency })} {statusLabel(r.status)}
                  {r.reason && <span class="adm-muted"> · {r.reason}</span>}
                </li>
              ))}
            </ul>
          )}
          <h3>Shipments</h3>
          <OrderParcels parcels={d.parcels} />
        </section>
      </div>

      {d.canShip && <ShipItemsForm action={shipAction} lines={d.shipLines} formKey={d.shipKey} />}

      {returns && (
        <OrderReturns
          data={returns}
          decide={decideReturnAction}
          receive={receiveReturnAction}
          canRefund={d.canWrite && d.canRefund}
        />
      )}

      <div class="adm-grid">
        <OrderTimeline events={d.events} />
        {d.canWrite && (
          <div class="adm-stack">
            <Form action={noteAction} class="adm-card adm-form" spaReset>
              <h2>Add a note</h2>
              <div class="adm-field">
                <label for="order-note">Note for the team (customers never see it)</label>
                <textarea
                  id="order-note"
                  class="adm-input"
                  name="note"
                  rows={3}
                  maxLength={2000}
                  required
                  aria-invalid={noteAction.value?.fieldErrors?.note ? 'true' : undefined}
                />
              </div>
              <FormStatus outcome={outcomeOf(noteAction.value)} />
              <button type="submit" class="adm-btn adm-btn-primary" disabled={noteAction.isRunning}>
                Add note
              </button>
            </Form>
            {d.canCancel && (
              <OrderCancelForm action={cancelAction} refund={d.refundable > 0 ? money(d.refundable) : null} />
            )}
            {d.canRefund && (
              <OrderRefundForm
                action={refundAction}
                currency={o.currency}
                refundable={money(d.refundable)}
                refundId={d.refundKey}
                lines={d.lines.map((l) => ({
                  id: l.id,
                  sku: l.sku,
                  name: l.variantLabel ? `${l.productName} · ${l.variantLabel}` : l.productName,
                  quantity: l.quantity,
                }))}
              />
            )}
            {d.addressEditable ? (
              <OrderAddressForm
                action={addressAction}
                address={d.shipping}
                countries={d.countries}
                labels={d.addressLabels}
              />
            ) : (
              <section class="adm-card">
                <h2>Shipping address</h2>
                <p class="adm-muted">
                  The order is {statusLabel(o.status).toLowerCase()}: its shipping address can no longer
                  change.
                </p>
              </section>
            )}
          </div>
        )}
      </div>
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const d = resolveValue(useOrder);
  return { title: d ? `Order #${d.order.number}` : 'Order not found' };
};
