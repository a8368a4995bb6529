/**
 * The order page's cancel and refund actions (re-exported by app/routes/admin/(console)/orders/[id]/index.tsx). They
 * read the plain form (amounts in the order's currency as typed, checkboxes as "on"), build the same inputs the API
 * takes, and call the services; success returns to the order with a `?saved=` notice.
 */
import { routeAction$, z, zod$ } from '@builder.io/qwik-city';
import { findRefundState } from '@db/repositories/order-refunds';
import { statusOfError } from '@domain/core/errors';
import { CancelOrderInput, parseMinorUnits, RefundInput } from '@domain/orders/refunds';
import { minorUnitsOf } from '@domain/pricing/money';
import { cancelOrder, type RefundsContext, refundOrder } from '@worker/services/orders/refunds';
import { ordersPageContext } from '~/lib/admin-orders';
import { staffWith } from '~/lib/admin-session';

const NOT_ALLOWED = 'Your roles do not allow cancelling or refunding orders.';

type PageEvent = Parameters<typeof ordersPageContext>[0] & {
  platform: { ctx: { waitUntil(p: Promise<unknown>): void } };
};

function refundsPageContext(
  event: PageEvent,
  actor: Parameters<typeof ordersPageContext>[1],
): RefundsContext {
  return { ...ordersPageContext(event, actor), waitUntil: (p) => event.platform.ctx.waitUntil(p) };
}

export const useCancelOrder = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'orders:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const parsed = CancelOrderInput.safeParse({ reason: input.reason, restock: input.restock === 'on' });
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'Check the form.';
      return event.fail(400, { message, fieldErrors: { reason: message } });
    }
    const r = await cancelOrder(refundsPageContext(event, actor), event.params.id ?? '', parsed.data);
    if (!r.ok) return event.fail(statusOfError(r.error.code), { message: r.error.detail });
    throw event.redirect(303, `${event.url.pathname}?saved=cancelled`);
  },
  zod$({ reason: z.string().max(600), restock: z.string().max(3).optional() }),
);

export const useRefundOrder = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'orders:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const orderId = event.params.id ?? '';
    const state = await findRefundState(ordersPageContext(event, actor).db, orderId);
    if (!state) return event.fail(404, { message: 'No order has this id.' });
    const digits = minorUnitsOf(state.currency);
    const fieldErrors: Record<string, string> = {};
    function amountOf(field: 'amount' | 'restockingFee' | 'returnShippingDeduction'): number | undefined {
      const text = (input[field] ?? '').trim();
      if (!text) return undefined;
      const value = parseMinorUnits(text, digits);
      if (value === null) fieldErrors[field] = `Enter an amount like ${(12.5).toFixed(digits)}.`;
      return value ?? undefined;
    }
    const lines = Object.entries(input.qty ?? {})
      .map(([lineId, q]) => ({ lineId, quantity: Number(q || '0') }))
      .filter((l) => l.quantity !== 0);
    const candidate = {
      ...(lines.length > 0 ? { lines } : {}),
      amount: amountOf('amount'),
      restockingFee: amountOf('restockingFee') ?? 0,
      returnShippingDeduction: amountOf('returnShippingDeduction') ?? 0,
      restock: input.restock === 'on',
      reason: input.reason ?? '',
    };
    if (Object.keys(fieldErrors).length > 0)
      return event.fail(400, { message: 'Check the highlighted fields.', fieldErrors });
    const parsed = RefundInput.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = issue?.message ?? 'Check the form.';
      return event.fail(400, { message, fieldErrors: { [String(issue?.path[0] ?? 'amount')]: message } });
    }
    const r = await refundOrder(refundsPageContext(event, actor), orderId, parsed.data, input.refundId);
    if (!r.ok) return event.fail(statusOfError(r.error.code), { message: r.error.detail });
    throw event.redirect(303, `${event.url.pathname}?saved=refunded`);
  },
  zod$({
    qty: z.record(z.string().max(80), z.string().max(6)).optional(),
    amount: z.string().max(20).optional(),
    restockingFee: z.string().max(20).optional(),
    returnShippingDeduction: z.string().max(20).optional(),
    restock: z.string().max(3).optional(),
    reason: z.string().max(500).optional(),
    refundId: z.string().max(40).optional(),
  }),
);
