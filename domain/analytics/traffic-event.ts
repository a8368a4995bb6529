/**
 * A traffic event as the edge sends it to the queue (no personal data: the visitor is a salted hash of the day), and
 * the flood rule the consumer applies before anything is counted.
 */
import { z } from 'zod';
import { BROWSER_FAMILIES, DEVICE_CLASSES } from './user-agent';

/** What happened: a page was viewed, or a funnel step the server saw. */
export const TRAFFIC_KINDS = ['page_view', 'add_to_cart', 'checkout_started', 'order_placed'] as const;
export type TrafficKind = (typeof TRAFFIC_KINDS)[number];

/** The funnel, in order; a product page view is its first step. */
export const FUNNEL_STEPS = ['product_view', 'add_to_cart', 'checkout_started', 'order_placed'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/**
 * The id of a checkout's order_placed event. The shopper may learn more than once that the order exists (the
 * place-order answer, the return from a bank's or PayPal's page, a repeated submit or status check) and each of those
 * records the step; one id per checkout (a checkout has at most one order) lets the consumer, which drops ids it has
 * stored, count the order once.
 */
export function orderPlacedEventId(checkoutId: string): string {
  return `evt_${checkoutId.slice(checkoutId.indexOf('_') + 1)}`;
}

/** At most this many events per visitor and day are counted; the rest are dropped (one client's flood). */
export const DAILY_EVENTS_PER_VISITOR = 300;

const text = (max: number) => z.string().min(1).max(max);

/** The queue message; the consumer parses every message with it (a malformed one is dropped, never retried). */
export const TrafficEventSchema = z
  .object({
    /** Unique per event: the consumer ignores an id it has seen (queues deliver at least once). */
    id: z.string().regex(/^evt_[0-9A-Z]{26}$/),
    kind: z.enum(TRAFFIC_KINDS),
    at: z.number().int().positive(),
    /** Hex SHA-256 prefix of (daily salt, address, user agent, host). */
    visitor: z.string().regex(/^[0-9a-f]{32}$/),
    path: text(200).nullable(),
    referrer: text(253).nullable(),
    utmSource: text(64).nullable(),
    utmMedium: text(64).nullable(),
    utmCampaign: text(64).nullable(),
    device: z.enum(DEVICE_CLASSES),
    browser: z.enum(BROWSER_FAMILIES),
    /** ISO 3166-1 alpha-2 from Cloudflare (XX unknown, T1 Tor). */
    country: z
      .string()
      .regex(/^[A-Z0-9]{2}$/)
      .nullable(),
  })
  .strict();
export type TrafficEvent = z.infer<typeof TrafficEventSchema>;

/**
 * Which of a batch's events to count: not seen before (`seen`: ids already stored), and within the visitor's daily
 * allowance given what was counted for them that day (`counted`, keyed `day|visitor`). Returns the admitted events
 * in order and the new per-visitor counts to store.
 */
export function admitEvents<E extends { id: string; visitor: string }>(
  events: readonly (E & { day: string })[],
  seen: ReadonlySet<string>,
  counted: ReadonlyMap<string, number>,
  allowance = DAILY_EVENTS_PER_VISITOR,
): { admitted: (E & { day: string })[]; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const ids = new Set<string>();
  const admitted: (E & { day: string })[] = [];
  for (const event of events) {
    if (seen.has(event.id) || ids.has(event.id)) continue;
    const key = `${event.day}|${event.visitor}`;
    const before = counts.get(key) ?? counted.get(key) ?? 0;
    if (before >= allowance) continue;
    counts.set(key, before + 1);
    ids.add(event.id);
    admitted.push(event);
  }
  return { admitted, counts };
}
