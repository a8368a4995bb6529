/**
 * The warehouse's use cases: the fulfilment queue, and the tablet's writes (picks, pack, ship, note). Each write
 * first checks the order is still the one the tablet saw (domain/fulfilment/warehouse.ts), then writes in one
 * batch guarded by the same version in SQL; a write that loses a race answers ORDER_CHANGED with the server's side,
 * like one refused up front. Shipping goes through the shipments service (its guard, timeline, email).
 */

import { appendAuditStatement, appendOrderEventStatement } from '@db/repositories/admin-orders';
import { findShipmentByKey } from '@db/repositories/shipments';
import {
  findWarehouseOrder,
  listQueueLines,
  listQueueOrders,
  packStatements,
  pickStatements,
  type QueueCursor,
  type QueueOrderRow,
} from '@db/repositories/warehouse';
import { newId } from '@domain/core/ids';
import { type DomainError, fail, ok, type Result } from '@domain/core/result';
import {
  checkOrderUnchanged,
  checkPicks,
  type PackInput,
  type PicksInput,
  statusAfterPack,
  type WarehouseShipInput,
} from '@domain/fulfilment/warehouse';
import { OrderStatusSchema } from '@domain/orders/order-status';
import { trackingUrl } from '@domain/orders/shipments';
import { type OrdersContext, orderAudit, staffEvent } from '@worker/services/orders/context';
import { createShipment } from '@worker/services/orders/shipments';
import { type OrderSummary, summaryOf, type WarehouseOrder, warehouseOrderOf } from './warehouse-view';

/** Most orders one queue page holds. */
export const QUEUE_PAGE = 200;

/** One page of the queue, oldest first, and where the next page starts (null on the last). */
export async function warehouseQueue(
  ctx: Pick<OrdersContext, 'db'>,
  after: QueueCursor | null,
): Promise<{ orders: WarehouseOrder[]; next: QueueCursor | null }> {
  const rows = await listQueueOrders(ctx.db, QUEUE_PAGE, after);
  const lines = await listQueueLines(
    ctx.db,
    rows.map((r) => r.id),
  );
  const last = rows.at(-1);
  return {
    orders: rows.map((r) => warehouseOrderOf(r, lines)),
    next: rows.length === QUEUE_PAGE && last ? { placedAt: last.placedAt, id: last.id } : null,
  };
}

interface Loaded {
  row: QueueOrderRow;
  order: WarehouseOrder;
  unitsLeft: number;
}

async function load(ctx: Pick<OrdersContext, 'db'>, orderId: string): Promise<Loaded | null> {
  const row = await findWarehouseOrder(ctx.db, orderId);
  if (!row) return null;
  const order = warehouseOrderOf(row, await listQueueLines(ctx.db, [orderId]));
  const unitsLeft = order.lines.reduce((n, l) => n + Math.max(0, l.quantity - l.shipped), 0);
  return { row, order, unitsLeft };
}

/** The server's side of a conflict: the whole order while it is still open, else its summary. */
function currentOf(l: Loaded): WarehouseOrder | OrderSummary {
  return l.row.status === 'pending' || l.row.status === 'processing' ? l.order : summaryOf(l.row);
}

/** ORDER_CHANGED with the reason and the server's side. */
function changed(error: DomainError, l: Loaded): Result<never> {
  return fail('ORDER_CHANGED', error.detail, { ...error.meta, current: currentOf(l) });
}

/**
 * Loads the order and checks it against `expectedVersion`: NOT_FOUND, ORDER_CHANGED, or the loaded order.
 */
async function loadUnchanged(
  ctx: Pick<OrdersContext, 'db'>,
  orderId: string,
  expectedVersion: number,
): Promise<Result<Loaded>> {
  const l = await load(ctx, orderId);
  if (!l) return fail('NOT_FOUND', 'No order has this id.');
  const check = checkOrderUnchanged(
    { status: l.row.status, version: l.row.version, unitsLeft: l.unitsLeft },
    expectedVersion,
  );
  return check.ok ? ok(l) : changed(check.error, l);
}

/** After a guarded batch wrote nothing: the order as it is now, as a conflict (edited when nothing else says why). */
async function lostRace(ctx: Pick<OrdersContext, 'db'>, orderId: string, expectedVersion: number) {
  const l = await load(ctx, orderId);
  if (!l) return fail('NOT_FOUND', 'No order has this id.');
  const check = checkOrderUnchanged(
    { status: l.row.status, version: l.row.version, unitsLeft: l.unitsLeft },
    expectedVersion,
  );
  return changed(
    check.ok
      ? { code: 'ORDER_CHANGED', detail: 'This order changed meanwhile.', meta: { reason: 'edited' } }
      : check.error,
    l,
  );
}

/** The order in the tablet's shape now, or null when there is no such order. */
export async function warehouseOrder(
  ctx: Pick<OrdersContext, 'db'>,
  orderId: string,
): Promise<WarehouseOrder | null> {
  return (await load(ctx, orderId))?.order ?? null;
}

