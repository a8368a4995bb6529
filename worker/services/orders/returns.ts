/**
 * Customer returns: a shopper asks to send back some shipped units (within the store's return window), staff approve
 * or reject with a reason (the customer is emailed), then receive what arrived — per line restocked (back on sale
 * through each SKU's StockDO, ledger reason `return`), damaged or missing. Receiving never refunds: the refund is
 * the order page's own step. Every step writes a timeline row with who did it.
 *
 * The order's status is not moved by returns: the return is its own record with its own states, since an order may
 * have several returns at once (a second one requested while the first is on its way back, one rejected beside
 * another approved), which one order status cannot say. The order's `return_requested`/`returned` statuses are
 * therefore not used by returns; refunds keep moving the order along its machine as before.
 */

import type { Db } from '@db/client';
import { findConfirmationToken } from '@db/repositories/admin-orders';
import { appendAuditStatement } from '@db/repositories/audit';
import {
  findOrderReturn,
  findReturnableLines,
  findReturnByKey,
  findReturnOrder,
  findReturnTimes,
  findReturnWindowDays,
  listOrderReturns,
  type ReturnWithLines,
  returnDecisionStatements,
  returnReceiptStatements,
  returnRequestStatements,
  saveReturnWindowDaysStatement,
} from '@db/repositories/returns';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import {
  type ApproveReturnInput,
  checkReturnWindow,
  decideReceipt,
  decideReturnRequest,
  type ReceiveReturnInput,
  type RejectReturnInput,
  type ReturnRequestInput,
  ReturnStatusSchema,
  ReturnWindowDaysSchema,
  returnableUnits,
  returnReasonLabel,
  returnWindow,
  transitionReturn,
} from '@domain/orders/returns';
import { stockStub } from '@durable-objects/stock';
import { auditEntry } from '@worker/services/audit/audit';
import { orderLink } from '@worker/services/checkout/order-mail';
import { createMailer } from '@worker/services/email/mailer';
import { returnDecisionMessage } from '@worker/services/email/templates';
import { shopSettings } from '@worker/services/shop/settings';
import { type OrdersContext, orderAudit } from './context';

/** What a return request needs: the database, the clock, and who asks (a customer's id, or null for a guest link). */
export interface ShopperReturnsContext {
  db: Db;
  now: number;
  customerId: string | null;
}

/** The staff context plus work after the response (the email). */
export type StaffReturnsContext = OrdersContext & { waitUntil(promise: Promise<unknown>): void };

/** What the order pages show of returns: the window, each line with what may still be returned, and the returns. */
export async function returnsOverview(db: Db, orderId: string, now: number) {
  const [days, times, lines, list] = await Promise.all([
    findReturnWindowDays(db),
    findReturnTimes(db, orderId),
    findReturnableLines(db, orderId),
    listOrderReturns(db, orderId),
  ]);
  const window = returnWindow(times, days);
  const returnable = lines.map((l) => ({ ...l, returnable: returnableUnits(l) }));
  return {
    windowDays: days,
    windowUntil: window?.until ?? null,
    /** A return may be started now: inside the window with something left to return. */
    canRequest: checkReturnWindow(times, days, now).ok && returnable.some((l) => l.returnable > 0),
    lines: returnable,
    returns: list,
  };
}
export type ReturnsOverview = Awaited<ReturnType<typeof returnsOverview>>;

/** What a request produced: the return, and whether it was made now or found (a replay of the same key). */
export interface ReturnRequestResult {
  return: ReturnWithLines;
  created: boolean;
}

async function mustFind(db: Db, orderId: string, id: string): Promise<ReturnWithLines> {
  const r = await findOrderReturn(db, orderId, id);
  if (!r) throw new Error(`return ${id} vanished`);
  return r;
}

/**
 * Starts a return of `input` from the order (the caller has checked the shopper may see it). CONFLICT (409) outside
 * the return window (reason `outside_window`, or `not_shipped`), for more units than may still be returned (reason
 * `over_returned`), or when a concurrent request took them first; nothing is written then. With `idempotencyKey`, a
 * request that already made a return of this order answers with that return.
 */
