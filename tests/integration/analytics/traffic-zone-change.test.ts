/**
 * A change of the report time zone moves the raw traffic events to their days in the new zone and recounts those
 * days' rollups, as it recounts the sales: the traffic report's days stay the sales report's days. Days whose raw
 * events retention purged keep their rollups, and so does the first day with raw events when it is only partly
 * covered by them.
 */
import { env } from 'cloudflare:test';
import { TRAFFIC_KINDS } from '@domain/analytics/traffic-event';
import { addDays, localDay, zoneOffsets } from '@domain/reports/time-zone';
import { createStaff } from '@tests/support/accounts';
import { consumeReportRebuild } from '@worker/jobs/report-rebuild';
import { consumeTraffic } from '@worker/jobs/traffic-consumer';
import { changeReportZone } from '@worker/services/reports/upkeep';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { batchOf, db, event, funnel, rollupsBetween, traffic, visitorId } from './traffic-support';

const TOKYO = zoneOffsets('Asia/Tokyo');

/** Random events over DAYS (UTC), a fifth of them within two hours of a midnight, consumed in time order. */
async function collect(count: number, DAYS: readonly string[]) {
  const visitors = Array.from({ length: 12 }, visitorId);
  const pick = <T>(values: readonly T[]) => values[Math.floor(Math.random() * values.length)] as T;
  const bodies = Array.from({ length: count }, () => {
    const day = Date.parse(`${pick(DAYS)}T00:00:00Z`);
    const offset =
      Math.random() < 0.2
        ? pick([0, 86_400_000]) + Math.floor((Math.random() - 0.5) * 4 * 3_600_000)
        : Math.floor(Math.random() * 86_400_000);
    const kind = Math.random() < 0.7 ? 'page_view' : pick(TRAFFIC_KINDS);
    return event(Math.max(day + offset, Date.parse(`${DAYS[0]}T00:00:00Z`)), {
      visitor: pick(visitors),
      kind,
      path: kind === 'page_view' ? pick(['/', '/c/mugs', '/search']) : null,
      device: pick(['desktop', 'mobile'] as const),
    });
  });
  bodies.sort((a, b) => a.at - b.at);
  for (let i = 0; i < bodies.length; i += 100) {
    const batch = bodies.slice(i, i + 100);
    expect((await consumeTraffic(batchOf(batch), env, (batch.at(-1) as { at: number }).at)).stale).toBe(0);
  }
  return bodies;
}

/** Page views and distinct visitors of `day` in Tokyo, counted from the events themselves. */
function tokyoCount(bodies: Awaited<ReturnType<typeof collect>>, day: string, kind = 'page_view') {
  const of = bodies.filter((b) => b.kind === kind && localDay(TOKYO, b.at) === day);
  return { views: of.length, visitors: new Set(of.map((b) => b.visitor)).size };
}

/** Changes the zone with the rebuild inline, or with `queue` as the background job, each month delivered in turn. */
async function changeZone(
  zone: string,
  now: number,
  queue?: { sent: unknown[]; send(body: unknown): Promise<void> },
) {
  const staff = await createStaff(['admin']);
  const actor = { id: staff.id, email: staff.email, name: 'A', roles: ['admin'] } as never;
  expect((await changeReportZone(db(), actor, zone, now, queue as never)).ok).toBe(true);
  for (let i = 0; queue && i < queue.sent.length; i++) {
    const env_ = { ...env, REPORTS: queue } as never;
    await consumeReportRebuild({ messages: [{ body: queue.sent[i] }] as never }, env_, () => now);
  }
}

describe('a change of report time zone', () => {
  it('moves raw traffic events to their new days and recounts them, funnel included', async () => {
    const DAYS = ['2031-03-10', '2031-03-11', '2031-03-12'];
    await changeZone('UTC', Date.parse('2031-03-09T06:00:00Z'));
    const bodies = await collect(400, DAYS);
    // Some views change day (Tokyo is 9 hours ahead): their UTC rollups are what the change must undo.
    const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);
    const moving = bodies.filter((b) => b.kind === 'page_view' && localDay(TOKYO, b.at) !== utcDay(b.at));
    expect(moving.length).toBeGreaterThan(0);

    await changeZone('Asia/Tokyo', Date.parse('2031-03-13T06:00:00Z'));

    const tokyoDays = [...DAYS, addDays(DAYS[2] as string, 1)];
    for (const day of tokyoDays) {
      expect(await traffic(day, 'total', '')).toEqual(tokyoCount(bodies, day));
      expect(await traffic(day, 'page', '/c/mugs')).toEqual(
        tokyoCount(
          bodies.filter((b) => b.path === '/c/mugs'),
          day,
        ),
      );
      expect((await funnel(day, 'order_placed')).visitors).toBe(
        tokyoCount(bodies, day, 'order_placed').visitors,
      );
    }
    const stored = await db().all<{ moved: number }>(
      sql`SELECT count(*) AS moved FROM traffic_events
        WHERE day <> date((at + 9 * 3600000) / 1000, 'unixepoch') AND day BETWEEN ${DAYS[0]} AND '2031-03-13'`,
    );
    expect(stored[0]?.moved).toBe(0);
  });

  it('leaves days past retention, and a first day only partly kept, as they were counted', async () => {
    // Days before the first test's: the earliest raw events of the store are these.
    const DAYS = ['2031-02-10', '2031-02-11', '2031-02-12'];
    await changeZone('UTC', Date.parse('2031-02-09T06:00:00Z'));
    // Rollups of earlier days whose raw events retention deleted; the first raw day then lacks its early hours.
    const purged = '2031-02-09';
    await db().run(sql`INSERT INTO report_traffic_daily (day, dimension, value, views, visitors)
      VALUES (${purged}, 'total', '', 7, 3), (${DAYS[0]}, 'total', '', 1000, 500)`);
    const bodies = await collect(300, DAYS);
    const firstBefore = await rollupsBetween(DAYS[0] as string, DAYS[0] as string);

    await changeZone('Asia/Tokyo', Date.parse('2031-02-13T06:00:00Z'));

    expect(await traffic(purged, 'total', '')).toEqual({ views: 7, visitors: 3 });
    expect(await rollupsBetween(DAYS[0] as string, DAYS[0] as string)).toEqual(firstBefore);
    for (const day of [DAYS[1] as string, DAYS[2] as string, addDays(DAYS[2] as string, 1)]) {
      expect(await traffic(day, 'total', '')).toEqual(tokyoCount(bodies, day));
    }
  });

  it('does the same as the background job on the REPORTS queue', async () => {
    const DAYS = ['2031-05-10', '2031-05-11', '2031-05-12'];
    await changeZone('UTC', Date.parse('2031-05-09T06:00:00Z'));
    const bodies = await collect(300, DAYS);
    const sent: unknown[] = [];
    const queue = { sent, send: async (body: unknown) => void sent.push(body) };
    await changeZone('Asia/Tokyo', Date.parse('2031-05-13T06:00:00Z'), queue);
    expect(sent.length).toBeGreaterThan(0);
    for (const day of [...DAYS.slice(1), addDays(DAYS[2] as string, 1)]) {
      expect(await traffic(day, 'total', '')).toEqual(tokyoCount(bodies, day));
    }
  });
});
