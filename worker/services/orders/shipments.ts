/**
 * Shipping an order: a parcel with some units of some lines, a carrier and a tracking number. The domain decides
 * (domain/orders/shipments.ts); the repository writes the shipment, its lines, the timeline row, the audit entry
 * and the order's new status in one guarded batch (db/repositories/shipments.ts). The customer is emailed once,
 * by the request that created the shipment; a replay with the same Idempotency-Key finds the shipment and sends
 * nothing.
 */
import { findAdminOrder, findConfirmationToken, findOrderState } from '@db/repositories/admin-orders';
import {
  findShipmentByKey,
  findShippableLines,
  listShipments,
  type ShipmentWithLines,
  shipmentStatements,
} from '@db/repositories/shipments';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { OrderStatusSchema } from '@domain/orders/order-status';
import { carrierLabel, decideShipment, type ShipmentInput, trackingUrl } from '@domain/orders/shipments';
import { orderLink } from '@worker/services/checkout/order-mail';
import { createMailer } from '@worker/services/email/mailer';
import { orderShippedMessage } from '@worker/services/email/templates';
import { shopSettings } from '@worker/services/shop/settings';
import { type OrdersContext, orderAudit } from './context';

/** The order's parcels, oldest first, with what is in each; NOT_FOUND for an unknown order. */
export async function orderShipments(
  ctx: Pick<OrdersContext, 'db'>,
  orderId: string,
): Promise<Result<ShipmentWithLines[]>> {
  if (!(await findOrderState(ctx.db, orderId))) return fail('NOT_FOUND', 'No order has this id.');
  return ok(await listShipments(ctx.db, orderId));
}

/** What a shipment request produced: the shipment, and whether it was made now or found (a replay). */
export interface ShipResult {
  shipment: ShipmentWithLines;
  created: boolean;
}

function found(parcels: ShipmentWithLines[], id: string): ShipmentWithLines {
  const s = parcels.find((p) => p.id === id);
  if (!s) throw new Error(`shipment ${id} vanished`);
  return s;
}

/**
 * Ships `input` from the order. CONFLICT (409) when the order's status forbids it, when a line asks for more than
 * is left (reason `over_shipped`), or when a concurrent shipment took the units first; nothing is written then.
 * With `idempotencyKey`, a request that already made a shipment for this order returns that shipment. With
 * `expectedVersion` (the warehouse app), the shipment goes in only while the order is at that version.
 */
export async function createShipment(
  ctx: OrdersContext,
  orderId: string,
  input: ShipmentInput,
  idempotencyKey?: string,
  opts: { expectedVersion?: number } = {},
): Promise<Result<ShipResult>> {
  const order = await findOrderState(ctx.db, orderId);
  if (!order) return fail('NOT_FOUND', 'No order has this id.');
  if (idempotencyKey) {
    const earlier = await findShipmentByKey(ctx.db, orderId, idempotencyKey);
    if (earlier)
      return ok({ shipment: found(await listShipments(ctx.db, orderId), earlier), created: false });
  }
  const status = OrderStatusSchema.parse(order.status);
  const lines = await findShippableLines(ctx.db, orderId);
  const decided = decideShipment(status, lines, input);
  if (!decided.ok) {
    const e = decided.error;
    if (e.code === 'INVALID_TRANSITION')
      return fail(
        'CONFLICT',
        `Order ${order.number} is ${status.replaceAll('_', ' ')}: it cannot ship now.`,
        {
          reason: 'invalid_transition',
          status,
        },
      );
    return decided;
  }
  const id = newId('shipment', ctx.now);
  const carrier = carrierLabel(input.carrier);
  const trackingNumber = input.trackingNumber ?? null;
  const units = input.lines.reduce((n, l) => n + l.quantity, 0);
  const note = `Shipped ${units} ${units === 1 ? 'unit' : 'units'} with ${carrier}${trackingNumber ? ` (tracking ${trackingNumber})` : ''}`;
  const shipment = await ctx.db.batch(
    shipmentStatements(ctx.db, {
      id,
      orderId,
      carrier: input.carrier,
      trackingNumber,
      createdBy: ctx.actor.id,
      idempotencyKey: idempotencyKey ?? null,
      lines: input.lines,
      eventId: newId('event', ctx.now),
      note,
      audit: orderAudit(ctx, 'order.ship', orderId, { status }, { shipmentId: id, ...input }),
      now: ctx.now,
      expectedVersion: opts.expectedVersion,
    }),
  );
  const [inserted, , , , updated] = shipment;
  if (inserted.length === 0) {
    // The guard refused: a replay that raced its twin, or another writer shipped or changed the order meanwhile.
    if (idempotencyKey) {
      const twin = await findShipmentByKey(ctx.db, orderId, idempotencyKey);
      if (twin) return ok({ shipment: found(await listShipments(ctx.db, orderId), twin), created: false });
    }
    return fail(
      'CONFLICT',
      `Order ${order.number} was shipped or changed by someone else meanwhile; nothing was shipped. Reload it.`,
      { reason: 'concurrent_change' },
    );
  }
  const parcels = await listShipments(ctx.db, orderId);
  const made = found(parcels, id);
  await sendShippedEmail(ctx, orderId, made, updated[0]?.status === 'shipped');
  return ok({ shipment: made, created: true });
}

/** The "your order has shipped" email; a failure is logged (the shipment stands and the order page shows it). */
async function sendShippedEmail(
  ctx: OrdersContext,
  orderId: string,
  s: ShipmentWithLines,
  complete: boolean,
): Promise<void> {
  try {
    const detail = await findAdminOrder(ctx.db, orderId);
    if (!detail) return;
    const { order } = detail;
    const token = await findConfirmationToken(ctx.db, orderId);
    const link = token
      ? orderLink(ctx.origin, token)
      : order.customerId
        ? `${ctx.origin}/account/orders/${encodeURIComponent(order.number)}`
        : null;
    const message = orderShippedMessage(
      {
        to: order.email,
        number: order.number,
        carrier: carrierLabel(s.carrier),
        trackingNumber: s.trackingNumber,
        trackingUrl: trackingUrl(s.carrier, s.trackingNumber),
        lines: s.lines.map((l) => ({
          name: l.variantLabel ? `${l.productName} (${l.variantLabel})` : l.productName,
          quantity: l.quantity,
        })),
        complete,
        orderLink: link,
      },
      shopSettings(ctx.env),
    );
    await createMailer(ctx.env, ctx.db).send(message);
  } catch (error) {
    console.error(
      JSON.stringify({ level: 'error', event: 'order-shipped-email-failed', error: String(error) }),
    );
  }
}

/** What the order page's "Ship items" form needs: each line with what is left, and the parcels so far. */
export async function shippingOverview(ctx: Pick<OrdersContext, 'db'>, orderId: string) {
  const [lines, parcels] = await Promise.all([
    findShippableLines(ctx.db, orderId),
    listShipments(ctx.db, orderId),
  ]);
  return {
    lines: lines.map((l) => ({ ...l, remaining: Math.max(0, l.quantity - l.shipped) })),
    parcels: parcels.map((p) => ({
      ...p,
      carrierName: carrierLabel(p.carrier),
      trackingUrl: trackingUrl(p.carrier, p.trackingNumber),
    })),
  };
}
