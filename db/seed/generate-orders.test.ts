/** The demo order history: a believable, consistent year that leaves nothing for the warehouse or the tests to meet. */

import { isId } from '@domain/core/ids';
import { AddressInputSchema } from '@domain/customers/address';
import { TEST_SCRYPT_COST } from '@domain/identity/password';
import { localDay, zoneOffsets } from '@domain/reports/time-zone';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSeed, type SeedData } from './generate';
import { DEMO_REPORT_ZONE, FIRST_ORDER_NUMBER, HISTORY_END_DAYS_AGO } from './generate-orders';

const NOW = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;

describe('demo order history', () => {
  let seed: SeedData;
  beforeAll(async () => {
    seed = await generateSeed({ now: NOW, passwordCost: TEST_SCRYPT_COST, orderHistory: 2500 });
  });
  // Rows by order (or parcel) id, grouped once: filtering thousands of rows per order is slow on a busy machine.
  const grouped = <T>(rows: readonly T[], key: (row: T) => string) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
    return (id: string) => map.get(id) ?? [];
  };

  it('spans the year before the clock, numbered from 1001, with the counter after the last', () => {
    expect(seed.orders.length).toBeGreaterThan(2350);
    expect(seed.orders.length).toBeLessThan(2650);
    seed.orders.forEach((o, i) => {
      expect(o.number).toBe(String(FIRST_ORDER_NUMBER + i));
      expect(isId('order', o.id)).toBe(true);
      if (i > 0) expect(o.placedAt).toBeGreaterThanOrEqual(seed.orders[i - 1]!.placedAt);
    });
    expect(seed.orders[0]!.placedAt).toBeGreaterThan(NOW - 370 * DAY);
    expect(seed.orders.at(-1)!.placedAt).toBeLessThan(NOW - (HISTORY_END_DAYS_AGO - 1) * DAY);
    expect(seed.counters).toEqual([{ name: 'order_number', value: Number(seed.orders.at(-1)!.number) }]);
    expect(seed.reportZone).toEqual([{ id: 1, timeZone: DEMO_REPORT_ZONE, rebuiltAt: NOW }]);
    expect(seed.reportZoneOffsets).toEqual(zoneOffsets(DEMO_REPORT_ZONE));
  });

  it('has seasons: busier weekends, a November/December peak and growth over the year', () => {
    const offsets = seed.reportZoneOffsets;
    const byMonth = new Map<string, number>();
    let weekend = 0;
    for (const o of seed.orders) {
      const day = localDay(offsets, o.placedAt);
      byMonth.set(day.slice(0, 7), (byMonth.get(day.slice(0, 7)) ?? 0) + 1);
      const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (dow === 0 || dow === 6) weekend++;
    }
    // Two days in seven, sold at 1.35 times a weekday's rate.
    expect(weekend / seed.orders.length).toBeGreaterThan(0.32);
    expect(byMonth.get('2025-12')!).toBeGreaterThan(1.3 * byMonth.get('2026-02')!);
    expect(byMonth.get('2026-10')!).toBeGreaterThan(1.2 * byMonth.get('2026-01')!);
  });

  it('never leaves an order pending or processing, and delivers everything older than ten days', () => {
    const eventsOf = grouped(seed.orderEvents, (e) => e.orderId);
    const parcelsOf = grouped(seed.shipments, (s) => s.orderId);
    const contentsOf = grouped(seed.shipmentLines, (s) => s.shipmentId);
    const lines = grouped(seed.orderLines, (l) => l.orderId);
    const statuses = new Set(seed.orders.map((o) => o.status));
    expect(statuses.has('pending') || statuses.has('processing')).toBe(false);
    for (const o of seed.orders) {
      if (o.placedAt < NOW - 10 * DAY) expect(o.status).not.toBe('shipped');
      const events = eventsOf(o.id);
      expect(events[0]).toMatchObject({ id: `${o.id}:placed`, fromStatus: null, toStatus: 'pending' });
      expect(events.slice(1).map((e) => e.fromStatus)).toEqual(events.slice(0, -1).map((e) => e.toStatus));
      expect(events.at(-1)!.toStatus).toBe(o.status);
      expect(o.version).toBe(events.length);
      expect(o.updatedAt).toBe(events.at(-1)!.createdAt);
      expect(events.every((e) => e.createdAt >= o.placedAt && e.createdAt < NOW)).toBe(true);
      // A shipped or delivered order has its parcel with every unit; a cancelled one never shipped.
      const parcels = parcelsOf(o.id);
      expect(parcels).toHaveLength(o.status === 'cancelled' ? 0 : 1);
      for (const p of parcels) {
        expect(contentsOf(p.id).map((s) => [s.orderLineId, s.quantity])).toEqual(
          lines(o.id).map((l) => [l.id, l.quantity]),
        );
      }
    }
  });

  it('prices every line from a seeded variant and adds up (prices exclude tax, as the store is seeded)', () => {
    const variants = new Map(seed.variants.map((v) => [v.sku, v]));
    const linesByOrder = grouped(seed.orderLines, (l) => l.orderId);
    const paymentsOf = grouped(seed.payments, (p) => p.orderId);
    for (const o of seed.orders) {
      const lines = linesByOrder(o.id);
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(4);
      for (const l of lines) {
        expect(variants.get(l.sku)?.priceAmount).toBe(l.unitAmount);
        expect(l.lineTotalAmount).toBe(l.unitAmount * l.quantity);
        expect(l.discountAmount).toBeLessThanOrEqual(l.lineTotalAmount);
      }
      const sum = (f: (l: (typeof lines)[number]) => number) => lines.reduce((a, l) => a + f(l), 0);
      expect(o.pricesIncludeTax).toBe(false);
      expect(o.subtotalAmount).toBe(sum((l) => l.lineTotalAmount));
      expect(o.discountAmount).toBe(sum((l) => l.discountAmount));
      // Shipping is taxed too, so the order's tax is at least its lines'.
      expect(o.taxAmount).toBeGreaterThanOrEqual(sum((l) => l.taxAmount));
      expect(o.totalAmount).toBe(o.subtotalAmount - o.discountAmount + o.shippingAmount + o.taxAmount);
      expect(paymentsOf(o.id)).toMatchObject([
        { provider: 'test', status: 'captured', amount: o.totalAmount },
      ]);
    }
  });

  it('refunds about 4% of orders, never more than was paid, after the order was placed', () => {
    const refunded = new Set(seed.refunds.map((r) => r.orderId));
    expect(refunded.size / seed.orders.length).toBeGreaterThan(0.025);
    expect(refunded.size / seed.orders.length).toBeLessThan(0.06);
    const refundsOf = grouped(seed.refunds, (r) => r.orderId);
    for (const o of seed.orders) {
      const refunds = refundsOf(o.id);
      const total = refunds.reduce((a, r) => a + r.amount, 0);
      expect(total).toBeLessThanOrEqual(o.totalAmount);
      for (const r of refunds) {
        expect(r).toMatchObject({ status: 'succeeded', currency: o.currency });
        expect(r.createdAt).toBeGreaterThan(o.placedAt);
        expect(r.createdAt).toBeLessThan(NOW);
      }
      const expected =
        o.status === 'cancelled' || o.status === 'refunded'
          ? o.totalAmount
          : o.status === 'partially_refunded'
            ? total
            : 0;
      expect(total).toBe(expected);
      if (o.status === 'partially_refunded') expect(total).toBeLessThan(o.totalAmount);
    }
    const lines = new Map(seed.orderLines.map((l) => [l.id, l]));
    for (const rl of seed.refundLines)
      expect(rl.quantity).toBeLessThanOrEqual(lines.get(rl.lineId)!.quantity);
  });

  it('records a confirmed use for every discounted order, within its promotion window', () => {
    const discounted = seed.orders.filter((o) => o.discountAmount > 0);
    expect(discounted.length / seed.orders.length).toBeGreaterThan(0.05);
    expect(seed.promotionUses.map((u) => u.orderId)).toEqual(discounted.map((o) => o.id));
    const orders = new Map(seed.orders.map((o) => [o.id, o]));
    const codes = new Map(seed.discountCodes.map((c) => [c.code, c.promotionId]));
    const firstOrder = new Set<string>();
    for (const u of seed.promotionUses) {
      const o = orders.get(u.orderId!)!;
      const promotion = seed.promotions.find((p) => p.id === u.promotionId)!;
      expect(u).toMatchObject({ state: 'confirmed', code: o.discountCode, discountAmount: o.discountAmount });
      expect(u.confirmedAt).toBe(o.placedAt);
      expect(u.usageEmail).toBe(`email:${o.email}`);
      expect(codes.get(u.code!)).toBe(u.promotionId);
      expect(o.placedAt).toBeGreaterThanOrEqual(Math.max(promotion.createdAt, promotion.startsAt ?? 0));
      if (promotion.endsAt !== null) expect(o.placedAt).toBeLessThan(promotion.endsAt);
      if (promotion.rules.conditions.firstOrderOnly) firstOrder.add(o.id);
    }
    // First-order codes went to shoppers with no earlier order.
    for (const id of firstOrder) {
      const o = orders.get(id)!;
      expect(seed.orders.some((p) => p.email === o.email && p.placedAt < o.placedAt)).toBe(false);
    }
  });

  it('sells to returning Liam and to guests at example domains; Jane keeps an empty order list', () => {
    const jane = seed.customers.find((c) => c.email === 'jane@demo.shop')!;
    const liam = seed.customers.find((c) => c.email === 'liam@demo.shop')!;
    expect(seed.orders.filter((o) => o.customerId === jane.id || o.email === jane.email)).toEqual([]);
    const liams = seed.orders.filter((o) => o.customerId === liam.id);
    expect(liams.length).toBeGreaterThanOrEqual(6);
    expect(liams.every((o) => o.email === liam.email && o.discountCode === null)).toBe(true);
    const guests = seed.orders.filter((o) => o.customerId === null);
    expect(guests.every((o) => /^[a-z.]+\d+@example\.(com|org)$/.test(o.email))).toBe(true);
    // Some guests come back.
    expect(new Set(guests.map((o) => o.email)).size).toBeLessThan(guests.length * 0.9);
    const countries = new Map<string, number>();
    for (const o of seed.orders) {
      const address = AddressInputSchema.parse(JSON.parse(o.shippingAddress));
      countries.set(address.country, (countries.get(address.country) ?? 0) + 1);
    }
    expect(countries.get('US')! / seed.orders.length).toBeGreaterThan(0.6);
    expect([...countries.keys()]).toEqual(expect.arrayContaining(['GB', 'CA', 'DE', 'IE']));
  });

  it('is deterministic, and a store without history is the store it was', async () => {
    const again = await generateSeed({ now: NOW, passwordCost: TEST_SCRYPT_COST, orderHistory: 2500 });
    expect(again.orders).toEqual(seed.orders);
    expect(again.promotionUses).toEqual(seed.promotionUses);
    expect(again.orderEvents).toEqual(seed.orderEvents);
    const without = await generateSeed({ now: NOW, passwordCost: TEST_SCRYPT_COST });
    expect(without.orders).toEqual([]);
    expect(without.counters).toEqual([]);
    expect(without.reportZone).toEqual([]);
    expect(without.variants).toEqual(seed.variants);
    expect(without.sales).toEqual(seed.sales);
  });
});
