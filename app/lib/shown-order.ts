/** An order as its page shows it (the account's order page and a guest's order link): amounts as Money, address parsed. */
import type { CustomerOrderDetail } from '@db/repositories/customer-orders';
import { carrierLabel, trackingUrl } from '@domain/orders/shipments';

export function shownOrder(found: CustomerOrderDetail) {
  const { order: o, lines, shipments, events } = found;
  const { currency } = o;
  function money(amount: number) {
    return { amount, currency };
  }
  let address: Record<string, string | null> = {};
  try {
    address = JSON.parse(o.shippingAddress) as Record<string, string | null>;
  } catch {
    // An unreadable snapshot shows no address rather than failing the whole page.
  }
  return {
    number: o.number,
    status: o.status,
    placedAt: o.placedAt,
    shippingMethod: o.shippingMethod,
    address,
    totals: {
      subtotal: money(o.subtotalAmount),
      discount: money(o.discountAmount),
      shipping: money(o.shippingAmount),
      tax: money(o.taxAmount),
      total: money(o.totalAmount),
      taxIncluded: o.pricesIncludeTax,
    },
    lines: lines.map((l) => ({
      id: l.id,
      productName: l.productName,
      variantLabel: l.variantLabel,
      quantity: l.quantity,
      unitPrice: money(l.unitAmount),
      lineTotal: money(l.lineTotalAmount),
    })),
    shipments: shipments.map((s) => ({
      id: s.id,
      carrier: s.carrier,
      carrierName: carrierLabel(s.carrier),
      trackingNumber: s.trackingNumber,
      trackingUrl: trackingUrl(s.carrier, s.trackingNumber),
      shippedAt: s.shippedAt,
      deliveredAt: s.deliveredAt,
      lines: s.lines.map((l) => ({
        orderLineId: l.orderLineId,
        productName: l.productName,
        variantLabel: l.variantLabel,
        quantity: l.quantity,
      })),
    })),
    /** Units not in any parcel yet. */
    unitsLeft: Math.max(
      0,
      lines.reduce((n, l) => n + l.quantity, 0) -
        shipments.reduce((n, s) => n + s.lines.reduce((m, l) => m + l.quantity, 0), 0),
    ),
    // Status changes only: notes and returns keep the status (from = to) and are not the shopper's history.
    history: events
      .filter((e) => e.fromStatus !== e.toStatus)
      .map((e) => ({ id: e.id, status: e.toStatus, at: e.createdAt })),
  };
}

/** What OrderDetail shows. */
export type ShownOrder = ReturnType<typeof shownOrder>;
