/** The demo traffic: a year of rollups that agree with the demo orders, the funnel narrowing every day, reproducible. */
import { FUNNEL_STEPS } from '@domain/analytics/traffic-event';
import { TEST_SCRYPT_COST } from '@domain/identity/password';
import { localDay } from '@domain/reports/time-zone';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSeed, type SeedData } from './generate';

const NOW = Date.UTC(2026, 10, 1);
const HISTORY_NOW = Date.UTC(2026, 11, 4);
const options = { now: NOW, passwordCost: TEST_SCRYPT_COST, orderHistory: 2500, historyNow: HISTORY_NOW };

describe('demo traffic', () => {
  let seed: SeedData;
  beforeAll(async () => {
    seed = await generateSeed(options);
  });

  it('narrows every day: product views ≥ add to cart ≥ checkout ≥ orders placed, which are the day’s orders', () => {
    const placed = new Map<string, number>();
    for (const o of seed.orders) {
      const day = localDay(seed.reportZoneOffsets, o.placedAt);
      placed.set(day, (placed.get(day) ?? 0) + 1);
    }
    const byDay = new Map<string, Map<string, number>>();
    for (const r of seed.funnelDaily) {
      byDay.set(r.day, (byDay.get(r.day) ?? new Map()).set(r.step, r.visitors));
      expect(r.events, `${r.day} ${r.step}`).toBeGreaterThanOrEqual(r.visitors);
    }
    const days = [...byDay.keys()];
    expect(days[0]).toBe(localDay(seed.reportZoneOffsets, seed.orders[0]!.placedAt));
    expect(days.at(-1)).toBe(localDay(seed.reportZoneOffsets, HISTORY_NOW));
    expect(days.length).toBeGreaterThan(360);
    for (const [day, steps] of byDay) {
      const v = FUNNEL_STEPS.map((s) => steps.get(s) ?? -1);
      expect(
        v.every((n, i) => n >= 0 && (i === 0 || n <= v[i - 1]!)),
        `${day}: ${v}`,
      ).toBe(true);
      expect(steps.get('order_placed'), day).toBe(placed.get(day) ?? 0);
      // About 10×, 3–4× and 2× the orders over a week (a single day's ratio swings with its orders).
    }
    const sum = (step: string) =>
      seed.funnelDaily.filter((r) => r.step === step).reduce((t, r) => t + r.visitors, 0);
    const orders = sum('order_placed');
    expect(sum('checkout_started') / orders).toBeGreaterThan(1.7);
    expect(sum('checkout_started') / orders).toBeLessThan(2.5);
    expect(sum('add_to_cart') / orders).toBeGreaterThan(2.9);
    expect(sum('add_to_cart') / orders).toBeLessThan(4.2);
    expect(sum('product_view') / orders).toBeGreaterThan(8);
    expect(sum('product_view') / orders).toBeLessThan(12.5);
  });

  it('counts views of real pages and products, with the total the sum of the pages and busier Sundays', () => {
    const slugs = new Set(seed.products.map((p) => `/p/${p.slug}`));
    const ids = new Set(seed.products.map((p) => p.id));
    const categories = new Set(seed.categories.map((c) => `/c/${c.slug}`));
    const totals = new Map<string, number>();
    const pages = new Map<string, number>();
    for (const r of seed.trafficDaily) {
      expect(r.views, `${r.day} ${r.dimension} ${r.value}`).toBeGreaterThanOrEqual(r.visitors);
      expect(r.visitors).toBeGreaterThan(0);
      if (r.dimension === 'product') expect(ids.has(r.value), r.value).toBe(true);
      if (r.dimension === 'page' && r.value.startsWith('/p/')) expect(slugs.has(r.value), r.value).toBe(true);
      if (r.dimension === 'page' && r.value.startsWith('/c/'))
        expect(categories.has(r.value), r.value).toBe(true);
      if (r.dimension === 'total') totals.set(r.day, r.views);
      if (r.dimension === 'page') pages.set(r.day, (pages.get(r.day) ?? 0) + r.views);
    }
    expect(pages).toEqual(totals);
    const dimensions = new Set(seed.trafficDaily.map((r) => r.dimension));
    for (const d of [
      'total',
      'page',
      'product',
      'referrer',
      'utm_campaign',
      'utm_source',
      'device',
      'browser',
      'country',
    ])
      expect(dimensions.has(d), d).toBe(true);
    const weekday = (n: number) =>
      [...totals]
        .filter(([day]) => new Date(`${day}T12:00:00Z`).getUTCDay() === n)
        .reduce((t, [, v]) => t + v, 0);
    expect(weekday(0)).toBeGreaterThan(weekday(2));
  });

  it('is the same every time, and there is none without order history', async () => {
    const again = await generateSeed(options);
    expect(again.trafficDaily).toEqual(seed.trafficDaily);
    expect(again.funnelDaily).toEqual(seed.funnelDaily);
    const none = await generateSeed({ ...options, orderHistory: 0 });
    expect(none.trafficDaily).toEqual([]);
    expect(none.funnelDaily).toEqual([]);
  });
});
