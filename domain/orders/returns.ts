/**
 * Customer returns (pure rules): the reasons a shopper gives, the request and receipt inputs, the return window,
 * how many units of each line may still be returned, and the small state machine of a return:
 * requested → approved | rejected; approved → received. Receiving records what arrived per line (restocked,
 * damaged, missing); it never refunds — the refund is its own step on the order.
 */
import { fail, ok, type Result } from '@domain/core/result';
import { z } from 'zod';

/** Why a shopper sends something back; `other` needs a note. */
export const RETURN_REASONS = [
  'damaged_or_defective',
  'wrong_item',
  'too_small',
  'too_large',
  'not_as_described',
  'changed_mind',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];
export const ReturnReasonSchema = z.enum(RETURN_REASONS);

/** Each reason as the forms and emails say it. */
export const RETURN_REASON_LABELS: Record<ReturnReason, string> = {
  damaged_or_defective: 'Damaged or defective',
  wrong_item: 'Wrong item sent',
  too_small: 'Too small',
  too_large: 'Too large',
  not_as_described: 'Not as described',
  changed_mind: 'Changed my mind',
  other: 'Other (tell us why)',
};

/** The reason's label; an unknown stored value is shown as it is. */
export function returnReasonLabel(reason: string): string {
  return Object.hasOwn(RETURN_REASON_LABELS, reason) ? RETURN_REASON_LABELS[reason as ReturnReason] : reason;
}

/** Most lines one return may list, and most units of one line (an order line never holds more). */
export const MAX_RETURN_LINES = 100;
export const MAX_RETURN_UNITS = 10_000;

const Note = z.string().trim().max(500, 'Keep the note under 500 characters.');