export async function requestReturn(
  ctx: ShopperReturnsContext,
  orderId: string,
  input: ReturnRequestInput,
  idempotencyKey?: string,
): Promise<Result<ReturnRequestResult>> {
  if (idempotencyKey) {
    const earlier = await findReturnByKey(ctx.db, orderId, idempotencyKey);
    if (earlier) return ok({ return: await mustFind(ctx.db, orderId, earlier), created: false });
  }
  const [days, times, lines] = await Promise.all([
    findReturnWindowDays(ctx.db),
    findReturnTimes(ctx.db, orderId),
    findReturnableLines(ctx.db, orderId),
  ]);
  const open = checkReturnWindow(times, days, ctx.now);
  if (!open.ok) return open;
  const decided = decideReturnRequest(lines, input);
  if (!decided.ok) return decided;
  const id = newId('return', ctx.now);
  const reasons = [...new Set(input.lines.map((l) => returnReasonLabel(l.reason)))].join(', ');
  const units = input.lines.reduce((n, l) => n + l.quantity, 0);
  const [inserted] = await ctx.db.batch(
    returnRequestStatements(ctx.db, {
      id,
      orderId,
      reasonSummary: reasons,
      customerNote: input.note || null,
      requestedBy: ctx.customerId,
      idempotencyKey: idempotencyKey ?? null,
      lines: input.lines.map((l) => ({
        orderLineId: l.orderLineId,
        sku: decided.value.lines.find((d) => d.orderLineId === l.orderLineId)!.sku,
        quantity: l.quantity,
        reason: l.reason,
        note: l.note || null,
      })),
      eventId: newId('event', ctx.now),
      actor: 'customer',
      note: `Return of ${units} ${units === 1 ? 'unit' : 'units'} requested (${reasons})`,
      now: ctx.now,
    }),
  );
  if (inserted.length === 0) {
    if (idempotencyKey) {
      const twin = await findReturnByKey(ctx.db, orderId, idempotencyKey);
      if (twin) return ok({ return: await mustFind(ctx.db, orderId, twin), created: false });
    }
    return fail(
      'CONFLICT',
      'Some of these items were returned meanwhile; nothing was requested. Reload the order.',
      {
        reason: 'over_returned',
      },
    );
  }
  return ok({ return: await mustFind(ctx.db, orderId, id), created: true });
}

/** The order's returns, oldest first; NOT_FOUND for an unknown order. */
export async function orderReturns(db: Db, orderId: string): Promise<Result<ReturnWithLines[]>> {
  if (!(await findReturnOrder(db, orderId))) return fail('NOT_FOUND', 'No order has this id.');
  return ok(await listOrderReturns(db, orderId));
}

async function loadForStep(ctx: OrdersContext, orderId: string, returnId: string) {
  const r = await findOrderReturn(ctx.db, orderId, returnId);
  if (!r) return fail<never>('NOT_FOUND', 'This order has no return with that id.');
  return ok({ ...r, status: ReturnStatusSchema.parse(r.status) });
}

const changedMeanwhile = (number: string) =>
  fail<never>('CONFLICT', `Return ${number} was changed by someone else meanwhile; reload it.`, {
    reason: 'concurrent_change',
  });

/** Approves (send it back) or rejects (with a reason) a requested return; the customer is emailed either way. */
export async function decideReturn(
  ctx: StaffReturnsContext,
  orderId: string,
  returnId: string,
  decision: { approve: true; input: ApproveReturnInput } | { approve: false; input: RejectReturnInput },
): Promise<Result<ReturnWithLines>> {
  const found = await loadForStep(ctx, orderId, returnId);
  if (!found.ok) return found;
  const r = found.value;
  const next = transitionReturn(r.status, decision.approve ? 'approve' : 'reject');
  if (!next.ok) return next;
  const reason = decision.approve ? decision.input.note || null : decision.input.reason;
  const note = decision.approve
    ? `Return ${r.number} approved${reason ? `: ${reason}` : ''}`
    : `Return ${r.number} rejected: ${reason}`;
  const results = await ctx.db.batch(
    returnDecisionStatements(
      ctx.db,
      {
        returnId,
        orderId,
        from: r.status,
        to: next.value,
        staffId: ctx.actor.id,
        eventId: newId('event', ctx.now),
        note,
        audit: orderAudit(
          ctx,
          decision.approve ? 'return.approve' : 'return.reject',
          orderId,
          { returnId, status: r.status },
          { returnId, status: next.value, reason },
        ),
        now: ctx.now,
      },
      reason,
    ),
  );
  if (results[2].length !== 1) return changedMeanwhile(r.number);
  const after = await mustFind(ctx.db, orderId, returnId);
  sendDecisionEmail(ctx, orderId, after, decision.approve);
  return ok(after);
}

/**
 * Records what arrived of an approved return and restocks the `restocked` units (one StockDO adjustment per line,
 * request id `return:<id>:<line>`, so a retry never restocks twice). The same receipt sent again after it was
 * recorded answers with the return (and finishes any restock a crash left undone); a different one, or receiving a
 * return that is not approved (requested, rejected), is a 409.
 */
