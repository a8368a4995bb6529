/** The traffic repository on libSQL (production may run it instead of D1): the consumer's batch, rebuild, salts. */
import { createLibsqlDb, migrateLibsqlDb } from '@db/client-node';
import { newId } from '@domain/core/ids';
import { bucketOf } from '@domain/reports/range';
import { addDays } from '@domain/reports/time-zone';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTrafficBuckets } from './reports';
import {
  daySalt,
  purgeTraffic,
  readTrafficState,
  rebuildTrafficRollups,
  type TrafficRow,
  writeTrafficBatch,
} from './traffic';

let db: ReturnType<typeof createLibsqlDb>;
const at = Date.UTC(2031, 5, 1, 12);

const row = (visitor: string, fields: Partial<TrafficRow> = {}): TrafficRow => ({
  id: newId('event', at),
  kind: 'page_view',
  day: '2031-06-01',
  at,
  visitor,
  path: '/',
  productId: null,
  referrerHost: null,
  utmSource: null,
  utmMedium: null,
  utmCampaign: null,
  device: 'desktop',
  browser: 'firefox',
  country: 'NL',
  ...fields,
});

const rollups = () =>
  db.all(
    sql`SELECT day, dimension, value, views, visitors FROM report_traffic_daily ORDER BY dimension, value`,
  );

beforeAll(async () => {
  db = createLibsqlDb(':memory:');
  await migrateLibsqlDb(db);
});

describe('traffic repository on libSQL', () => {
  it('writes events and rollups once, whatever is written again, and rebuilds the same rows', async () => {
    const rows = [row('v1'), row('v1', { path: '/c/tea' }), row('v2', { path: '/c/tea', kind: 'page_view' })];
    const counts = new Map([
      ['2031-06-01|v1', 2],
      ['2031-06-01|v2', 1],
    ]);
    await writeTrafficBatch(db, rows, counts);
    await writeTrafficBatch(db, rows, counts); // a redelivery that slipped past the read
    const kept = await rollups();
    expect(kept).toContainEqual({ day: '2031-06-01', dimension: 'total', value: '', views: 3, visitors: 2 });
    expect(kept).toContainEqual({
      day: '2031-06-01',
      dimension: 'page',
      value: '/c/tea',
      views: 2,
      visitors: 2,
    });
    const state = await readTrafficState(db, [rows[0]!.id, 'evt_unknown'], [['2031-06-01', 'v1']]);
    expect([...state.seen]).toEqual([rows[0]!.id]);
    expect(state.counted.get('2031-06-01|v1')).toBe(2);

    expect(await rebuildTrafficRollups(db, '2031-06-01', '2031-06-01')).toBe(1);
    expect(await rollups()).toEqual(kept);
  });

  it("keeps one salt per day and deletes the earlier days' salts", async () => {
    expect(await daySalt(db, '2031-06-01', 'first')).toBe('first');
    expect(await daySalt(db, '2031-06-01', 'second')).toBe('first');
    expect(await daySalt(db, '2031-06-02', 'next')).toBe('next');
    expect(await db.all(sql`SELECT day FROM traffic_salts`)).toEqual([{ day: '2031-06-02' }]);
  });

  it('purges raw events by day and keeps the rollups', async () => {
    const purged = await purgeTraffic(db, {
      eventsBeforeDay: '2031-06-02',
      setsBeforeDay: '2031-06-02',
      saltsBeforeDay: '2031-06-01',
    });
    expect(purged).toBeGreaterThanOrEqual(3);
    expect(await db.all(sql`SELECT id FROM traffic_events`)).toEqual([]);
    expect((await rollups()).length).toBeGreaterThan(0);
  });

  it("keeps each month's rollup equal to its days through writes, a rebuild and deletes", async () => {
    const june2 = Date.UTC(2031, 5, 2, 9);
    const later = [
      row('v3', { id: newId('event', june2), day: '2031-06-02', at: june2, path: '/c/tea' }),
      row('v4', { id: newId('event', june2), day: '2031-06-02', at: june2, path: '/p/mug' }),
    ];
    await writeTrafficBatch(
      db,
      later,
      new Map([
        ['2031-06-02|v3', 1],
        ['2031-06-02|v4', 1],
      ]),
    );
    await rebuildTrafficRollups(db, '2031-06-01', '2031-06-02');
    await db.run(sql`DELETE FROM report_traffic_daily WHERE day = '2031-06-02' AND value = '/p/mug'`);
    const summed = await db.all(sql`SELECT substr(day, 1, 7) AS month, dimension, value, sum(views) AS views,
      sum(visitors) AS visitors FROM report_traffic_daily GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
    const months = await db.all(
      sql`SELECT month, dimension, value, views, visitors FROM report_traffic_monthly ORDER BY 1, 2, 3`,
    );
    expect(months).toEqual(summed);
    expect(months).toContainEqual({
      month: '2031-06',
      dimension: 'page',
      value: '/c/tea',
      views: 3,
      visitors: 3,
    });
    expect(months.some((m) => (m as { value: string }).value === '/p/mug')).toBe(false);
  });
});

describe('the traffic series by bucket', () => {
  it('groups days into the same weeks and months as the pages draw them, across years and leap days', async () => {
    const days = Array.from({ length: 800 }, (_, i) => addDays('2027-12-20', i));
    const span = { from: days[0]!, to: days.at(-1)!, end: addDays(days.at(-1)!, 1) };
    await db.run(sql`DELETE FROM report_traffic_daily`);
    for (const [i, day] of days.entries()) {
      await db.run(sql`INSERT INTO report_traffic_daily (day, dimension, value, views, visitors)
        VALUES (${day}, 'total', '', ${i + 1}, 1), (${day}, 'page', '/', 1000, 1000)`);
    }
    for (const grain of ['day', 'week', 'month'] as const) {
      const want = new Map<string, { views: number; visitors: number }>();
      for (const [i, day] of days.entries()) {
        const b = want.get(bucketOf(day, grain)) ?? { views: 0, visitors: 0 };
        want.set(bucketOf(day, grain), { views: b.views + i + 1, visitors: b.visitors + 1 });
      }
      expect(await readTrafficBuckets(db, span, grain), grain).toEqual(
        [...want].map(([bucket, figures]) => ({ bucket, ...figures })),
      );
    }
  });
});
