/** What the warehouse screens show: the device's copy of each order with this tablet's queued actions applied, and its sync badge. */
import type { WarehouseOrder } from './contract';
import type { EntryBody, WarehouseEntry } from './entries';

/** An order as kept on the device: the server's last answer for it. */
export interface DeviceOrder {
  id: string;
  placedAt: number;
  order: WarehouseOrder;
  savedAt: number;
}

/** Saved on this device / syncing / synced / needs attention. */
export type SyncBadge = 'device' | 'syncing' | 'synced' | 'attention';

/** The words on each badge. */
export const BADGE_LABELS: Record<SyncBadge, string> = {
  device: 'Saved on this device',
  syncing: 'Syncing',
  synced: 'Synced',
  attention: 'Needs attention',
};

/** One order on screen. */
export interface ShownOrder {
  order: WarehouseOrder;
  badge: SyncBadge;
  pending: WarehouseEntry[];
  attention: WarehouseEntry[];
  /** Queued here by a staff member other than the one signed in: waits for them. */
  waitingFor: string | null;
}

/** The order with `entries` (pending and attention alike: what the tablet did) applied on top. */
export function applyEntries(order: WarehouseOrder, entries: readonly WarehouseEntry[]): WarehouseOrder {
  let shown = order;
  for (const entry of entries) {
    if (entry.orderId !== order.id) continue;
    if (entry.kind === 'pick') {
      const picks = new Map((entry.body as EntryBody<'pick'>).lines.map((l) => [l.lineId, l.picked]));
      shown = {
        ...shown,
        lines: shown.lines.map((l) =>
          picks.has(l.lineId) ? { ...l, picked: picks.get(l.lineId) as number } : l,
        ),
      };
    } else if (entry.kind === 'pack') {
      shown = {
        ...shown,
        packedAt: shown.packedAt ?? entry.createdAt,
        packedBy: shown.packedBy ?? entry.staffName,
      };
    } else if (entry.kind === 'ship') {
      shown = { ...shown, status: 'shipped' };
    }
  }
  return shown;
}

/**
 * Every order on the device, oldest placed first, with what this tablet did applied and its badge: needs attention
 * when any of its actions was refused, syncing or saved on this device while actions wait, else synced.
 */
export function showOrders(
  orders: readonly DeviceOrder[],
  entries: readonly WarehouseEntry[],
  options: { syncing: boolean; staffId: string | null },
): ShownOrder[] {
  const byOrder = new Map<string, WarehouseEntry[]>();
  for (const e of entries) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e]);
  return [...orders]
    .sort((a, b) => a.placedAt - b.placedAt)
    .map((d) => {
      const own = byOrder.get(d.id) ?? [];
      const pending = own.filter((e) => e.state === 'pending');
      const attention = own.filter((e) => e.state === 'attention');
      const other = pending.find((e) => options.staffId !== null && e.staffId !== options.staffId);
      const badge: SyncBadge = attention.length
        ? 'attention'
        : pending.length
          ? options.syncing && !other
            ? 'syncing'
            : 'device'
          : 'synced';
      return {
        // Refused actions are not shown as done: the server's order plus what still waits to go.
        order: applyEntries(d.order, pending),
        badge,
        pending,
        attention,
        waitingFor: other?.staffName ?? null,
      };
    });
}

/** Units still to pick on an order (over lines with units left to ship). */
export function unitsToPick(order: WarehouseOrder): number {
  return order.lines.reduce((n, l) => n + Math.max(0, l.quantity - l.shipped - l.picked), 0);
}

/** How long an order this tablet shipped stays on screen (as synced) after it left the server's queue. */
export const SHIPPED_KEPT_MS = 12 * 3600_000;

/** Whether an order the server's queue no longer lists stays on the device: actions still queued, or shipped here lately. */
export function keptAfterRefresh(kept: DeviceOrder, hasEntries: boolean, now: number): boolean {
  return hasEntries || (kept.order.status === 'shipped' && now - kept.savedAt < SHIPPED_KEPT_MS);
}

/** The device's order after a write went through: the server's full answer, or its status and version. */
export function withAnswer(
  kept: DeviceOrder,
  answer: { order: WarehouseOrder | null; summary: { status: string; version: number } | null },
  now: number,
): DeviceOrder {
  if (answer.order) return { ...kept, order: answer.order, savedAt: now };
  if (answer.summary) {
    const { status, version } = answer.summary;
    // A ship answer: every unit left went in the parcel.
    const lines =
      status === 'shipped' ? kept.order.lines.map((l) => ({ ...l, shipped: l.quantity })) : kept.order.lines;
    return { ...kept, order: { ...kept.order, status, version, lines }, savedAt: now };
  }
  return kept;
}
