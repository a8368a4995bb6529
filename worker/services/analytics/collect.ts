/**
 * Traffic collection at the edge: a page view or funnel step becomes a small event (no personal data) sent to the
 * TRAFFIC queue after the response, inside waitUntil. The request path pays only for the checks below (header reads
 * and one waitUntil call); the zone, the salt, the hash, the rate limit and the send happen after the response.
 */
import { createDb, type DbEnv } from '@db/client';
import { readReportZone } from '@db/repositories/report-rollups';
import { daySalt } from '@db/repositories/traffic';
import { countedPathOf } from '@domain/analytics/page-path';
import { referrerHostOf, utmOf } from '@domain/analytics/referrer';
import { orderPlacedEventId, type TrafficEvent, type TrafficKind } from '@domain/analytics/traffic-event';
import { browserFamilyOf, deviceClassOf, isBotUserAgent } from '@domain/analytics/user-agent';
import { newId } from '@domain/core/ids';
import { localDay, type ZoneOffset } from '@domain/reports/time-zone';
import { clientKey } from '@worker/middleware/rate-limit';
import { createLimiter, type LimiterEnv } from '@worker/services/limits';

/** What collection reads from the environment: no TRAFFIC binding means nothing is recorded. */
export type TrafficEnv = DbEnv & LimiterEnv & { TRAFFIC?: Queue };

/** Where an event comes from: the request, its environment and the way to run work after the response. */
export interface TrafficSource {
  env: TrafficEnv;
  request: Request;
  waitUntil(promise: Promise<unknown>): void;
}

/** How long an isolate trusts the report time zone it read (a change of zone is rare and means a rebuild anyway). */
const ZONE_MEMO_MS = 5 * 60 * 1000;
let zoneMemo: { offsets: ZoneOffset[]; until: number } | undefined;
let saltMemo: { day: string; salt: string } | undefined;

/**
 * Records a page view if this response is a storefront page: a GET answered 200 with HTML, outside the back office,
 * warehouse, API and files. A 404 (a page that does not exist) is never recorded. Cached pages count too: the caller
 * runs before the edge cache.
 */
export function recordPageView(source: TrafficSource, response: Response): void {
  const { request } = source;
  if (!source.env.TRAFFIC || request.method !== 'GET' || response.status !== 200) return;
  if (!response.headers.get('Content-Type')?.startsWith('text/html')) return;
  const url = new URL(request.url);
  const path = countedPathOf(url.pathname);
  if (path !== null) record(source, 'page_view', url, path);
}

/** Records a funnel step the server saw (add to cart, checkout started). One call per hook. */
export function recordFunnelStep(
  source: TrafficSource,
  kind: Exclude<TrafficKind, 'page_view' | 'order_placed'>,
): void {
  if (source.env.TRAFFIC) record(source, kind, new URL(source.request.url), null);
}

/**
 * Records the order placed step when the shopper is told their checkout became an order: the place-order answer, or
 * the return from the provider's page when the payment needed the shopper (3-D Secure, PayPal) or a webhook settled it
 * first. A webhook alone has no shopper to count. Every call for one checkout sends the same event id, so the order
 * counts once however often the shopper is told.
 */
export function recordOrderPlaced(source: TrafficSource, checkoutId: string): void {
  if (source.env.TRAFFIC) {
    record(source, 'order_placed', new URL(source.request.url), null, orderPlacedEventId(checkoutId));
  }
}

/**
 * Prefetches are not views; bots are not visitors. A page fetched by a script or the service worker (Sec-Fetch-Dest
 * other than document) was not shown to anyone; browsers too old to send the header are still counted.
 */
function isCountable(request: Request, kind: TrafficKind): boolean {
  const purpose = request.headers.get('Sec-Purpose') ?? request.headers.get('Purpose') ?? '';
  if (/prefetch|prerender/i.test(purpose)) return false;
  const dest = request.headers.get('Sec-Fetch-Dest');
  if (kind === 'page_view' && dest !== null && dest !== 'document') return false;
  return !isBotUserAgent(request.headers.get('User-Agent'));
}

function record(source: TrafficSource, kind: TrafficKind, url: URL, path: string | null, id?: string): void {
  if (!isCountable(source.request, kind)) return;
  // Everything else (parsing, the zone, the salt, the hash, the rate limit, the send) runs after the response.
  source.waitUntil(
    afterThisTask()
      .then(() => send(source.env, source.request, kind, url, path, id))
      .catch((error: unknown) =>
        console.warn(JSON.stringify({ level: 'warn', event: 'traffic-send-failed', error: String(error) })),
      ),
  );
}

/** Resolves in a later task: the work then starts once the response has been handed back, not in between. */
const afterThisTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function send(
  env: TrafficEnv,
  request: Request,
  kind: TrafficKind,
  url: URL,
  path: string | null,
  id: string | undefined,
): Promise<void> {
  const at = Date.now();
  const db = createDb(env);
  const ua = request.headers.get('User-Agent') ?? '';
  const day = localDay(await reportOffsets(db, at), at);
  const visitor = await visitorHash(await salt(db, day), `${clientKey(request)}\n${ua}\n${url.hostname}`);
  // One client sending thousands of requests is cut here, before it costs a queue message (per location).
  if (!(await createLimiter(env).limit('traffic-visitor', visitor)).ok) return;
  const utm = path === null ? { source: null, medium: null, campaign: null } : utmOf(url.searchParams);
  const country = (request as { cf?: { country?: unknown } }).cf?.country;
  const event: TrafficEvent = {
    id: id ?? newId('event', at),
    kind,
    at,
    visitor,
    path,
    referrer: path === null ? null : referrerHostOf(request.headers.get('Referer'), url.hostname),
    utmSource: utm.source,
    utmMedium: utm.medium,
    utmCampaign: utm.campaign,
    device: deviceClassOf(ua),
    browser: browserFamilyOf(ua),
    country: typeof country === 'string' && /^[A-Z0-9]{2}$/.test(country) ? country : null,
  };
  await env.TRAFFIC?.send(event, { contentType: 'json' });
}

/** The report zone's UTC offsets, so an event's day is the day the order triggers and the reports use. */
async function reportOffsets(db: ReturnType<typeof createDb>, now: number): Promise<ZoneOffset[]> {
  if (zoneMemo && zoneMemo.until > now) return zoneMemo.offsets;
  const { offsets } = await readReportZone(db);
  zoneMemo = { offsets, until: now + ZONE_MEMO_MS };
  return offsets;
}

/** The day's salt, read once per isolate and day (and made, with older ones deleted, by the first isolate). */
async function salt(db: ReturnType<typeof createDb>, day: string): Promise<string> {
  if (saltMemo?.day === day) return saltMemo.salt;
  const fresh = toHex(crypto.getRandomValues(new Uint8Array(32)));
  saltMemo = { day, salt: await daySalt(db, day, fresh) };
  return saltMemo.salt;
}

/** SHA-256 of the salt and the request's identity, cut to 128 bits: the raw inputs never leave this function. */
export async function visitorHash(salt: string, identity: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}\n${identity}`));
  return toHex(new Uint8Array(digest)).slice(0, 32);
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Forgets the memoised zone and salt (tests that change them). */
export function forgetTrafficMemo(): void {
  zoneMemo = undefined;
  saltMemo = undefined;
}
