/**
 * Orders, newest first, 50 a page: filters in a GET form (so a filtered list has an address to share or bookmark),
 * older pages by cursor, and for staff who may change orders a bulk "Mark as processing" on the selected rows.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { can } from '@domain/identity/permissions';
import { ATTENTION_LABELS, ATTENTION_REASONS } from '@domain/orders/needs-attention';
import {
  FULFILMENT_STATES,
  ORDER_STATUS_OPTIONS,
  orderListParams,
  PAYMENT_STATES,
  parseOrderListParams,
  statusLabel,
} from '@domain/orders/order-admin';
import { changeStatus, listOrders } from '@worker/services/orders/orders';
import { AdminIcon } from '~/components/admin/admin-icon/AdminIcon';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { formatDateTime, isoOf } from '~/lib/admin-format';
import { ordersPageContext } from '~/lib/admin-orders';
import { staffWith } from '~/lib/admin-session';
import { formatMoney } from '~/lib/format';
import { pageStaff } from '~/lib/session';

const PATH = '/admin/orders';
const FULFILMENT_LABELS = { unfulfilled: 'Not shipped yet', shipped: 'On its way', delivered: 'Delivered' };

export const useOrders = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  // Qwik City's own parameters (`qaction` after a form post) are not filters.
  const params = new URLSearchParams(event.url.searchParams);
  for (const own of ['qaction', 'qfunc', 'qdata']) params.delete(own);
  const parsed = parseOrderListParams(params);
  const query = parsed.success ? parsed.data : {};
  const { items, next } = await listOrders(createDb(event.platform.env), query, Date.now());
  const filters = orderListParams(query);
  return {
    query,
    filtered: Object.keys(filters).length > 0,
    invalid: parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check the filters.'),
    firstPage: !query.after,
    items,
    nextHref: next ? `${PATH}?${new URLSearchParams({ ...filters, after: next })}` : null,
    firstHref: Object.keys(filters).length ? `${PATH}?${new URLSearchParams(filters)}` : PATH,
    canWrite: !!me && can(me.roles, 'orders:write'),
  };
});

export const useMarkProcessing = routeAction$(
  async ({ ids }, event) => {
    const actor = await staffWith(event, 'orders:write');
    if (!actor) return event.fail(403, { message: 'Your roles do not allow changing orders.' });
    const ctx = ordersPageContext(event, actor);
    const refused: string[] = [];
    let moved = 0;
    for (const id of ids) {
      // One at a time: each is its own compare-and-set, so one order that moved on meanwhile refuses alone.
      const r = await changeStatus(ctx, id, { event: 'start_processing' });
      if (r.ok) moved++;
      else refused.push(r.error.detail);
    }
    if (refused.length)
      return event.fail(409, {
        message: `${moved} marked as processing. ${refused.length} could not be: ${refused.join(' ')}`,
      });
    return { message: `${moved} ${moved === 1 ? 'order' : 'orders'} marked as processing.` };
  },
  zod$({ ids: z.array(z.string().max(60)).min(1, 'Select at least one order.').max(50) }),
);

function statusClass(status: string) {
  return ['adm-badge', `adm-status-${status}`];
}

export default component$(() => {
  const data = useOrders();
  const bulk = useMarkProcessing();
  const d = data.value;
  const q = d.query;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Orders</h1>
          <p class="adm-lede">
            {d.filtered ? 'Orders matching the filters, newest first.' : 'Every order, newest first.'}
          </p>
        </div>
      </div>

      <form class="adm-card adm-filters" method="get" action={PATH} aria-label="Filter orders">
        <div class="adm-filter-grid">
          <div class="adm-field adm-field-wide">
            <label for="order-q">Search by order number, email, name or SKU</label>
            <div class="adm-input-icon">
              <AdminIcon name="search" />
              <input
                id="order-q"
                class="adm-input"
                type="search"
                name="q"
                value={q.q ?? ''}
                maxLength={100}
              />
            </div>
          </div>
          <div class="adm-field">
            <label for="order-status">Status</label>
            <select id="order-status" class="adm-input" name="status">
              <option value="">Any status</option>
              {ORDER_STATUS_OPTIONS.map((s) => (
                <option key={s} value={s} selected={q.status === s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </div>
          <div class="adm-field">
            <label for="order-payment">Payment</label>
            <select id="order-payment" class="adm-input" name="payment">
              <option value="">Any payment</option>
              {PAYMENT_STATES.map((s) => (
                <option key={s} value={s} selected={q.payment === s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </div>
          <div class="adm-field">
            <label for="order-fulfilment">Fulfilment</label>
            <select id="order-fulfilment" class="adm-input" name="fulfilment">
              <option value="">Any fulfilment</option>
              {FULFILMENT_STATES.map((s) => (
                <option key={s} value={s} selected={q.fulfilment === s}>
                  {FULFILMENT_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div class="adm-field">
            <label for="order-attention">Needs attention</label>
            <select id="order-attention" class="adm-input" name="attention">
              <option value="">Any</option>
              {ATTENTION_REASONS.map((r) => (
                <option key={r} value={r} selected={q.attention === r}>
                  {ATTENTION_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <div class="adm-field">
            <label for="order-from">Placed from</label>
            <input id="order-from" class="adm-input" type="date" name="from" value={q.from ?? ''} />
          </div>
          <div class="adm-field">
            <label for="order-to">Placed until</label>
            <input id="order-to" class="adm-input" type="date" name="to" value={q.to ?? ''} />
          </div>
        </div>
        <div class="adm-filter-actions">
          <button type="submit" class="adm-btn adm-btn-primary">
            Apply filters
          </button>
          {d.filtered && (
            <a class="adm-btn adm-btn-secondary" href={PATH}>
              Clear filters
            </a>
          )}
        </div>
      </form>
      <FormStatus error={d.invalid ? `${d.invalid} Showing every order instead.` : undefined} />

      {d.items.length === 0 ? (
        <section class="adm-card adm-empty-card">
          <h2>{d.filtered ? 'No orders match these filters' : 'No orders yet'}</h2>
          <p>
            {d.filtered
              ? 'Try a wider date range or another status, or search for part of the email.'
              : 'Orders appear here as soon as a shopper completes checkout.'}
          </p>
          {d.filtered && (
            <a class="adm-btn adm-btn-secondary" href={PATH}>
              Show all orders
            </a>
          )}
        </section>
      ) : (
        <Form action={bulk} class="adm-card adm-card-flush">
          {d.canWrite && (
            <div class="adm-card-head adm-card-head-pad adm-bulk">
              <p class="adm-muted">Select pending orders to move them on together.</p>
              <button type="submit" class="adm-btn adm-btn-secondary" disabled={bulk.isRunning}>
                Mark selected as processing
              </button>
            </div>
          )}
          {d.canWrite && (
            <div class="adm-card-pad-x">
              <FormStatus outcome={outcomeOf(bulk.value)} />
            </div>
          )}
          <div class="adm-table-wrap">
            <table class="adm-table">
              <caption class="visually-hidden">Orders, newest first</caption>
              <thead>
                <tr>
                  {d.canWrite && (
                    <th scope="col">
                      <span class="visually-hidden">Select</span>
                    </th>
                  )}
                  <th scope="col">Order</th>
                  <th scope="col">Placed</th>
                  <th scope="col">Customer</th>
                  <th scope="col">Status</th>
                  <th scope="col">Payment</th>
                  <th scope="col" class="adm-num">
                    Items
                  </th>
                  <th scope="col" class="adm-num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((o) => (
                  <tr key={o.id}>
                    {d.canWrite && (
                      <td>
                        <input
                          type="checkbox"
                          name="ids[]"
                          value={o.id}
                          id={`select-${o.id}`}
                          aria-label={`Select order #${o.number}`}
                          disabled={o.status !== 'pending'}
                        />
                      </td>
                    )}
                    <th scope="row" class="adm-cell-main">
                      <a href={`${PATH}/${o.id}`}>#{o.number}</a>
                    </th>
                    <td class="adm-nowrap">
                      <time dateTime={isoOf(o.placedAt)}>{formatDateTime(o.placedAt)}</time>
                    </td>
                    <td>
                      <span class="adm-cell-stack">
                        <span>{o.customerName ?? '—'}</span>
                        <span class="adm-muted">{o.email}</span>
                      </span>
                    </td>
                    <td>
                      <span class={statusClass(o.status)}>{statusLabel(o.status)}</span>
                    </td>
                    <td>{o.paymentStatus ? statusLabel(o.paymentStatus) : 'None'}</td>
                    <td class="adm-num">{o.itemCount}</td>
                    <td class="adm-num">{formatMoney({ amount: o.totalAmount, currency: o.currency })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Form>
      )}
      {(d.nextHref || !d.firstPage) && (
        <nav class="adm-pager" aria-label="Pages of orders">
          {!d.firstPage && (
            <a class="adm-btn adm-btn-secondary" href={d.firstHref}>
              <span aria-hidden="true">←</span> Newest orders
            </a>
          )}
          {d.nextHref && (
            <a class="adm-btn adm-btn-secondary" href={d.nextHref} rel="next">
              Older orders <span aria-hidden="true">→</span>
            </a>
          )}
        </nav>
      )}
    </>
  );
});

export const head: DocumentHead = { title: 'Orders' };
