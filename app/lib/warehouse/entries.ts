/** Warehouse outbox entries: the pick, pack, ship and note actions a tablet queues, and the request each replays as. */
import { CarrierSchema } from '@domain/orders/shipments';
import { z } from 'zod';
import type { ServerSide } from './contract';

/** What each kind carries besides the order: re-validated before every replay (IndexedDB is user-editable). */
export const ENTRY_BODIES = {
  pick: z.strictObject({
    lines: z.array(z.strictObject({ lineId: z.string().min(1), picked: z.number().int().min(0) })).min(1),
  }),
  pack: z.strictObject({}),
  ship: z.strictObject({ carrier: CarrierSchema, trackingNumber: z.string().trim().min(4).max(40) }),
  note: z.strictObject({ note: z.string().trim().min(1).max(2000) }),
} as const;

/** The kinds of warehouse action. */
export type EntryKind = keyof typeof ENTRY_BODIES;
/** The body of one kind. */
export type EntryBody<K extends EntryKind = EntryKind> = z.infer<(typeof ENTRY_BODIES)[K]>;

/** Why the server refused an action: shown in Needs attention beside the tablet's side. */
export interface EntryConflict {
  status: number;
  code?: string;
  /** ORDER_CHANGED's reason: cancelled, edited or shipped. */
  reason?: string;
  detail?: string;
  /** The order as the server has it now, when the answer said. */
  current?: ServerSide;
  at: number;
}

/** One queued action. `pending` entries replay in `id` order; `attention` ones wait for a person's choice. */
export interface WarehouseEntry<K extends EntryKind = EntryKind> {
  /** Auto-incremented by IndexedDB: the replay order. Absent until stored. */
  id?: number;
  kind: K;
  orderId: string;
  orderNumber: string;
  body: EntryBody<K>;
  /** The order version the tablet saw when the action was taken (null for notes, which never conflict). */
  expectedVersion: number | null;
  /** Who queued it: replayed only under this staff member's session. */
  staffId: string;
  staffName: string;
  /** Minted once at enqueue, sent on every attempt: the server applies the action at most once. */
  idempotencyKey: string;
  createdAt: number;
  attempts: number;
  state: 'pending' | 'attention';
  lastError?: string;
  conflict?: EntryConflict;
}

/** An HTTP request to replay (same-origin path, JSON body). */
export interface EntryRequest {
  path: string;
  body: Record<string, unknown>;
}

/** The request an entry replays as, or a reason it never can (a bad entry: needs attention). */
export function requestOf(
  entry: WarehouseEntry,
): { ok: true; value: EntryRequest } | { ok: false; reason: string } {
  const schema = ENTRY_BODIES[entry.kind] as z.ZodType | undefined;
  const parsed = schema?.safeParse(entry.body);
  if (!parsed?.success) return { ok: false, reason: `This ${entry.kind} action is not valid any more.` };
  const base = `/api/warehouse/orders/${encodeURIComponent(entry.orderId)}`;
  const body = parsed.data as Record<string, unknown>;
  if (entry.kind === 'note') return { ok: true, value: { path: `${base}/notes`, body } };
  const path = entry.kind === 'pick' ? `${base}/picks` : `${base}/${entry.kind}`;
  return { ok: true, value: { path, body: { expectedVersion: entry.expectedVersion, ...body } } };
}

/** How an action is described to people: "Picked 2 of HAM-1", "Packed", "Shipped with UPS 1Z…". */
export function describeEntry(entry: WarehouseEntry, skuOf: (lineId: string) => string = (id) => id): string {
  switch (entry.kind) {
    case 'pick': {
      const lines = (entry.body as EntryBody<'pick'>).lines;
      return `Picked ${lines.map((l) => `${l.picked} × ${skuOf(l.lineId)}`).join(', ')}`;
    }
    case 'pack':
      return 'Marked packed';
    case 'ship': {
      const b = entry.body as EntryBody<'ship'>;
      return `Shipped with ${b.carrier} ${b.trackingNumber}`;
    }
    case 'note':
      return `Note: ${(entry.body as EntryBody<'note'>).note}`;
  }
}
