/**
 * A year of demo order history for the dashboard and reports (issue 11): orders with their lines, payments, status
 * events, parcels, refunds and promotion uses, placed over the 365 local days ending a few days before the seed's
 * clock. Everything comes from the seed's Rng, so the same store always gets the same history.
 *
 * Rows are written as the shop itself would have written them (domain rules for tax, refunds and usage keys), and
 * nothing is left for anyone to do: every order is shipped, delivered, cancelled or refunded — never pending or
 * processing — so the warehouse queue and the tests that place their own orders never meet a demo order.
 */
import type {
  counters,
  orderEvents,
  orderLines,
  orders,
  payments,
  promotionUses,
  refundLines,
  refunds,
  reportZone,
  reportZoneOffsets,
  shipmentLines,
  shipments,
} from '@db/schema';
import { linePaidAmount, refundEvent } from '@domain/orders/refunds';
import { CARRIER_INFO } from '@domain/orders/shipments';
import { zoneOffsets } from '@domain/reports/time-zone';
import { buildOrder, type CatalogProduct, type PromotionOffer } from './order-builder';
import { placementTimes } from './order-calendar';
import { CARRIERS_BY_COUNTRY, REFUND_REASONS } from './order-history-data';
import type { Rng } from './random';
import { digits, pickShopper, type Shopper, type ShopperPool } from './shoppers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The demo store's report time zone: the rollups' days are New York days. */
export const DEMO_REPORT_ZONE = 'America/New_York';
/** Migration 0010 starts the order counter at 1000, so the shop's first order is 1001; the history starts there. */
export const FIRST_ORDER_NUMBER = 1001;
/** The newest demo order is this many days older than the seed's clock. */
export const HISTORY_END_DAYS_AGO = 3;

export interface OrderHistorySeed {
  reportZone: Pick<typeof reportZone.$inferSelect, 'id' | 'timeZone' | 'rebuiltAt'>[];
  reportZoneOffsets: (typeof reportZoneOffsets.$inferSelect)[];
  orders: (typeof orders.$inferSelect)[];
  orderLines: (typeof orderLines.$inferSelect)[];
  payments: (typeof payments.$inferSelect)[];
  orderEvents: (typeof orderEvents.$inferSelect)[];
  shipments: (typeof shipments.$inferSelect)[];
  shipmentLines: (typeof shipmentLines.$inferSelect)[];
  refunds: (typeof refunds.$inferSelect)[];
  refundLines: (typeof refundLines.$inferSelect)[];
  promotionUses: (typeof promotionUses.$inferSelect)[];
  /** `order_number` above every seeded number, so the next order continues after the history. */
  counters: (typeof counters.$inferSelect)[];
}

export interface OrderHistoryInput {
  /** The products orders draw from, most popular first. */
  catalog: readonly CatalogProduct[];
  /** Seeded accounts that have ordered before, with their default address. */
  returning: readonly Shopper[];
  offers: readonly PromotionOffer[];
  /** Staff ids the events name: who packed and shipped, who handled cancellations and refunds. */
  warehouseStaffId: string;
  adminStaffId: string;
  currency: string;
}

/** No history: what stores built without it (tests' small stores) write; the counter keeps the migration's 1000. */
export function emptyOrderHistory(): OrderHistorySeed {
  return {
    reportZone: [],
    reportZoneOffsets: [],
    orders: [],
    orderLines: [],
    payments: [],
    orderEvents: [],
    shipments: [],
    shipmentLines: [],
    refunds: [],
    refundLines: [],
    promotionUses: [],
    counters: [],
  };
}