async function reread(ctx: Pick<OrdersContext, 'db'>, orderId: string): Promise<WarehouseOrder> {
  const l = await load(ctx, orderId);
  if (!l) throw new Error(`order ${orderId} vanished`);
  return l.order;
}

/** Sets the picked counts of some lines (absolute); the updated order. */
export async function recordPicks(
  ctx: OrdersContext,
  orderId: string,
  input: PicksInput,
): Promise<Result<WarehouseOrder>> {
  const loaded = await loadUnchanged(ctx, orderId, input.expectedVersion);
  if (!loaded.ok) return loaded;
  const checked = checkPicks(
    loaded.value.order.lines.map((l) => ({ id: l.lineId, quantity: l.quantity, shipped: l.shipped })),
    input.lines,
  );
  if (!checked.ok) return checked;
  const [, bumped] = await ctx.db.batch(
    pickStatements(ctx.db, { orderId, version: input.expectedVersion, lines: input.lines, now: ctx.now }),
  );
  if (bumped.length === 0) return lostRace(ctx, orderId, input.expectedVersion);
  return ok(await reread(ctx, orderId));
}

/** Marks the order packed (a pending order moves to processing); the updated order. */
export async function packOrder(
  ctx: OrdersContext,
  orderId: string,
  input: PackInput,
): Promise<Result<WarehouseOrder>> {
  const loaded = await loadUnchanged(ctx, orderId, input.expectedVersion);
  if (!loaded.ok) return loaded;
  const from = OrderStatusSchema.parse(loaded.value.row.status);
  const next = statusAfterPack(from);
  if (!next.ok) return next;
  const [, , bumped] = await ctx.db.batch(
    packStatements(ctx.db, {
      orderId,
      version: input.expectedVersion,
      fromStatus: from,
      status: next.value,
      staffId: ctx.actor.id,
      eventId: newId('event', ctx.now),
      note: 'Packed in the warehouse',
      audit: orderAudit(ctx, 'order.pack', orderId, { status: from }, { status: next.value, packed: true }),
      now: ctx.now,
    }),
  );
  if (bumped.length === 0) return lostRace(ctx, orderId, input.expectedVersion);
  return ok(await reread(ctx, orderId));
}

/** What shipping answers: the parcel, and the order after it. */
export interface WarehouseShipped {
  shipment: { id: string; carrier: string; trackingNumber: string | null; trackingUrl: string | null };
  order: OrderSummary;
  created: boolean;
}

/**
 * Ships every unit left in one parcel through the shipments service (customer email included). With
 * `idempotencyKey`, a request that already shipped answers with that parcel, before any version check (its own
 * shipment moved the version).
 */
export async function shipOrder(
  ctx: OrdersContext,
  orderId: string,
  input: WarehouseShipInput,
  idempotencyKey?: string,
): Promise<Result<WarehouseShipped>> {
  const replayed = idempotencyKey ? await findShipmentByKey(ctx.db, orderId, idempotencyKey) : null;
  let lines: { orderLineId: string; quantity: number }[] = [];
  if (!replayed) {
    const loaded = await loadUnchanged(ctx, orderId, input.expectedVersion);
    if (!loaded.ok) return loaded;
    lines = loaded.value.order.lines
      .filter((l) => l.quantity > l.shipped)
      .map((l) => ({ orderLineId: l.lineId, quantity: l.quantity - l.shipped }));
  }
  const shipped = await createShipment(
    ctx,
    orderId,
    {
      carrier: input.carrier,
      trackingNumber: input.trackingNumber,
      // A replay never reads its lines (the service answers with the earlier parcel first); a fresh request has
      // units left, or the check above refused it.
      lines: lines.length > 0 ? lines : [{ orderLineId: 'replay', quantity: 1 }],
    },
    idempotencyKey,
    { expectedVersion: input.expectedVersion },
  );
  if (!shipped.ok) {
    if (shipped.error.code === 'CONFLICT') return lostRace(ctx, orderId, input.expectedVersion);
    return shipped;
  }
  const s = shipped.value.shipment;
  const after = await findWarehouseOrder(ctx.db, orderId);
  if (!after) throw new Error(`order ${orderId} vanished`);
  return ok({
    shipment: {
      id: s.id,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      trackingUrl: trackingUrl(s.carrier, s.trackingNumber),
    },
    order: summaryOf(after),
    created: shipped.value.created,
  });
}

/** A staff note on the order's timeline (the status stays; the version does not move: notes change nothing). */
export async function addWarehouseNote(
  ctx: OrdersContext,
  orderId: string,
  note: string,
): Promise<Result<{ id: string; note: string; createdAt: number }>> {
  const row = await findWarehouseOrder(ctx.db, orderId);
  if (!row) return fail('NOT_FOUND', 'No order has this id.');
  const event = staffEvent(ctx, orderId, row.status, row.status, note);
  await ctx.db.batch([
    appendOrderEventStatement(ctx.db, event),
    appendAuditStatement(ctx.db, orderAudit(ctx, 'order.note', orderId, null, { note })),
  ]);
  return ok({ id: event.id, note, createdAt: event.createdAt });
}
