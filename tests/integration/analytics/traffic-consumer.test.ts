/** The TRAFFIC queue consumer on D1: rollups, redelivery, floods, funnel, retention and rebuild. */
import { env } from 'cloudflare:test';
import { setReportZoneStatements } from '@db/repositories/report-rollups';
import { rebuildTrafficRollups } from '@db/repositories/traffic';
import { DAILY_EVENTS_PER_VISITOR, FUNNEL_STEPS, TRAFFIC_KINDS } from '@domain/analytics/traffic-event';
import { zoneOffsets } from '@domain/reports/time-zone';
import { consumeTraffic, MAX_EVENT_AGE_MS } from '@worker/jobs/traffic-consumer';
import { MIN_TRAFFIC_RETENTION_DAYS, purgeOldTraffic } from '@worker/jobs/traffic-retention';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { batchOf, db, event, funnel, rollupsBetween, traffic, visitorId } from './traffic-support';

// Synthetic days far from the real clock, so events that other test files send through the real queue never mix in.
const noonOf = (day: string) => Date.parse(`${day}T12:00:00Z`);

describe('the traffic consumer', () => {
  it('turns page views into rollups: views, visitors once per day, pages, products, sources, devices', async () => {
    const at = noonOf('2031-01-05');
    const [alice, bob] = [visitorId(), visitorId()];
    const page = { path: '/c/mugs', referrer: 'news.example', utmSource: 'mail', utmCampaign: 'jan' };
    const result = await consumeTraffic(
      batchOf([
        event(at, { visitor: alice, ...page }),
        event(at + 1, { visitor: alice, ...page }),
        event(at + 2, { visitor: bob, ...page, device: 'mobile', browser: 'safari', country: 'FR' }),
        event(at + 3, { visitor: bob, path: '/' }),
      ]),
      env,
      at,
    );
    expect(result).toMatchObject({ received: 4, malformed: 0, written: 4 });
    const day = '2031-01-05';
    expect(await traffic(day, 'total', '')).toEqual({ views: 4, visitors: 2 });
    expect(await traffic(day, 'page', '/c/mugs')).toEqual({ views: 3, visitors: 2 });
    expect(await traffic(day, 'page', '/')).toEqual({ views: 1, visitors: 1 });
    expect(await traffic(day, 'referrer', 'news.example')).toEqual({ views: 3, visitors: 2 });
    expect(await traffic(day, 'utm_source', 'mail')).toEqual({ views: 3, visitors: 2 });
    expect(await traffic(day, 'utm_campaign', 'jan')).toEqual({ views: 3, visitors: 2 });
    expect(await traffic(day, 'device', 'mobile')).toEqual({ views: 1, visitors: 1 });
    expect(await traffic(day, 'browser', 'chrome')).toEqual({ views: 3, visitors: 2 });
    expect(await traffic(day, 'country', 'FR')).toEqual({ views: 1, visitors: 1 });

    // A later batch the same day: Alice is not a new visitor, Carol is.
    await consumeTraffic(
      batchOf([event(at + 10, { visitor: alice }), event(at + 11, { visitor: visitorId() })]),
      env,
      at,
    );
    expect(await traffic(day, 'total', '')).toEqual({ views: 6, visitors: 3 });
  });

  it('counts a redelivered batch once', async () => {
    const at = noonOf('2031-01-06');
    const bodies = [event(at), event(at + 1, { visitor: visitorId() })];
    await consumeTraffic(batchOf(bodies), env, at);
    const again = await consumeTraffic(batchOf(bodies), env, at);
    expect(again.written).toBe(0);
    expect(await traffic('2031-01-06', 'total', '')).toEqual({ views: 2, visitors: 2 });
  });

  it('drops malformed, stale and future events without failing the batch', async () => {
    const at = noonOf('2031-01-07');
    const result = await consumeTraffic(
      batchOf([
        { nonsense: true },
        'text',
        { ...event(at), path: '<script>'.repeat(50) },
        { ...event(at), visitor: '203.0.113.9' }, // a raw address is not a visitor hash
        event(at - 3 * 24 * 3600_000),
        event(at + 3600_000),
        event(at),
      ]),
      env,
      at,
    );
    expect(result).toEqual({ received: 7, malformed: 4, stale: 2, written: 1 });
  });

  it('caps a flood from one visitor at the daily allowance, in one batch or many', async () => {
    const at = noonOf('2031-01-08');
    const flood = visitorId();
    const bodies = Array.from({ length: DAILY_EVENTS_PER_VISITOR + 80 }, (_, i) =>
      event(at + i, { visitor: flood, path: `/p/flood-${i % 7}` }),
    );
    for (let i = 0; i < bodies.length; i += 100)
      await consumeTraffic(batchOf(bodies.slice(i, i + 100)), env, at);
    await consumeTraffic(batchOf([event(at, { visitor: visitorId() })]), env, at);
    expect(await traffic('2031-01-08', 'total', '')).toEqual({
      views: DAILY_EVENTS_PER_VISITOR + 1,
      visitors: 2,
    });
    const [stored] = await db().all<{ n: number }>(
      sql`SELECT count(*) AS n FROM traffic_events WHERE day = '2031-01-08'`,
    );
    expect(stored?.n).toBe(DAILY_EVENTS_PER_VISITOR + 1);
  });

  it('counts funnel steps as visitors per step, a product page view being the first', async () => {
    const at = noonOf('2031-01-09');
    const [slug, productId] = await someProduct();
    const [a, b, c] = [visitorId(), visitorId(), visitorId()];
    await consumeTraffic(
      batchOf([
        event(at, { visitor: a, path: `/p/${slug}` }),
        event(at, { visitor: a, path: `/p/${slug}` }),
        event(at, { visitor: b, path: `/p/${slug}` }),
        event(at, { visitor: c, path: '/p/no-such-product' }),
        event(at, { visitor: a, kind: 'add_to_cart', path: null }),
        event(at, { visitor: a, kind: 'add_to_cart', path: null }),
        event(at, { visitor: b, kind: 'add_to_cart', path: null }),
        event(at, { visitor: a, kind: 'checkout_started', path: null }),
        event(at, { visitor: a, kind: 'order_placed', path: null }),
      ]),
      env,
      at,
    );
    const day = '2031-01-09';
    expect(await traffic(day, 'product', productId)).toEqual({ views: 3, visitors: 2 });
    expect(await funnel(day, 'product_view')).toEqual({ visitors: 2, events: 3 });
    expect(await funnel(day, 'add_to_cart')).toEqual({ visitors: 2, events: 3 });
    expect(await funnel(day, 'checkout_started')).toEqual({ visitors: 1, events: 1 });
    expect(await funnel(day, 'order_placed')).toEqual({ visitors: 1, events: 1 });
    // A page that is not a product (an unknown slug) is a page view, never a product view.
    expect(await traffic(day, 'page', '/p/no-such-product')).toEqual({ views: 1, visitors: 1 });
  });

  it('buckets events into the store time zone day', async () => {
    // Set as a zone change sets it: the zone and its offsets, which both the order triggers and the consumer read.
    await db().batch(setReportZoneStatements(db(), 'America/New_York', zoneOffsets('America/New_York')));
    try {
      const at = Date.parse('2031-01-11T03:30:00Z'); // 22:30 on the 10th in New York
      await consumeTraffic(batchOf([event(at, { path: '/zone-test' })]), env, at);
      expect(await traffic('2031-01-10', 'page', '/zone-test')).toEqual({ views: 1, visitors: 1 });
      expect(await traffic('2031-01-11', 'page', '/zone-test')).toEqual({ views: 0, visitors: 0 });
    } finally {
      await db().batch([
        db().run(sql`DELETE FROM report_zone_offsets`),
        db().run(sql`DELETE FROM report_zone`),
      ]);
    }
  });

  it('deletes raw events past retention, and old visitor sets and salts, but keeps the rollups', async () => {
    const old = noonOf('2031-02-01');
    await consumeTraffic(batchOf([event(old, { path: '/retention' })]), env, old);
    await db().run(sql`INSERT INTO traffic_salts (day, salt) VALUES ('2031-02-01', 'old salt')`);
    const now = noonOf('2031-03-10'); // 38 days later
    await purgeOldTraffic({ ...env, TRAFFIC_RETENTION_DAYS: '60' }, now);
    expect(await rawCount('2031-02-01')).toBe(1);

    await purgeOldTraffic({ ...env, TRAFFIC_RETENTION_DAYS: '30' }, now);
    expect(await rawCount('2031-02-01')).toBe(0);
    expect(await traffic('2031-02-01', 'page', '/retention')).toEqual({ views: 1, visitors: 1 });
    const [left] = await db().all<{ sets: number; loads: number; salts: number }>(sql`SELECT
      (SELECT count(*) FROM traffic_visitors WHERE day = '2031-02-01') AS sets,
      (SELECT count(*) FROM traffic_visitor_load WHERE day = '2031-02-01') AS loads,
      (SELECT count(*) FROM traffic_salts WHERE day = '2031-02-01') AS salts`);
    expect(left).toEqual({ sets: 0, loads: 0, salts: 0 });
  });

  it('keeps raw events long enough that an order redelivered after the nightly purge is counted once', async () => {
    expect(MIN_TRAFFIC_RETENTION_DAYS).toBe(3);
    const at = Date.parse('2031-02-20T01:00:00Z');
    const placed = event(at, { kind: 'order_placed', path: null });
    await consumeTraffic(batchOf([placed]), env, at);
    const now = at + MAX_EVENT_AGE_MS - 60_000; // the next night's purge, then a redelivery still young enough
    await purgeOldTraffic({ ...env, TRAFFIC_RETENTION_DAYS: '1' }, now);
    expect(await rawCount('2031-02-20')).toBe(1);
    expect((await consumeTraffic(batchOf([placed]), env, now)).written).toBe(0);
    expect(await funnel('2031-02-20', 'order_placed')).toEqual({ visitors: 1, events: 1 });
  });

  it('rebuilds the same rollups from the raw events as the consumer kept, for thousands of random events', async () => {
    const days = ['2031-04-01', '2031-04-02', '2031-04-03'];
    const visitors = Array.from({ length: 150 }, visitorId);
    const [slug] = await someProduct();
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)] as T;
    const bodies = Array.from({ length: 3000 }, () => {
      const day = pick(days);
      const kind = Math.random() < 0.8 ? 'page_view' : pick(TRAFFIC_KINDS);
      return event(noonOf(day) + Math.floor(Math.random() * 3600_000), {
        visitor: pick(visitors),
        kind,
        path: kind === 'page_view' ? pick(['/', '/c/mugs', `/p/${slug}`, '/search', '/blog']) : null,
        referrer: pick([null, null, 'google.com', 'news.example']),
        utmSource: pick([null, null, 'mail']),
        utmMedium: pick([null, 'email']),
        utmCampaign: pick([null, 'spring']),
        device: pick(['desktop', 'mobile', 'tablet'] as const),
        browser: pick(['chrome', 'safari', 'firefox'] as const),
        country: pick([null, 'DE', 'US', 'FR']),
      });
    });
    bodies.sort((a, b) => a.at - b.at); // as the queue delivers them: in time, each batch read at its last event
    for (let i = 0; i < bodies.length; i += 100) {
      const batch = bodies.slice(i, i + 100);
      const now = (batch.at(-1) as { at: number }).at;
      expect((await consumeTraffic(batchOf(batch), env, now)).stale).toBe(0);
      if (i % 700 === 0) expect((await consumeTraffic(batchOf(batch), env, now)).written).toBe(0); // redelivered
    }
    const kept = await rollupsBetween(days[0] as string, days[2] as string);

    // An independent count in JS: every event is within the allowance (3000 / 150 / 3 per visitor and day).
    for (const day of days) {
      const views = bodies.filter(
        (b) => b.kind === 'page_view' && new Date(b.at).toISOString().startsWith(day),
      );
      expect(await traffic(day, 'total', '')).toEqual({
        views: views.length,
        visitors: new Set(views.map((b) => b.visitor)).size,
      });
      const ordered = bodies.filter(
        (b) => b.kind === 'order_placed' && new Date(b.at).toISOString().startsWith(day),
      );
      expect((await funnel(day, 'order_placed')).visitors).toBe(new Set(ordered.map((b) => b.visitor)).size);
    }

    expect(await rebuildTrafficRollups(db(), days[0] as string, days[2] as string)).toBe(3);
    expect(await rollupsBetween(days[0] as string, days[2] as string)).toEqual(kept);
    expect(FUNNEL_STEPS.length).toBe(4);
  });
});

async function rawCount(day: string): Promise<number> {
  const [row] = await db().all<{ n: number }>(
    sql`SELECT count(*) AS n FROM traffic_events WHERE day = ${day}`,
  );
  return row?.n ?? 0;
}

/** A seeded product's slug and id (seeding once per file). */
let product: Promise<[string, string]> | undefined;
function someProduct(): Promise<[string, string]> {
  product ??= (async () => {
    const { seedSmallStore } = await import('@tests/support/workerd');
    const data = await seedSmallStore();
    const p = data.products[0]!;
    return [p.slug, p.id];
  })();
  return product;
}