export async function receiveReturn(
  ctx: OrdersContext,
  orderId: string,
  returnId: string,
  input: ReceiveReturnInput,
): Promise<Result<{ return: ReturnWithLines; received: boolean }>> {
  const found = await loadForStep(ctx, orderId, returnId);
  if (!found.ok) return found;
  const r = found.value;
  const checked = decideReceipt(r.lines, input);
  if (!checked.ok) return checked;
  if (r.status === 'received') {
    const same = checked.value.every((l) => {
      const had = r.lines.find((x) => x.orderLineId === l.orderLineId)!;
      return had.restocked === l.restocked && had.damaged === l.damaged && had.missing === l.missing;
    });
    if (!same)
      return fail('CONFLICT', `Return ${r.number} was already received with other quantities.`, {
        reason: 'already_received',
      });
    await restockReturn(ctx, r, checked.value);
    return ok({ return: r, received: false });
  }
  const next = transitionReturn(r.status, 'receive');
  if (!next.ok) return next;
  const sum = (k: 'restocked' | 'damaged' | 'missing') => checked.value.reduce((n, l) => n + l[k], 0);
  const note = `Return ${r.number} received: ${sum('restocked')} restocked, ${sum('damaged')} damaged, ${sum('missing')} missing`;
  const results = await ctx.db.batch(
    returnReceiptStatements(
      ctx.db,
      {
        returnId,
        orderId,
        from: r.status,
        to: next.value,
        staffId: ctx.actor.id,
        eventId: newId('event', ctx.now),
        note,
        audit: orderAudit(
          ctx,
          'return.receive',
          orderId,
          { returnId, status: r.status },
          { returnId, status: next.value, lines: checked.value },
        ),
        now: ctx.now,
      },
      checked.value,
    ),
  );
  if (results[3].length !== 1) return changedMeanwhile(r.number);
  const after = await mustFind(ctx.db, orderId, returnId);
  await restockReturn(ctx, after, checked.value);
  return ok({ return: after, received: true });
}

async function restockReturn(
  ctx: OrdersContext,
  r: ReturnWithLines,
  lines: ReceiveReturnInput['lines'],
): Promise<void> {
  const order = await findReturnOrder(ctx.db, r.orderId);
  for (const l of lines) {
    if (l.restocked === 0) continue;
    const sku = r.lines.find((x) => x.orderLineId === l.orderLineId)!.sku;
    const done = await stockStub(ctx.env, sku).adjust({
      sku,
      delta: l.restocked,
      reason: 'return',
      requestId: `return:${r.id}:${l.orderLineId}`,
      staffId: ctx.actor.id,
      reference: `order ${order?.number ?? r.orderId}`,
      note: `Restocked from return ${r.number}`,
    });
    if (!done.ok)
      console.error(JSON.stringify({ level: 'error', event: 'return-restock-failed', sku, returnId: r.id }));
  }
}

function sendDecisionEmail(ctx: StaffReturnsContext, orderId: string, r: ReturnWithLines, approved: boolean) {
  ctx.waitUntil(
    (async () => {
      const order = await findReturnOrder(ctx.db, orderId);
      if (!order) return;
      const token = await findConfirmationToken(ctx.db, orderId);
      const link = token
        ? orderLink(ctx.origin, token)
        : order.customerId
          ? `${ctx.origin}/account/orders/${encodeURIComponent(order.number)}`
          : null;
      const message = returnDecisionMessage(
        {
          to: order.email,
          orderNumber: order.number,
          returnNumber: r.number,
          approved,
          reason: r.decisionReason,
          lines: r.lines.map((l) => ({
            name: l.variantLabel ? `${l.productName} (${l.variantLabel})` : l.productName,
            quantity: l.quantity,
          })),
          orderLink: link,
        },
        shopSettings(ctx.env),
      );
      await createMailer(ctx.env, ctx.db).send(message);
    })().catch((error: unknown) =>
      console.error(JSON.stringify({ level: 'error', event: 'return-email-failed', error: String(error) })),
    ),
  );
}

/** Sets the store's return window (days; 0 turns returns off), audited in the same batch. */
export async function updateReturnWindow(
  ctx: Pick<OrdersContext, 'db' | 'actor' | 'now' | 'requestId'>,
  days: number,
): Promise<Result<number>> {
  const parsed = ReturnWindowDaysSchema.safeParse(days);
  if (!parsed.success)
    return fail('VALIDATION_FAILED', 'Enter a whole number of days from 0 to 365.', { field: 'days' });
  const before = await findReturnWindowDays(ctx.db);
  await ctx.db.batch([
    saveReturnWindowDaysStatement(ctx.db, parsed.data, ctx.now),
    appendAuditStatement(
      ctx.db,
      auditEntry({
        actor: ctx.actor,
        action: 'returns.window',
        entityType: 'store_settings',
        entityId: '1',
        before: { returnWindowDays: before },
        after: { returnWindowDays: parsed.data },
        requestId: ctx.requestId,
        now: ctx.now,
      }),
    ),
  ]);
  return ok(parsed.data);
}

/** The store's return window in days. */
export const returnWindowDays = (db: Db) => findReturnWindowDays(db);