/** A return request: some units of some lines, each with a reason (and a note for `other`). */
export const ReturnRequestInput = z
  .object({
    lines: z
      .array(
        z
          .object({
            orderLineId: z.string().min(1).max(64),
            quantity: z.number().int().min(1, 'Return at least one unit.').max(MAX_RETURN_UNITS),
            reason: ReturnReasonSchema,
            note: Note.optional(),
          })
          .strict()
          .refine((l) => l.reason !== 'other' || (l.note ?? '').length > 0, {
            path: ['note'],
            message: 'Tell us why you are returning it.',
          }),
      )
      .min(1, 'Choose at least one item to return.')
      .max(MAX_RETURN_LINES)
      .refine((ls) => new Set(ls.map((l) => l.orderLineId)).size === ls.length, 'List each item once.'),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type ReturnRequestInput = z.infer<typeof ReturnRequestInput>;

/** Staff reject with a reason the customer will read. */
export const RejectReturnInput = z
  .object({ reason: z.string().trim().min(1, 'Give the customer a reason.').max(500) })
  .strict();
export type RejectReturnInput = z.infer<typeof RejectReturnInput>;

/** Staff approve, optionally with a note (shipping instructions) for the customer. */
export const ApproveReturnInput = z.object({ note: z.string().trim().max(500).optional() }).strict();
export type ApproveReturnInput = z.infer<typeof ApproveReturnInput>;

const Units = z.number().int().min(0).max(MAX_RETURN_UNITS);

/** What arrived, per line of the return: units put back in stock, units damaged (not restocked), units missing. */
export const ReceiveReturnInput = z
  .object({
    lines: z
      .array(
        z
          .object({
            orderLineId: z.string().min(1).max(64),
            restocked: Units,
            damaged: Units,
            missing: Units,
          })
          .strict(),
      )
      .min(1)
      .max(MAX_RETURN_LINES)
      .refine((ls) => new Set(ls.map((l) => l.orderLineId)).size === ls.length, 'List each item once.'),
  })
  .strict();
export type ReceiveReturnInput = z.infer<typeof ReceiveReturnInput>;

/** The store setting: days after delivery a return may be started (0 turns returns off). */
export const DEFAULT_RETURN_WINDOW_DAYS = 30;
export const ReturnWindowDaysSchema = z.number().int().min(0).max(365);
const DAY_MS = 86_400_000;

/**
 * When the window opened and closes: from the order's delivery, or its last shipment when it was never marked
 * delivered; null when nothing has shipped yet (no window at all).
 */
export function returnWindow(
  times: { deliveredAt: number | null; lastShippedAt: number | null },
  days: number,
): { from: number; until: number } | null {
  const from = times.deliveredAt ?? times.lastShippedAt;
  return from === null ? null : { from, until: from + days * DAY_MS };
}

/** Whether a return may be started at `now`; CONFLICT (reason `outside_window` or `not_shipped`) otherwise. */
export function checkReturnWindow(
  times: { deliveredAt: number | null; lastShippedAt: number | null },
  days: number,
  now: number,
): Result<{ until: number }> {
  const w = returnWindow(times, days);
  if (!w)
    return fail('CONFLICT', 'Nothing of this order has shipped yet, so there is nothing to return.', {
      reason: 'not_shipped',
    });
  if (now > w.until)
    return fail('CONFLICT', `The ${days}-day return window for this order has closed.`, {
      reason: 'outside_window',
      until: w.until,
    });
  return ok({ until: w.until });
}

/** An order line as returns see it. */
export interface ReturnableLine {
  id: string;
  sku: string;
  shipped: number;
  /** Units in returns that are requested, approved or received (a rejected return frees its units). */
  inReturns: number;
  /** Units refunded with restocking outside any return (they are already back on the shelf). */
  refundedRestocked: number;
}

/**
 * Units of a line that may still be returned: shipped minus those in open or received returns minus those refunded
 * with restocking. When a received return is also refunded with restocking the two overlap and this undercounts:
 * it errs on the side of never returning more than shipped.
 */
export function returnableUnits(line: ReturnableLine): number {
  return Math.max(0, line.shipped - line.inReturns - line.refundedRestocked);
}

/**
 * Checks a request against the order's lines. VALIDATION_FAILED for a line not on the order; CONFLICT with reason
 * `over_returned` (meta lists each line and what may still be returned) for more units than that.
 */
export function decideReturnRequest(
  lines: readonly ReturnableLine[],
  input: Pick<ReturnRequestInput, 'lines'>,
): Result<{ lines: { orderLineId: string; sku: string; quantity: number }[] }> {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const unknown = input.lines.filter((l) => !byId.has(l.orderLineId));
  if (unknown.length > 0)
    return fail('VALIDATION_FAILED', 'Some of these items are not on this order.', {
      unknownLines: unknown.map((l) => l.orderLineId),
    });
  const over = input.lines.filter((l) => l.quantity > returnableUnits(byId.get(l.orderLineId)!));
  if (over.length > 0)
    return fail('CONFLICT', 'That is more than can be returned of these items; nothing was requested.', {
      reason: 'over_returned',
      lines: over.map((l) => ({
        orderLineId: l.orderLineId,
        requested: l.quantity,
        returnable: returnableUnits(byId.get(l.orderLineId)!),
      })),
    });
  return ok({
    lines: input.lines.map((l) => ({
      orderLineId: l.orderLineId,
      sku: byId.get(l.orderLineId)!.sku,
      quantity: l.quantity,
    })),
  });
}

/** Every state a return can be in, and what can happen to it. */
export const RETURN_STATUSES = ['requested', 'approved', 'rejected', 'received'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
export const ReturnStatusSchema = z.enum(RETURN_STATUSES);
export type ReturnEvent = 'approve' | 'reject' | 'receive';

const RETURN_TRANSITIONS: Record<ReturnStatus, Partial<Record<ReturnEvent, ReturnStatus>>> = {
  requested: { approve: 'approved', reject: 'rejected' },
  approved: { receive: 'received' },
  rejected: {},
  received: {},
};

/** Statuses whose units count as on their way back (they cannot be asked for again). */
export const UNITS_HOLDING_STATUSES = [
  'requested',
  'approved',
  'received',
] as const satisfies readonly ReturnStatus[];

/** Each status as shoppers and staff read it. */
export const RETURN_STATUS_LABELS: Record<ReturnStatus, string> = {
  requested: 'Requested',
  approved: 'Approved: send it back',
  rejected: 'Rejected',
  received: 'Received',
};

/** The status after `event`, or CONFLICT (reason `invalid_transition`, meta `{ from, event }`). */
export function transitionReturn(status: ReturnStatus, event: ReturnEvent): Result<ReturnStatus> {
  const next = RETURN_TRANSITIONS[status][event];
  if (next) return ok(next);
  return fail(
    'CONFLICT',
    `A return that is ${status} cannot be ${event === 'receive' ? 'received' : `${event}d`}.`,
    {
      reason: 'invalid_transition',
      from: status,
      event,
    },
  );
}

/**
 * Checks a receipt against the return's lines: every line of the return exactly once, and restocked + damaged +
 * missing at most the units returned. VALIDATION_FAILED otherwise.
 */
export function decideReceipt(
  returned: readonly { orderLineId: string; quantity: number }[],
  input: ReceiveReturnInput,
): Result<ReceiveReturnInput['lines']> {
  const byId = new Map(input.lines.map((l) => [l.orderLineId, l]));
  if (input.lines.length !== returned.length || returned.some((r) => !byId.has(r.orderLineId)))
    return fail('VALIDATION_FAILED', 'Record every item of this return, once each.', { field: 'lines' });
  const over = returned.filter((r) => {
    const got = byId.get(r.orderLineId)!;
    return got.restocked + got.damaged + got.missing > r.quantity;
  });
  if (over.length > 0)
    return fail('VALIDATION_FAILED', 'Restocked, damaged and missing add up to more than was returned.', {
      field: 'lines',
      lines: over.map((r) => ({ orderLineId: r.orderLineId, returned: r.quantity })),
    });
  return ok(returned.map((r) => byId.get(r.orderLineId)!));
}
