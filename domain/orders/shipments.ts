/**
 * Shipments: the carriers and their tracking links, what a tracking number may look like, the input of a shipment
 * (order lines and how many units of each), and what a shipment does to the order's status.
 *
 * Fulfilment of an order with some units shipped is `partially_shipped`, derived from its shipments (never stored):
 * its status stays `processing` until every unit has shipped, then the shipment that ships the last unit moves it
 * to `shipped`. An order may be shipped while `pending` (paid, not yet marked processing): the first parcel moves it
 * to `processing`, or straight to `shipped` when it holds everything.
 */
import { fail, ok, type Result } from '@domain/core/result';
import { z } from 'zod';
import { type OrderStatus, transitionOrder } from './order-status';

/** The carriers staff pick from; `other` has no tracking link. */
export const CARRIERS = ['ups', 'usps', 'fedex', 'dhl', 'royal_mail', 'dpd', 'other'] as const;
export type Carrier = (typeof CARRIERS)[number];
export const CarrierSchema = z.enum(CARRIERS);

/** Each carrier's name as shown, and its tracking page with `{tracking}` where the (URL-encoded) number goes. */
export const CARRIER_INFO: Record<Carrier, { label: string; trackingUrl: string | null }> = {
  ups: { label: 'UPS', trackingUrl: 'https://www.ups.com/track?tracknum={tracking}' },
  usps: { label: 'USPS', trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={tracking}' },
  fedex: { label: 'FedEx', trackingUrl: 'https://www.fedex.com/fedextrack/?trknbr={tracking}' },
  dhl: {
    label: 'DHL',
    trackingUrl: 'https://www.dhl.com/global-en/home/tracking.html?tracking-id={tracking}',
  },
  royal_mail: {
    label: 'Royal Mail',
    trackingUrl: 'https://www.royalmail.com/track-your-item#/tracking-results/{tracking}',
  },
  dpd: { label: 'DPD', trackingUrl: 'https://www.dpd.co.uk/apps/tracking/?parcel={tracking}' },
  other: { label: 'Other', trackingUrl: null },
};

/** The carrier's name; an unknown stored value is shown as it is. */
export function carrierLabel(carrier: string): string {
  return Object.hasOwn(CARRIER_INFO, carrier) ? CARRIER_INFO[carrier as Carrier].label : carrier;
}

/** The tracking page of `trackingNumber` with `carrier`, or null (no number, `other`, an unknown carrier). */
export function trackingUrl(carrier: string, trackingNumber: string | null): string | null {
  if (!trackingNumber || !Object.hasOwn(CARRIER_INFO, carrier)) return null;
  const template = CARRIER_INFO[carrier as Carrier].trackingUrl;
  return template ? template.replace('{tracking}', encodeURIComponent(trackingNumber)) : null;
}

/**
 * A tracking number: trimmed, 4 to 40 characters, letters, digits, spaces and dashes (carriers print them grouped:
 * `1Z 999 AA1 0123 4567 84`). Spaces are kept as typed; the link encodes them.
 */
export const TrackingNumberSchema = z
  .string()
  .trim()
  .min(4, 'A tracking number has at least 4 characters.')
  .max(40, 'A tracking number has at most 40 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, 'Use letters, digits, spaces and dashes only.');

/** Most lines one shipment may list (an order rarely has more; keeps the statement small). */
export const MAX_SHIPMENT_LINES = 200;

/** A new shipment: which lines, how many units of each, the carrier and (except for `other`) a tracking number. */
export const ShipmentInput = z
  .object({
    carrier: CarrierSchema,
    trackingNumber: z.preprocess((v) => (v === '' ? undefined : v), TrackingNumberSchema.optional()),
    lines: z
      .array(
        z
          .object({
            orderLineId: z.string().min(1).max(64),
            quantity: z.number().int().min(1, 'Ship at least one unit.').max(100_000),
          })
          .strict(),
      )
      .min(1, 'Choose at least one item to ship.')
      .max(MAX_SHIPMENT_LINES)
      .refine((ls) => new Set(ls.map((l) => l.orderLineId)).size === ls.length, 'List each item once.'),
  })
  .strict()
  .refine((s) => s.carrier === 'other' || s.trackingNumber !== undefined, {
    path: ['trackingNumber'],
    message: 'Enter the tracking number the carrier gave you.',
  });
export type ShipmentInput = z.infer<typeof ShipmentInput>;

/** An order line as shipping sees it: how many were ordered and how many have shipped in earlier parcels. */
export interface ShippableLine {
  id: string;
  quantity: number;
  shipped: number;
}

/** Units of each line not yet shipped. */
export const remainingOf = (line: ShippableLine) => Math.max(0, line.quantity - line.shipped);

/** How far the order is shipped, from its lines. */
export type ShippingProgress = 'unshipped' | 'partially_shipped' | 'shipped';
export function shippingProgress(lines: readonly ShippableLine[]): ShippingProgress {
  const shipped = lines.reduce((n, l) => n + Math.min(l.shipped, l.quantity), 0);
  const ordered = lines.reduce((n, l) => n + l.quantity, 0);
  if (shipped === 0) return 'unshipped';
  return shipped >= ordered ? 'shipped' : 'partially_shipped';
}

/** The statuses an order may take a shipment in. */
export const SHIPPABLE_STATUSES = ['pending', 'processing'] as const satisfies readonly OrderStatus[];

/** The status after a shipment: `shipped` when nothing is left, else `processing`, along the state machine. */
export function statusAfterShipment(status: OrderStatus, allShipped: boolean): Result<OrderStatus> {
  const processing = status === 'pending' ? transitionOrder(status, 'start_processing') : ok(status);
  if (!processing.ok) return processing;
  if (!allShipped) {
    return processing.value === 'processing' ? ok('processing') : transitionOrder(processing.value, 'ship'); // an error naming the status it is in
  }
  return transitionOrder(processing.value, 'ship');
}

/**
 * Checks a shipment against the order: every line is the order's, and none ships more than is left. Returns the
 * order's status afterwards. Codes: VALIDATION_FAILED (an unknown line), INVALID_TRANSITION (the status forbids
 * shipping), CONFLICT with reason `over_shipped` (more units than are left; meta lists each line and what is left).
 */
export function decideShipment(
  status: OrderStatus,
  lines: readonly ShippableLine[],
  input: Pick<ShipmentInput, 'lines'>,
): Result<{ status: OrderStatus; allShipped: boolean }> {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const unknown = input.lines.filter((l) => !byId.has(l.orderLineId));
  if (unknown.length > 0)
    return fail('VALIDATION_FAILED', 'Some of these items are not on this order.', {
      unknownLines: unknown.map((l) => l.orderLineId),
    });
  const over = input.lines.filter((l) => l.quantity > remainingOf(byId.get(l.orderLineId)!));
  if (over.length > 0)
    return fail('CONFLICT', 'That is more than is left to ship; nothing was shipped.', {
      reason: 'over_shipped',
      lines: over.map((l) => ({
        orderLineId: l.orderLineId,
        requested: l.quantity,
        remaining: remainingOf(byId.get(l.orderLineId)!),
      })),
    });
  const asked = new Map(input.lines.map((l) => [l.orderLineId, l.quantity]));
  const after = lines.map((l) => ({ ...l, shipped: l.shipped + (asked.get(l.id) ?? 0) }));
  const allShipped = shippingProgress(after) === 'shipped';
  const next = statusAfterShipment(status, allShipped);
  return next.ok ? ok({ status: next.value, allShipped }) : next;
}
