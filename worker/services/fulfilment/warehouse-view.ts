/** The warehouse API's order shape (docs: /work/notes/warehouse-contract.md), built from the repository's rows. */
import type { QueueLineRow, QueueOrderRow } from '@db/repositories/warehouse';

/** An order as the tablet sees it. */
export interface WarehouseOrder {
  id: string;
  number: string;
  status: 'pending' | 'processing';
  version: number;
  placedAt: number;
  packedAt: number | null;
  packedBy: string | null;
  customerName: string;
  email: string;
  shipTo: {
    name: string;
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postalCode: string;
    country: string;
    phone: string | null;
  };
  shippingMethod: string | null;
  lines: {
    lineId: string;
    sku: string;
    name: string;
    variantLabel: string | null;
    quantity: number;
    shipped: number;
    picked: number;
    binLocation: string | null;
    barcode: string | null;
  }[];
}

/** What a conflict shows of an order that left the queue (cancelled, shipped). */
export interface OrderSummary {
  id: string;
  number: string;
  status: string;
  version: number;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function shipToOf(json: string): WarehouseOrder['shipTo'] {
  let a: Record<string, unknown> = {};
  try {
    a = JSON.parse(json) as Record<string, unknown>;
  } catch {
    // A damaged snapshot shows as blanks rather than failing the whole queue.
  }
  return {
    name: text(a.name),
    line1: text(a.line1),
    line2: textOrNull(a.line2),
    city: text(a.city),
    region: textOrNull(a.region),
    postalCode: text(a.postalCode),
    country: text(a.country),
    phone: textOrNull(a.phone),
  };
}

/** The tablet's shape of `o` with its `lines` (rows of other orders are ignored). */
export function warehouseOrderOf(o: QueueOrderRow, lines: readonly QueueLineRow[]): WarehouseOrder {
  const shipTo = shipToOf(o.shippingAddress);
  return {
    id: o.id,
    number: o.number,
    status: o.status === 'pending' ? 'pending' : 'processing',
    version: o.version,
    placedAt: o.placedAt,
    packedAt: o.packedAt,
    packedBy: o.packedBy,
    customerName: shipTo.name,
    email: o.email,
    shipTo,
    shippingMethod: o.shippingMethodName ?? (o.shippingMethod || null),
    lines: lines
      .filter((l) => l.orderId === o.id)
      .map((l) => ({
        lineId: l.id,
        sku: l.sku,
        name: l.productName,
        variantLabel: l.variantLabel || null,
        quantity: l.quantity,
        shipped: l.shipped,
        picked: l.picked,
        binLocation: l.binLocation,
        barcode: l.barcode,
      })),
  };
}

/** The order's id, number, status and version. */
export const summaryOf = (o: QueueOrderRow): OrderSummary => ({
  id: o.id,
  number: o.number,
  status: o.status,
  version: o.version,
});