/** About `count` orders of history (the calendar rounds each day's share, so not exactly `count`). */
export function generateOrderHistory(
  rng: Rng,
  now: number,
  count: number,
  input: OrderHistoryInput,
): OrderHistorySeed {
  const out = emptyOrderHistory();
  const offsets = zoneOffsets(DEMO_REPORT_ZONE);
  // Whole from the start: the zone goes in before the orders, whose triggers then keep every rollup (a null here
  // would make a newcomer's first report page recount the year in the background).
  out.reportZone.push({ id: 1, timeZone: DEMO_REPORT_ZONE, rebuiltAt: now });
  out.reportZoneOffsets.push(...offsets);

  const times = placementTimes(rng, offsets, now, count, HISTORY_END_DAYS_AGO);
  const pool: ShopperPool = { guests: [], ordersByEmail: new Map(), accountSlots: new Map() };
  // Each returning account gets a handful of orders spread over the year.
  for (const account of input.returning) {
    for (const i of rng.sample(
      times.map((_, n) => n),
      rng.int(6, 10),
    ))
      pool.accountSlots.set(i, account);
  }
  const usesSoFar = new Map<string, number>();

  times.forEach((placedAt, i) => {
    const number = String(FIRST_ORDER_NUMBER + i);
    const shopper = pickShopper(rng, pool, i);
    const previousOrders = pool.ordersByEmail.get(shopper.email) ?? 0;
    pool.ordersByEmail.set(shopper.email, previousOrders + 1);
    const built = buildOrder(rng, {
      number,
      placedAt,
      shopper,
      previousOrders,
      catalog: input.catalog,
      offers: input.offers,
      usesSoFar,
      currency: input.currency,
    });
    out.orderLines.push(...built.lines);
    out.payments.push(built.payment);
    if (built.use) {
      out.promotionUses.push(built.use);
      usesSoFar.set(built.use.promotionId, (usesSoFar.get(built.use.promotionId) ?? 0) + 1);
    }
    const order = built.order;
    const events: (typeof orderEvents.$inferSelect)[] = [
      {
        id: `${order.id}:placed`,
        orderId: order.id,
        fromStatus: null,
        toStatus: 'pending',
        actor: 'customer',
        note: 'Order placed',
        createdAt: placedAt,
      },
    ];
    const move = (from: string, to: string, at: number, actor: string, note: string | null) => {
      events.push({
        id: rng.id('event', at),
        orderId: order.id,
        fromStatus: from,
        toStatus: to,
        actor,
        note,
        createdAt: at,
      });
      order.status = to;
    };
    const fate = rng.next();
    const age = now - placedAt;

    if (fate < 0.012 && age > 20 * DAY) {
      // Cancelled before it shipped: the whole payment goes back, nothing is refunded by line.
      const at = placedAt + rng.int(1, 10) * HOUR;
      const refund = refundRow(
        rng,
        order,
        built.payment.id,
        order.totalAmount,
        at,
        'Cancelled: Customer asked to cancel',
      );
      out.refunds.push(refund);
      move(
        'pending',
        'cancelled',
        at,
        input.adminStaffId,
        `Cancelled: Customer asked to cancel (restocked); refund of ${money(refund.amount, order.currency)} requested`,
      );
    } else {
      const processingAt = placedAt + rng.int(2, 20) * HOUR;
      move('pending', 'processing', processingAt, input.warehouseStaffId, null);
      const shippedAt = processingAt + rng.int(2, 30) * HOUR;
      const country = JSON.parse(order.shippingAddress).country as string;
      const choice = rng.pick(CARRIERS_BY_COUNTRY[country] ?? CARRIERS_BY_COUNTRY.EU ?? []);
      const shipmentId = rng.id('shipment', shippedAt);
      const trackingNumber = digits(rng, choice.tracking);
      out.shipments.push({
        id: shipmentId,
        orderId: order.id,
        carrier: choice.carrier,
        trackingNumber,
        shippedAt,
        // The shop marks whole orders delivered, never a parcel (docs/architecture.md, shipments).
        deliveredAt: null,
        createdBy: input.warehouseStaffId,
        idempotencyKey: null,
      });
      const units = built.lines.reduce((a, l) => a + l.quantity, 0);
      for (const l of built.lines)
        out.shipmentLines.push({ shipmentId, orderLineId: l.id, quantity: l.quantity });
      move(
        'processing',
        'shipped',
        shippedAt,
        input.warehouseStaffId,
        `Shipped ${units} ${units === 1 ? 'unit' : 'units'} with ${CARRIER_INFO[choice.carrier].label} (tracking ${trackingNumber})`,
      );
      // Transit: a few days at home, a week abroad; so anything older than ~10 days has arrived.
      const deliveredAt =
        shippedAt + (country === 'US' ? rng.int(2, 5) : rng.int(4, 7)) * DAY + rng.int(0, 8) * HOUR;
      if (deliveredAt < now - DAY) {
        move('shipped', 'delivered', deliveredAt, input.warehouseStaffId, null);
        const refundAt = deliveredAt + rng.int(2, 14) * DAY + rng.int(0, 10) * HOUR;
        if (fate > 0.97 && refundAt < now - DAY) {
          const refund = lineRefund(rng, built, fate > 0.985, refundAt);
          out.refunds.push(refund.row);
          out.refundLines.push(...refund.lines);
          const to =
            refundEvent(order.totalAmount, refund.row.amount) === 'refund'
              ? 'refunded'
              : 'partially_refunded';
          move('delivered', to, refundAt, input.adminStaffId, refund.note);
        }
      }
    }
    out.orderEvents.push(...events);
    // Every status change bumped the version; the last one is the order's latest update.
    order.version = events.length;
    order.updatedAt = (events.at(-1) as (typeof events)[number]).createdAt;
    out.orders.push(order);
  });
  out.counters.push({ name: 'order_number', value: FIRST_ORDER_NUMBER - 1 + times.length });
  return out;

  function refundRow(
    rng: Rng,
    order: typeof orders.$inferSelect,
    paymentId: string,
    amount: number,
    at: number,
    reason: string,
  ) {
    return {
      id: rng.id('refund', at),
      orderId: order.id,
      paymentId,
      amount,
      currency: order.currency,
      reason,
      providerRef: rng.id('testPayment', at),
      status: 'succeeded' as const,
      createdAt: at,
    };
  }

  /**
   * A refund after a return, by lines as staff make them: every line and the shipping back (`whole`), or some units
   * of one line. Line amounts follow planRefund (the paid amount pro rata, rounded down).
   */
  function lineRefund(rng: Rng, built: ReturnType<typeof buildOrder>, whole: boolean, at: number) {
    const { order, lines } = built;
    const reason = rng.pick(REFUND_REASONS);
    const chosen = whole
      ? lines.map((l) => ({ line: l, quantity: l.quantity }))
      : [lines[rng.int(0, lines.length - 1)]].map((l) => ({ line: l!, quantity: rng.int(1, l!.quantity) }));
    let amount = chosen.reduce(
      (a, c) => a + Math.floor((linePaidAmount(c.line, false) * c.quantity) / c.line.quantity),
      0,
    );
    // The whole order back: the shipping (and its tax) too, which no line holds.
    if (whole) amount = order.totalAmount;
    const row = refundRow(rng, order, built.payment.id, amount, at, reason);
    const restocked = reason !== 'Arrived damaged';
    const what = chosen.map((c) => `${c.quantity} × ${c.line.sku}`).join(', ');
    return {
      row,
      lines: chosen.map((c) => ({ refundId: row.id, lineId: c.line.id, quantity: c.quantity, restocked })),
      note: `Refund of ${money(amount, order.currency)} requested: ${reason}${restocked ? ` (restocked ${what})` : ' (not restocked)'}`,
    };
  }
}

/** "$12.34", as the order timeline's notes write amounts. */
function money(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount / 100);
}
