/**
 * Back office: cancelling and refunding orders. A refund is first written (pending) by a guarded insert that can never
 * take more than was captured, with its timeline row, audit entry and status change in the same batch; only then is
 * the provider asked, with an Idempotency-Key derived from the refund's id, and its webhook later confirms it. A
 * provider that refuses marks the refund failed and puts the status back. Restocking happens only when the staff
 * member asked for it, through each SKU's StockDO (ledger reason `return`, request id per refund and line).
 */
import {
  insertGuardedAuditStatement,
  insertOrderEventStatement,
  orderLinesOf,
  updateOrderStatusStatement,
} from '@db/repositories/admin-orders';
import {
  findRefund,
  findRefundState,
  insertAuditIfRefundStatement,
  insertEventIfRefundStatement,
  insertGuardedRefundStatement,
  insertRefundLineIfRefundStatement,
  type RefundRow,
  recordRefundRequest,
  refundExistsNow,
  refundedUnitsOf,
  updateStatusIfRefundStatement,
} from '@db/repositories/order-refunds';
import { isId, newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { statusLabel } from '@domain/orders/order-admin';
import { type OrderStatus, OrderStatusSchema, transitionOrder } from '@domain/orders/order-status';
import { type CancelOrderInput, planRefund, type RefundInput, refundEvent } from '@domain/orders/refunds';
import { stockStub } from '@durable-objects/stock';
import { deliverWebhook } from '@worker/services/checkout/deliver';
import { gatewayFor } from '@worker/services/checkout/gateways';
import { createMailer } from '@worker/services/email/mailer';
import { formatAmount } from '@worker/services/email/money-text';
import { orderRefundMessage } from '@worker/services/email/templates';
import { shopSettings } from '@worker/services/shop/settings';
import { type OrdersContext, orderAudit, staffEvent } from './context';

/** The orders context plus work after the response (the test gateway's webhooks, the email). */
export type RefundsContext = OrdersContext & { waitUntil(promise: Promise<unknown>): void };

/** What a refund or cancellation answers. */
export type RefundOutcome = { refundId: string | null; amount: number; status: OrderStatus };

/** Puts units back through each SKU's StockDO; `key` makes a retry of the same refund restock once. */
async function restockUnits(
  ctx: RefundsContext,
  key: string,
  orderNumber: string,
  units: { lineId: string; sku: string; quantity: number }[],
): Promise<void> {
  for (const u of units) {
    const done = await stockStub(ctx.env, u.sku).adjust({
      sku: u.sku,
      delta: u.quantity,
      reason: 'return',
      requestId: `${key}:${u.lineId}`,
      staffId: ctx.actor.id,
      reference: `order ${orderNumber}`,
      note: `Restocked from order ${orderNumber}`,
    });
    if (!done.ok) console.error(JSON.stringify({ level: 'error', event: 'restock-failed', sku: u.sku, key }));
  }
}

/** Asks the order's provider to return `amount`; the refund row learns the provider's id, or that it failed. */
async function requestProviderRefund(
  ctx: RefundsContext,
  provider: Parameters<typeof gatewayFor>[2],
  paymentRef: string,
  refund: RefundRow,
): Promise<Result<string>> {
  const checkoutCtx = { ...ctx, customerId: null };
  const gateway = gatewayFor(ctx.env, ctx.db, provider, deliverWebhook(checkoutCtx));
  const asked = gateway.ok
    ? await gateway.value.refund(paymentRef, { amount: refund.amount, idempotencyKey: refund.id })
    : gateway;
  // No answer (PAYMENT_METHOD_UNAVAILABLE: unreachable, timed out) is not a refusal: the provider may have refunded.
  // The refund stays pending, its amount still counted as refunded, so nobody refunds it a second time.
  if (!asked.ok && asked.error.code === 'PAYMENT_METHOD_UNAVAILABLE' && gateway.ok) {
    return fail('PAYMENT_METHOD_UNAVAILABLE', asked.error.detail, { unanswered: true });
  }
  await recordRefundRequest(
    ctx.db,
    refund.id,
    asked.ok ? { providerRef: asked.value.refundRef } : { failed: true },
  );
  return asked.ok ? ok(asked.value.refundRef) : asked;
}

function sendRefundEmail(
  ctx: RefundsContext,
  order: { email: string; number: string; currency: string },
  amount: number,
  cancelled: boolean,
  reason: string,
) {
  const message = orderRefundMessage(
    {
      to: order.email,
      number: order.number,
      amount: formatAmount(amount, order.currency),
      cancelled,
      reason,
    },
    shopSettings(ctx.env),
  );
  ctx.waitUntil(
    createMailer(ctx.env, ctx.db)
      .send(message)
      .catch((error: unknown) =>
        console.error(JSON.stringify({ level: 'error', event: 'refund-email-failed', error: String(error) })),
      ),
  );
}

/** The answer to a refund request whose refund `id` already exists on this order (a form sent twice), else null. */
async function refundAlreadyMade(ctx: RefundsContext, orderId: string, id: string) {
  const made = await findRefund(ctx.db, id);
  if (!made) return null;
  if (made.orderId !== orderId) return fail<never>('CONFLICT', 'This refund id belongs to another order.');
  return ok<RefundOutcome>({
    refundId: made.id,
    amount: made.amount,
    status: OrderStatusSchema.parse(made.orderStatus),
  });
}

const lost = (number: string) =>
  fail<never>('CONFLICT', `Order ${number} was changed by someone else meanwhile; reload it and try again.`, {
    reason: 'concurrent_change',
  });

/**
 * Refunds part or all of what was captured. The status moves to partially refunded or refunded per the machine (409
 * when it does not allow a refund now, e.g. before delivery: cancel instead), and nothing is written when the amount
 * is over what is left. `refundId` (the order page's form sends a fresh one per rendering) makes a second request
 * with it answer with the first refund instead of refunding again; the refund's primary key is the guard, so two
 * racing copies write one refund.
 */
export async function refundOrder(
  ctx: RefundsContext,
  orderId: string,
  input: RefundInput,
  refundId?: string,
): Promise<Result<RefundOutcome>> {
  const id = refundId && isId('refund', refundId) ? refundId : newId('refund', ctx.now);
  const already = await refundAlreadyMade(ctx, orderId, id);
  if (already) return already;
  const state = await findRefundState(ctx.db, orderId);
  if (!state) return fail('NOT_FOUND', 'No order has this id.');
  if (!state.payment?.providerRef)
    return fail('CONFLICT', `Order ${state.number} has no captured payment to refund.`, {
      reason: 'no_payment',
    });
  const [lines, refundedUnits] = await Promise.all([
    orderLinesOf(ctx.db, orderId),
    refundedUnitsOf(ctx.db, orderId),
  ]);
  const plan = planRefund(input, lines, state.pricesIncludeTax, state.refundable, refundedUnits);
  if (!plan.ok) return plan;
  const from = OrderStatusSchema.parse(state.status);
  const refundedAfter = state.captured - state.refundable + plan.value.amount;
  const next = transitionOrder(from, refundEvent(state.captured, refundedAfter));
  if (!next.ok)
    return fail('CONFLICT', next.error.detail, { reason: 'invalid_transition', ...next.error.meta });
  const to = next.value;
  const refund: RefundRow = {
    id,
    orderId,
    paymentId: state.payment.id,
    amount: plan.value.amount,
    currency: state.currency,
    reason: input.reason || null,
    providerRef: null,
    status: 'pending',
    createdAt: ctx.now,
  };
  const restocked = input.restock ? plan.value.units.map((u) => `${u.quantity} × ${u.sku}`).join(', ') : '';
  const note = [
    `Refund of ${formatAmount(refund.amount, refund.currency)} requested`,
    input.reason ? `: ${input.reason}` : '',
    restocked ? ` (restocked ${restocked})` : ' (not restocked)',
  ].join('');
  const written = await ctx.db
    .batch([
      insertGuardedRefundStatement(ctx.db, refund, from, plan.value.units),
      insertEventIfRefundStatement(ctx.db, staffEvent(ctx, orderId, from, to, note), refund),
      insertAuditIfRefundStatement(
        ctx.db,
        orderAudit(
          ctx,
          'order.refund',
          orderId,
          { status: from },
          {
            status: to,
            refundId: refund.id,
            amount: refund.amount,
            lines: input.lines ?? null,
            restockingFee: input.restockingFee,
            returnShippingDeduction: input.returnShippingDeduction,
            restock: input.restock,
            reason: input.reason,
          },
        ),
        refund,
      ),
      updateStatusIfRefundStatement(ctx.db, orderId, from, to, refund, ctx.now),
      ...plan.value.units.map((u) =>
        insertRefundLineIfRefundStatement(ctx.db, refund, {
          lineId: u.lineId,
          quantity: u.quantity,
          restocked: input.restock,
        }),
      ),
    ])
    .then(
      () => true,
      // The refund's id was taken meanwhile: by the same form sent twice (answered below), else a real fault.
      async (error: unknown) => {
        if (await refundAlreadyMade(ctx, orderId, id)) return false;
        throw error;
      },
    );
  if (!written) return (await refundAlreadyMade(ctx, orderId, id))!;
  if (!(await refundExistsNow(ctx.db, refund))) {
    // Another refund took the money or the units first, or the order moved on: tell which.
    const [now, refundedNow] = await Promise.all([
      findRefundState(ctx.db, orderId),
      refundedUnitsOf(ctx.db, orderId),
    ]);
    if (now && now.refundable < refund.amount)
      return fail('CONFLICT', `Only ${now.refundable} (minor units) is left to refund on this order.`, {
        reason: 'over_refund',
        refundable: now.refundable,
      });
    const replanned = now && planRefund(input, lines, now.pricesIncludeTax, now.refundable, refundedNow);
    if (replanned && !replanned.ok) return replanned;
    return lost(state.number);
  }
  const asked = await requestProviderRefund(ctx, state.payment.provider, state.payment.providerRef, refund);
  if (!asked.ok && asked.error.meta?.unanswered === true) {
    return fail(
      'CONFLICT',
      `The payment provider did not answer, so this refund may or may not have been made: it stays pending and its amount counts as refunded. Check it in the provider's dashboard before refunding again.`,
      { reason: 'provider_unanswered', refundId: refund.id },
    );
  }
  if (!asked.ok) {
    // The provider refused: the refund stays on record as failed, and the status goes back.
    await ctx.db.batch([
      insertOrderEventStatement(
        ctx.db,
        {
          ...staffEvent(ctx, orderId, to, from, `Refund failed: ${asked.error.detail}`),
          id: newId('event', ctx.now),
        },
        to,
      ),
      updateOrderStatusStatement(ctx.db, orderId, to, from, ctx.now),
    ]);
    return fail('CONFLICT', `The payment provider refused the refund: ${asked.error.detail}`, {
      reason: 'provider_refused',
    });
  }
  if (input.restock) await restockUnits(ctx, refund.id, state.number, plan.value.units);
  sendRefundEmail(ctx, state, refund.amount, false, input.reason);
  return ok({ refundId: refund.id, amount: refund.amount, status: to });
}

/**
 * Cancels an order that has not shipped (409 from then on), refunding what is left of the captured payment in full
 * and, only when asked, restocking every unit.
 */
export async function cancelOrder(
  ctx: RefundsContext,
  orderId: string,
  input: CancelOrderInput,
): Promise<Result<RefundOutcome>> {
  const state = await findRefundState(ctx.db, orderId);
  if (!state) return fail('NOT_FOUND', 'No order has this id.');
  const from = OrderStatusSchema.parse(state.status);
  const next = transitionOrder(from, 'cancel');
  if (!next.ok)
    return fail(
      'CONFLICT',
      `Order ${state.number} is ${statusLabel(from).toLowerCase()}: it can no longer be cancelled.`,
      { reason: 'invalid_transition', ...next.error.meta },
    );
  const to = next.value;
  const [lines, refundedUnits] = await Promise.all([
    orderLinesOf(ctx.db, orderId),
    refundedUnitsOf(ctx.db, orderId),
  ]);
  const payment = state.payment?.providerRef ? state.payment : null;
  const refund: RefundRow | null =
    payment && state.refundable > 0
      ? {
          id: newId('refund', ctx.now),
          orderId,
          paymentId: payment.id,
          amount: state.refundable,
          currency: state.currency,
          reason: `Cancelled: ${input.reason}`,
          providerRef: null,
          status: 'pending',
          createdAt: ctx.now,
        }
      : null;
  const note = `Cancelled: ${input.reason}${input.restock ? ' (restocked)' : ' (not restocked)'}${
    refund ? `; refund of ${formatAmount(refund.amount, refund.currency)} requested` : ''
  }`;
  const after = { status: to, reason: input.reason, restock: input.restock, refund: refund?.amount ?? 0 };
  const event = staffEvent(ctx, orderId, from, to, note);
  const audit = orderAudit(ctx, 'order.cancel', orderId, { status: from }, after);
  // With money to return, the refund row is the guard of the rest (as in refundOrder); without, the status is.
  const updated = refund
    ? (
        await ctx.db.batch([
          insertGuardedRefundStatement(ctx.db, refund, from),
          insertEventIfRefundStatement(ctx.db, event, refund),
          insertAuditIfRefundStatement(ctx.db, audit, refund),
          updateStatusIfRefundStatement(ctx.db, orderId, from, to, refund, ctx.now),
          // The refund takes back every unit not refunded yet, so reports stop counting a cancelled order's units
          // as sold (and stock cover's rate with them).
          ...lines.flatMap((l) => {
            const quantity = l.quantity - (refundedUnits[l.id] ?? 0);
            if (quantity <= 0) return [];
            const row = { lineId: l.id, quantity, restocked: input.restock };
            return [insertRefundLineIfRefundStatement(ctx.db, refund, row)];
          }),
        ])
      )[3]
    : (
        await ctx.db.batch([
          insertOrderEventStatement(ctx.db, event, from),
          insertGuardedAuditStatement(ctx.db, audit, orderId, from),
          updateOrderStatusStatement(ctx.db, orderId, from, to, ctx.now),
        ])
      )[2];
  if (updated.length !== 1) return lost(state.number);
  if (input.restock)
    await restockUnits(
      ctx,
      `cancel:${orderId}`,
      state.number,
      lines.map((l) => ({ lineId: l.id, sku: l.sku, quantity: l.quantity })),
    );
  if (refund && payment?.providerRef) {
    const asked = await requestProviderRefund(ctx, payment.provider, payment.providerRef, refund);
    if (!asked.ok) {
      // The order stays cancelled; a refused refund is on record as failed and staff can refund again from the order
      // page; an unanswered one stays pending (it may have been made).
      const said =
        asked.error.meta?.unanswered === true
          ? `Refund pending: the payment provider did not answer (${asked.error.detail}); check it in the provider's dashboard before refunding again`
          : `Refund failed: ${asked.error.detail}`;
      await ctx.db.batch([
        insertOrderEventStatement(
          ctx.db,
          {
            ...staffEvent(ctx, orderId, to, to, said),
            id: newId('event', ctx.now),
          },
          to,
        ),
      ]);
      return ok({ refundId: refund.id, amount: 0, status: to });
    }
    sendRefundEmail(ctx, state, refund.amount, true, input.reason);
  }
  return ok({ refundId: refund?.id ?? null, amount: refund?.amount ?? 0, status: to });
}
