/**
 * What staff ask of the order list and the order page: the list filter (read from URL search params, so a filtered
 * list has an address), which status changes staff may make by hand, and the note input.
 */
import { z } from 'zod';
import { ATTENTION_REASONS, attentionFilter } from './needs-attention';
import { ORDER_STATUSES, type OrderEvent, type OrderStatus, OrderStatusSchema } from './order-status';

/** Orders per page in the admin list (API and page alike). */
export const ORDER_PAGE_SIZE = 50;

/** A payment's state, as the payments table records it. */
export const PAYMENT_STATES = ['pending', 'authorized', 'captured', 'failed', 'voided'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/**
 * Fulfilment, derived from the status: nothing has left (pending, processing), on its way (shipped), or arrived
 * (delivered and what may follow a delivery). Cancelled and refunded orders are in none of them: a refunded order
 * may have been cancelled before shipping or returned after delivery, and the status alone cannot tell.
 */
export const FULFILMENT_STATES = ['unfulfilled', 'shipped', 'delivered'] as const;
export type FulfilmentState = (typeof FULFILMENT_STATES)[number];

const FULFILMENT_STATUSES: Record<FulfilmentState, readonly OrderStatus[]> = {
  unfulfilled: ['pending', 'processing'],
  shipped: ['shipped'],
  delivered: ['delivered', 'return_requested', 'returned', 'partially_refunded'],
};

/** The statuses an order in fulfilment state `state` may have. */
export function statusesOfFulfilment(state: FulfilmentState): readonly OrderStatus[] {
  return FULFILMENT_STATUSES[state];
}

/** The fulfilment state of `status`, or null where the status alone does not tell (cancelled, refunded). */
export function fulfilmentOf(status: OrderStatus): FulfilmentState | null {
  return FULFILMENT_STATES.find((s) => FULFILMENT_STATUSES[s].includes(status)) ?? null;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` as a date input sends it; a real calendar date (no 2026-02-31). */
const DateParam = z
  .string()
  .regex(DATE, 'Use a date like 2026-12-03.')
  .refine((s) => {
    const ms = Date.parse(`${s}T00:00:00Z`);
    return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(s);
  }, 'That date does not exist.');

/** An empty form field means "no filter": `?status=` is the same as no `status`. */
const blank = (v: unknown) => (v === '' ? undefined : v);

/** Where the next page starts: the last row's `placedAt` and `id` (newest first, id breaks ties). */
export interface OrderCursor {
  placedAt: number;
  id: string;
}

const CURSOR = /^(\d{1,15})\.([A-Za-z0-9_]{1,64})$/;

/** The cursor as it goes in a URL: `1764700000000.ord_01…`. */
export function encodeOrderCursor(c: OrderCursor): string {
  return `${c.placedAt}.${c.id}`;
}

/**
 * The list's query: every field optional, unknown ones refused (a typo must not silently show every order). Dates
 * are whole UTC days, `to` inclusive; `q` is matched against the order number, the email, the name on the shipping
 * address and the SKUs of the lines (see db/repositories/admin-orders.ts for how each is matched).
 */
export const OrderListQuery = z
  .object({
    status: z.preprocess(blank, OrderStatusSchema.optional()),
    payment: z.preprocess(blank, z.enum(PAYMENT_STATES).optional()),
    fulfilment: z.preprocess(blank, z.enum(FULFILMENT_STATES).optional()),
    from: z.preprocess(blank, DateParam.optional()),
    to: z.preprocess(blank, DateParam.optional()),
    q: z.preprocess(blank, z.string().trim().max(100, 'Search for at most 100 characters.').optional()),
    attention: z.preprocess(blank, z.enum(ATTENTION_REASONS).optional()),
    after: z.preprocess(
      blank,
      z.string().regex(CURSOR, 'Not a page of this list; start from the first page.').optional(),
    ),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ['to'],
    message: 'The end date is before the start date.',
  });
export type OrderListQuery = z.infer<typeof OrderListQuery>;

/** The filter as the repository takes it: epoch-millisecond bounds, statuses to match, a decoded cursor. */
export interface OrderListFilter {
  statuses?: readonly OrderStatus[];
  payment?: PaymentState;
  placedFrom?: number;
  /** Exclusive. */
  placedBefore?: number;
  q?: string;
  /** Only orders whose latest refund failed (domain/orders/needs-attention.ts). */
  refundFailed?: true;
  after?: OrderCursor;
  limit: number;
}

/**
 * The query as the repository's filter. A status, a fulfilment state and a needs-attention reason together keep the
 * statuses all of them allow (else nothing matches: `statuses` is empty); `now` places the attention deadlines.
 */
export function toOrderListFilter(
  query: OrderListQuery,
  limit = ORDER_PAGE_SIZE,
  now = Date.now(),
): OrderListFilter {
  let statuses: readonly OrderStatus[] | undefined = query.status ? [query.status] : undefined;
  const narrow = (allowed: readonly OrderStatus[]) => {
    statuses = statuses ? statuses.filter((s) => allowed.includes(s)) : allowed;
  };
  if (query.fulfilment) narrow(statusesOfFulfilment(query.fulfilment));
  const attention = query.attention ? attentionFilter(query.attention, now) : {};
  if (attention.statuses) narrow(attention.statuses);
  const cursor = query.after ? CURSOR.exec(query.after) : null;
  const before = [
    query.to ? Date.parse(`${query.to}T00:00:00Z`) + DAY_MS : undefined,
    attention.placedBefore,
  ].filter((b) => b !== undefined);
  return {
    statuses,
    payment: query.payment,
    placedFrom: query.from ? Date.parse(`${query.from}T00:00:00Z`) : undefined,
    placedBefore: before.length ? Math.min(...before) : undefined,
    refundFailed: attention.refundFailed,
    q: query.q || undefined,
    after: cursor ? { placedAt: Number(cursor[1]), id: cursor[2]! } : undefined,
    limit,
  };
}

/** URLSearchParams (a page's URL) as the query: repeated keys keep the last value; the parse result as zod gives it. */
export function parseOrderListParams(params: URLSearchParams) {
  return OrderListQuery.safeParse(Object.fromEntries(params));
}

/** The query's own fields back as URL params (empty ones left out), e.g. for pagination links. */
export function orderListParams(query: OrderListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query))
    if (typeof v === 'string' && v !== '' && k !== 'after') out[k] = v;
  return out;
}

/**
 * The status changes staff make by hand. Shipping is not one of them: an order ships when its last units go into a
 * parcel (the shipments flow), so no order is ever "shipped" without a carrier and tracking. Cancelling has its own
 * flow (it restocks and refunds), as do returns and refunds.
 */
export const MANUAL_ORDER_EVENTS = ['start_processing', 'deliver'] as const satisfies readonly OrderEvent[];
export type ManualOrderEvent = (typeof MANUAL_ORDER_EVENTS)[number];

/** How a button names each manual event. */
export const MANUAL_EVENT_LABELS: Record<ManualOrderEvent, string> = {
  start_processing: 'Mark as processing',
  deliver: 'Mark as delivered',
};

const NoteText = z
  .string()
  .trim()
  .min(1, 'Write a note.')
  .max(2000, 'A note may be at most 2,000 characters.');

/** A staff note on an order. */
export const StaffNoteInput = z.object({ note: NoteText }).strict();
export type StaffNoteInput = z.infer<typeof StaffNoteInput>;

/**
 * A status change: the event, optionally the status the caller saw (a stale screen gets 409 instead of moving the
 * order on from a status nobody looked at), and an optional note for the timeline.
 */
export const StatusChangeInput = z
  .object({
    event: z.enum(MANUAL_ORDER_EVENTS, {
      error: `Choose one of: ${MANUAL_ORDER_EVENTS.join(', ')}. Ship through the order's shipments, cancel through its cancellation.`,
    }),
    expectedStatus: OrderStatusSchema.optional(),
    note: NoteText.optional(),
  })
  .strict();
export type StatusChangeInput = z.infer<typeof StatusChangeInput>;

/** Statuses in which the shipping address may still change: nothing has left the warehouse. */
export function canEditShippingAddress(status: OrderStatus): boolean {
  return status === 'pending' || status === 'processing';
}

/** Every status, for a filter's select. */
export const ORDER_STATUS_OPTIONS = ORDER_STATUSES;

/** How a status reads on screen: "partially_refunded" → "Partially refunded". */
export function statusLabel(status: string): string {
  const words = status.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
