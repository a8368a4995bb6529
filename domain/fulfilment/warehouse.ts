/**
 * The warehouse's writes on an order (pick, pack, ship, note): their inputs, and the rule every write passes first —
 * the order is still the one the tablet saw (same version) and still fulfillable — so an offline tablet replaying
 * its outbox never packs a cancelled order or ships to an address that was edited meanwhile.
 */
import { fail, ok, type Result } from '@domain/core/result';
import { type OrderStatus, transitionOrder } from '@domain/orders/order-status';
import { CarrierSchema, TrackingNumberSchema } from '@domain/orders/shipments';
import { z } from 'zod';

/** The version the tablet last saw: every write carries it. */
const ExpectedVersion = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** Most lines one picks request may set (an order's lines; keeps the JSON parameter small). */
export const MAX_PICK_LINES = 200;

/** New picked counts, absolute per line (0..quantity − shipped), so replays and reorderings converge. */
export const PicksInput = z
  .object({
    expectedVersion: ExpectedVersion,
    lines: z
      .array(
        z
          .object({
            lineId: z.string().min(1).max(64),
            picked: z.number().int().min(0, 'Picked cannot be negative.').max(100_000),
          })
          .strict(),
      )
      .min(1, 'Send at least one line.')
      .max(MAX_PICK_LINES)
      .refine((ls) => new Set(ls.map((l) => l.lineId)).size === ls.length, 'List each line once.'),
  })
  .strict();
export type PicksInput = z.infer<typeof PicksInput>;

export const PackInput = z.object({ expectedVersion: ExpectedVersion }).strict();
export type PackInput = z.infer<typeof PackInput>;

/** Ship everything left in one parcel. */
export const WarehouseShipInput = z
  .object({
    expectedVersion: ExpectedVersion,
    carrier: CarrierSchema,
    trackingNumber: z.preprocess((v) => (v === '' ? undefined : v), TrackingNumberSchema.optional()),
  })
  .strict()
  .refine((s) => s.carrier === 'other' || s.trackingNumber !== undefined, {
    path: ['trackingNumber'],
    message: 'Enter the tracking number the carrier gave you.',
  });
export type WarehouseShipInput = z.infer<typeof WarehouseShipInput>;

/** A staff note on the order's timeline (e.g. what a supervisor decided about a conflict). */
export const WarehouseNoteInput = z
  .object({ note: z.string().trim().min(1, 'Write a note.').max(1000, 'At most 1000 characters.') })
  .strict();

/** Why a write was refused: the order was cancelled, edited (another version), or shipped by someone else. */
export type ChangeReason = 'cancelled' | 'edited' | 'shipped';

/** What a write decides on: the order as the server has it now. */
export interface OrderNow {
  status: string;
  version: number;
  /** Units of all lines not yet shipped. */
  unitsLeft: number;
}

/**
 * The guard of every warehouse write: ORDER_CHANGED (meta `{ reason }`) unless the order is pending or processing
 * with units left and at `expectedVersion`. Cancelled and shipped win over a version mismatch: they say why.
 */
export function checkOrderUnchanged(order: OrderNow, expectedVersion: number): Result<void> {
  if (order.status === 'cancelled')
    return fail('ORDER_CHANGED', 'This order was cancelled; do not ship it.', { reason: 'cancelled' });
  if ((order.status !== 'pending' && order.status !== 'processing') || order.unitsLeft <= 0)
    return fail('ORDER_CHANGED', `This order is already ${order.status.replaceAll('_', ' ')}.`, {
      reason: 'shipped',
    });
  if (order.version !== expectedVersion)
    return fail(
      'ORDER_CHANGED',
      `This order changed since you saw it (version ${expectedVersion}, now ${order.version}); check it again.`,
      { reason: 'edited' },
    );
  return ok(undefined);
}

/** A line as picking sees it. */
export interface PickableLine {
  id: string;
  quantity: number;
  shipped: number;
}

/**
 * Checks new picked counts against the lines: every line is the order's, and none is picked beyond what is left
 * to ship. VALIDATION_FAILED with field errors otherwise (the tablet's entry needs attention, not a retry).
 */
export function checkPicks(
  lines: readonly PickableLine[],
  picks: PicksInput['lines'],
): Result<PicksInput['lines']> {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const errors: { path: string; message: string }[] = [];
  picks.forEach((p, i) => {
    const line = byId.get(p.lineId);
    if (!line) errors.push({ path: `lines.${i}.lineId`, message: 'This line is not on this order.' });
    else if (p.picked > line.quantity - line.shipped)
      errors.push({
        path: `lines.${i}.picked`,
        message: `At most ${Math.max(0, line.quantity - line.shipped)} left to pick on this line.`,
      });
  });
  if (errors.length > 0)
    return fail('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  return ok(picks);
}

/** Packing marks the parcel ready; a pending order moves to processing on the way (the state machine's move). */
export function statusAfterPack(status: OrderStatus): Result<OrderStatus> {
  return status === 'processing' ? ok(status) : transitionOrder(status, 'start_processing');
}
