/** Helpers for the traffic tests: queue batches, synthetic events and rollup readers. */
import { createMessageBatch, env } from 'cloudflare:test';
import { createDb } from '@db/client';
import type { TrafficEvent } from '@domain/analytics/traffic-event';
import { newId } from '@domain/core/ids';
import { sql } from 'drizzle-orm';

export const db = () => createDb(env);

/** A queue batch of these bodies, as the runtime hands it to queue(). */
export function batchOf(bodies: unknown[]): MessageBatch<unknown> {
  return createMessageBatch(
    'edgeshop-traffic',
    bodies.map((body) => ({ id: crypto.randomUUID(), timestamp: Date.now(), attempts: 1, body })),
  );
}

/** A well-formed event at `at` (override any field). */
export function event(at: number, fields: Partial<TrafficEvent> = {}): TrafficEvent {
  return {
    id: newId('event', at),
    kind: 'page_view',
    at,
    visitor: 'a'.repeat(32),
    path: '/',
    referrer: null,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    device: 'desktop',
    browser: 'chrome',
    country: 'DE',
    ...fields,
  };
}

/** A random 32-hex visitor. */
export const visitorId = () => crypto.randomUUID().replaceAll('-', '');

/** A rollup row's views and visitors (zeros when absent). */
export async function traffic(day: string, dimension: string, value: string) {
  const [row] = await db().all<{ views: number; visitors: number }>(sql`SELECT views, visitors
    FROM report_traffic_daily WHERE day = ${day} AND dimension = ${dimension} AND value = ${value}`);
  return row ?? { views: 0, visitors: 0 };
}

/** A funnel step's visitors and events (zeros when absent). */
export async function funnel(day: string, step: string) {
  const [row] = await db().all<{ visitors: number; events: number }>(
    sql`SELECT visitors, events FROM report_funnel_daily WHERE day = ${day} AND step = ${step}`,
  );
  return row ?? { visitors: 0, events: 0 };
}

/** Every rollup row of a day range, sorted, for comparisons. */
export async function rollupsBetween(from: string, to: string) {
  return Promise.all([
    db().all(sql`SELECT day, dimension, value, views, visitors FROM report_traffic_daily
      WHERE day BETWEEN ${from} AND ${to} ORDER BY day, dimension, value`),
    db().all(sql`SELECT day, step, visitors, events FROM report_funnel_daily
      WHERE day BETWEEN ${from} AND ${to} ORDER BY day, step`),
  ]);
}
