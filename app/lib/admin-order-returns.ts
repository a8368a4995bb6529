/**
 * The order page's Returns section (re-exported by app/routes/admin/(console)/orders/[id]/index.tsx): the loader
 * (returns:read) and the approve/reject and receive actions (returns:write). They read the plain forms, build the
 * inputs the API takes and call the services; success returns to the order with a `?saved=` notice.
 */
import { type RequestEventAction, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { statusOfError } from '@domain/core/errors';
import { isId } from '@domain/core/ids';
import { can } from '@domain/identity/permissions';
import {
  ApproveReturnInput,
  RETURN_STATUS_LABELS,
  ReceiveReturnInput,
  RejectReturnInput,
  type ReturnStatus,
  returnReasonLabel,
} from '@domain/orders/returns';
import {
  decideReturn,
  orderReturns,
  receiveReturn,
  returnWindowDays,
  type StaffReturnsContext,
} from '@worker/services/orders/returns';
import { ordersPageContext } from '~/lib/admin-orders';
import { staffWith } from '~/lib/admin-session';
import { pageStaff } from '~/lib/session';

const NOT_ALLOWED = 'Your roles do not allow handling returns.';

export const useAdminReturns = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  const orderId = event.params.id ?? '';
  if (!me || !can(me.roles, 'returns:read') || !isId('order', orderId)) return null;
  const db = createDb(event.platform.env);
  const [listed, windowDays] = await Promise.all([orderReturns(db, orderId), returnWindowDays(db)]);
  if (!listed.ok) return null;
  return {
    canWrite: can(me.roles, 'returns:write'),
    windowDays,
    /** The return window's page (not in the navigation: reached from here). */
    canSeeSettings: can(me.roles, 'settings:read'),
    returns: listed.value.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      statusLabel: RETURN_STATUS_LABELS[r.status as ReturnStatus] ?? r.status,
      reasonSummary: r.reasonSummary,
      customerNote: r.customerNote,
      decisionReason: r.decisionReason,
      requestedAt: r.requestedAt,
      lines: r.lines.map((l) => ({
        orderLineId: l.orderLineId,
        sku: l.sku,
        name: l.variantLabel ? `${l.productName} · ${l.variantLabel}` : l.productName,
        quantity: l.quantity,
        reason: returnReasonLabel(l.reason),
        note: l.note,
        restocked: l.restocked,
        damaged: l.damaged,
        missing: l.missing,
      })),
    })),
  };
});
export type AdminReturns = NonNullable<ReturnType<typeof useAdminReturns>['value']>;

function returnsPageContext(
  event: RequestEventAction<QwikCityPlatform>,
  actor: Parameters<typeof ordersPageContext>[1],
): StaffReturnsContext {
  return { ...ordersPageContext(event, actor), waitUntil: (p) => event.platform.ctx.waitUntil(p) };
}

export const useDecideReturn = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'returns:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED, returnId: input.returnId });
    const approve = input.decision === 'approve';
    const parsed = approve
      ? ApproveReturnInput.safeParse({ ...(input.reason?.trim() ? { note: input.reason } : {}) })
      : RejectReturnInput.safeParse({ reason: input.reason ?? '' });
    if (!parsed.success)
      return event.fail(400, {
        message: parsed.error.issues[0]?.message ?? 'Check the form.',
        returnId: input.returnId,
      });
    const decision = approve
      ? { approve: true as const, input: parsed.data as ApproveReturnInput }
      : { approve: false as const, input: parsed.data as RejectReturnInput };
    const r = await decideReturn(
      returnsPageContext(event, actor),
      event.params.id ?? '',
      input.returnId,
      decision,
    );
    if (!r.ok)
      return event.fail(statusOfError(r.error.code), { message: r.error.detail, returnId: input.returnId });
    throw event.redirect(
      303,
      `${event.url.pathname}?saved=${approve ? 'return-approved' : 'return-rejected'}#returns`,
    );
  },
  zod$({
    returnId: z.string().max(64),
    decision: z.enum(['approve', 'reject']),
    reason: z.string().max(600).optional(),
  }),
);

function count(v: string | undefined): number {
  const t = (v ?? '').trim();
  return t === '' ? 0 : /^\d{1,6}$/.test(t) ? Number(t) : Number.NaN;
}

export const useReceiveReturn = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'returns:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED, returnId: input.returnId });
    const ids = Object.keys({ ...input.restocked, ...input.damaged, ...input.missing });
    const parsed = ReceiveReturnInput.safeParse({
      lines: ids.map((orderLineId) => ({
        orderLineId,
        restocked: count(input.restocked?.[orderLineId]),
        damaged: count(input.damaged?.[orderLineId]),
        missing: count(input.missing?.[orderLineId]),
      })),
    });
    if (!parsed.success)
      return event.fail(400, {
        message: 'Enter whole numbers of units, 0 or more.',
        returnId: input.returnId,
      });
    // No key needed: the same receipt sent twice (a double click) is recorded and restocked once.
    const r = await receiveReturn(
      ordersPageContext(event, actor),
      event.params.id ?? '',
      input.returnId,
      parsed.data,
    );
    if (!r.ok)
      return event.fail(statusOfError(r.error.code), { message: r.error.detail, returnId: input.returnId });
    throw event.redirect(303, `${event.url.pathname}?saved=return-received#returns`);
  },
  zod$({
    returnId: z.string().max(64),
    restocked: z.record(z.string().max(64), z.string().max(8)).optional(),
    damaged: z.record(z.string().max(64), z.string().max(8)).optional(),
    missing: z.record(z.string().max(64), z.string().max(8)).optional(),
  }),
);
