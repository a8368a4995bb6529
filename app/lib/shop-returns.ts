/**
 * Returns on the shopper's order pages (the account's order page and a guest's order link): the loader that shows the
 * window, what may be returned and each return's status, and the "Return items" action. Both re-export them; the
 * order is found the way its page finds it (the signed-in customer's order number, or the link's secret).
 */
import { routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { findOrderByAccessHash } from '@db/repositories/orders';
import { findCustomerOrderId } from '@db/repositories/returns';
import { statusOfError } from '@domain/core/errors';
import { newId } from '@domain/core/ids';
import { hashSecretToken, isSecretTokenShaped } from '@domain/identity/secret-token';
import {
  RETURN_STATUS_LABELS,
  ReturnRequestInput,
  type ReturnStatus,
  returnReasonLabel,
} from '@domain/orders/returns';
import { requestReturn, returnsOverview } from '@worker/services/orders/returns';
import type { FormFailure } from '~/lib/form-input';
import { pageCustomer } from '~/lib/session';

type Event = Parameters<typeof pageCustomer>[0] & { params: Record<string, string> };

/** The order this page shows, and who asks: the link's order (a guest), or the signed-in customer's. */
async function pageOrder(event: Event): Promise<{ orderId: string; customerId: string | null } | null> {
  const db = createDb(event.platform.env);
  const token = event.params.token;
  if (token !== undefined) {
    if (!isSecretTokenShaped(token)) return null;
    const found = await findOrderByAccessHash(db, hashSecretToken(token));
    return found ? { orderId: found.order.id, customerId: found.order.customerId } : null;
  }
  const signedIn = await pageCustomer(event);
  const number = event.params.number ?? '';
  if (!signedIn || number.length > 32) return null;
  const orderId = await findCustomerOrderId(db, signedIn.principal.id, number);
  return orderId ? { orderId, customerId: signedIn.principal.id } : null;
}

function lineName(l: { productName: string; variantLabel: string }) {
  return l.variantLabel ? `${l.productName} · ${l.variantLabel}` : l.productName;
}

export const useOrderReturns = routeLoader$(async (event) => {
  const found = await pageOrder(event);
  if (!found) return null;
  const o = await returnsOverview(createDb(event.platform.env), found.orderId, Date.now());
  return {
    canRequest: o.canRequest,
    windowDays: o.windowDays,
    windowUntil: o.windowUntil,
    lines: o.lines
      .filter((l) => l.returnable > 0)
      .map((l) => ({ id: l.id, name: lineName(l), returnable: l.returnable })),
    returns: o.returns.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      statusLabel: RETURN_STATUS_LABELS[r.status as ReturnStatus] ?? r.status,
      requestedAt: r.requestedAt,
      decisionReason: r.decisionReason,
      lines: r.lines.map((l) => ({
        orderLineId: l.orderLineId,
        name: lineName(l),
        quantity: l.quantity,
        reason: returnReasonLabel(l.reason),
        restocked: l.restocked,
        damaged: l.damaged,
        missing: l.missing,
      })),
    })),
    /** The form's idempotency key: the same form sent twice makes one return. */
    key: newId('request'),
    requested: event.url.searchParams.get('returned'),
  };
});
export type ShownReturns = NonNullable<ReturnType<typeof useOrderReturns>['value']>;

/** The posted form as the API's input: lines with a quantity above 0, each with its reason and note. */
function readReturnForm(input: {
  qty?: Record<string, string>;
  reason?: Record<string, string>;
  lineNote?: Record<string, string>;
  comment?: string;
}): { ok: true; value: ReturnRequestInput } | { ok: false; failure: FormFailure } {
  const lines = Object.entries(input.qty ?? {})
    .map(([orderLineId, q]) => ({
      orderLineId,
      quantity: Number(q || '0'),
      reason: input.reason?.[orderLineId] ?? '',
      note: (input.lineNote?.[orderLineId] ?? '').trim() || undefined,
    }))
    .filter((l) => l.quantity !== 0);
  const fieldErrors: Record<string, string> = {};
  for (const l of lines) {
    if (!l.reason) fieldErrors[`reason.${l.orderLineId}`] = 'Choose why you are returning it.';
    else if (l.reason === 'other' && !l.note)
      fieldErrors[`lineNote.${l.orderLineId}`] = 'Tell us why you are returning it.';
  }
  if (lines.length === 0) return { ok: false, failure: { message: 'Choose how many of an item to return.' } };
  if (Object.keys(fieldErrors).length > 0)
    return { ok: false, failure: { message: 'Check the highlighted items.', fieldErrors } };
  const parsed = ReturnRequestInput.safeParse({
    lines,
    ...(input.comment?.trim() ? { note: input.comment } : {}),
  });
  if (!parsed.success)
    return { ok: false, failure: { message: parsed.error.issues[0]?.message ?? 'Check the form.' } };
  return { ok: true, value: parsed.data };
}

export const useRequestReturn = routeAction$(
  async (input, event) => {
    const found = await pageOrder(event);
    if (!found) return event.fail(404, { message: "We couldn't find that order." } as FormFailure);
    const read = readReturnForm(input);
    if (!read.ok) return event.fail(400, read.failure);
    const key = /^[A-Za-z0-9_.:-]{16,128}$/.test(input.key) ? input.key : undefined;
    const made = await requestReturn(
      { db: createDb(event.platform.env), now: Date.now(), customerId: found.customerId },
      found.orderId,
      read.value,
      key,
    );
    if (!made.ok)
      return event.fail(statusOfError(made.error.code), { message: made.error.detail } as FormFailure);
    throw event.redirect(
      303,
      `${event.url.pathname}?returned=${encodeURIComponent(made.value.return.number)}#returns`,
    );
  },
  zod$({
    qty: z.record(z.string().max(64), z.string().max(6)).optional(),
    reason: z.record(z.string().max(64), z.string().max(40)).optional(),
    lineNote: z.record(z.string().max(64), z.string().max(600)).optional(),
    comment: z.string().max(1100).optional(),
    key: z.string().max(128),
  }),
);
