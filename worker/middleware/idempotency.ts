/**
 * Idempotency-Key for state-changing requests: the first successful response is kept (as little of it as a replay
 * needs) and replayed for the same key; the same key with a different request is 422, and a key whose first
 * request is still running is 409.
 *
 * Keys are scoped by the caller as well as method and path, so one client's key never answers another client's
 * request. The caller is a hash of the signed-in principal (if any) with the cart credential (the cart id in the
 * path, else the cart cookie), else the client's rate-limit key.
 *
 * What happens to a key after the request, by outcome (the choice this middleware makes):
 * - 2xx/3xx: completed; replays answer from the record.
 * - 4xx (validation or a domain rejection): the request wrote nothing, so the claim is released and the client may
 *   retry, or fix the request, with the same key.
 * - 5xx or an exception: the outcome is unknown (the CartDO may have applied the change before pricing failed).
 *   The claim is kept, marked failed (`failedAt`). The same request may take it over at once and runs again; its
 *   writes carry a request id derived from the key (`idempotencyRequestId`), which the CartDO applies only once, so
 *   the retry returns the current cart without adding twice. It is not refused with 409 (the claim is not in
 *   progress) and not frozen as a stored 500, and a different body under that key is still a 422.
 *
 * Claims carry a random token: completion and release only touch the claim this request holds, so a request whose
 * claim was taken over after the 60 s lease cannot delete or overwrite its successor's.
 *
 * Storage is bounded: Set-Cookie is never stored or replayed; a handler may ask for a replay by re-reading (cart
 * writes store only status, three headers and `cart:<id>`, about 100 bytes, and a replay re-reads the current
 * cart; the warehouse's picks and pack likewise store `warehouse:<order id>` and replay the order as it is now); other bodies are stored only up to MAX_STORED_BODY_BYTES (2 KiB; larger ones replay as the status alone);
 * and each caller may create at most IDEMPOTENCY_KEYS_PER_CALLER (500) keys per 24 h, beyond which a request with
 * a new key is a 429 problem. Worst case per caller: 500 × ~2.3 KiB ≈ 1.2 MB, against 15 KB × 172,800 writes a day
 * before (the 120-a-minute write budget).
 */

import type { Db } from '@db/client';
import {
  claimIdempotencyKey,
  completeIdempotencyRecord,
  countIdempotencyKeys,
  findIdempotencyRecord,
  type IdempotencyRecord,
  markIdempotencyFailed,
  releaseIdempotencyKey,
} from '@db/repositories/idempotency';
import { cartCookieName } from '@domain/cart/cart-cookie';
import { isId } from '@domain/core/ids';
import type { AppEnv } from '@worker/http/app-env';
import { isWriteMethod } from '@worker/http/methods';
import { ProblemError } from '@worker/http/problem';
import { IDEMPOTENCY_RETENTION_MS } from '@worker/jobs/scheduled';
import { readCart, type WriteOptions } from '@worker/services/cart/cart';
import { warehouseOrder } from '@worker/services/fulfilment/warehouse';
import { LIMITS } from '@worker/services/limits';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { clientKey } from './rate-limit';

/** At least 16 characters, so random keys from different clients do not collide (the outbox sends UUIDs). */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{16,128}$/;
/** Response headers worth replaying. Never Set-Cookie: a replay must not hand out the first response's cookies. */
const REPLAYED_HEADERS = ['content-type', 'location', 'cache-control'];
/** Largest response body stored for a replay (bytes of UTF-8). */
export const MAX_STORED_BODY_BYTES = 2048;
/** Keys one caller may create in IDEMPOTENCY_RETENTION_MS (24 h). */
export const IDEMPOTENCY_KEYS_PER_CALLER = 500;
/**
 * Callers this isolate counted lately, with the keys counted then plus those it saw them create since. The quota is
 * a soft bound on storage (concurrent first requests of one caller may pass it by a few, harmlessly), so while a
 * count this recent is further below the quota than the write limit lets any client go in two minutes, a new key
 * needs no count: one round trip less for every keyed write (checkout steps, an offline cart's replays).
 */
const recentKeyCounts = new Map<string, { keys: number; countedAt: number }>();
const KEY_COUNT_MEMO_MS = 60_000;
const KEY_COUNT_MARGIN = 2 * LIMITS.write.limit;
const MAX_CALLERS_KEPT = 4096;

/** Whether `caller` may create another key (and, counting it, whether this isolate may skip the next count). */
async function underKeyQuota(db: Db, caller: string, now: number): Promise<boolean> {
  const kept = recentKeyCounts.get(caller);
  if (
    kept &&
    now - kept.countedAt < KEY_COUNT_MEMO_MS &&
    kept.keys + KEY_COUNT_MARGIN < IDEMPOTENCY_KEYS_PER_CALLER
  ) {
    kept.keys += 1;
    return true;
  }
  const keys = await countIdempotencyKeys(db, caller, now - IDEMPOTENCY_RETENTION_MS);
  if (recentKeyCounts.size >= MAX_CALLERS_KEPT) recentKeyCounts.clear();
  recentKeyCounts.set(caller, { keys: keys + 1, countedAt: now });
  return keys < IDEMPOTENCY_KEYS_PER_CALLER;
}

/** Replay marker for a stored status without a body. */
const STATUS_ONLY = 'status';

async function sha256Hex(text: string, tail: Uint8Array = new Uint8Array()): Promise<string> {
  const head = new TextEncoder().encode(text);
  const all = new Uint8Array(head.length + tail.length);
  all.set(head);
  all.set(tail, head.length);
  const digest = await crypto.subtle.digest('SHA-256', all);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const STAFF_PATHS = /^\/api\/(admin|warehouse|staff)\//;

/**
 * The caller's credentials, hashed: the signed-in principal (staff on back-office paths, else the customer), plus
 * the cart id in the path, else the cart cookie, else the client's key. So a key is never shared between two
 * accounts, even on one cart or one address. Staff on back-office paths are the principal alone: a warehouse tablet
 * that retries from its service worker, or after moving from Wi-Fi to mobile data, is still the same caller.
 */
async function callerOf(c: Context<AppEnv>): Promise<string> {
  const inPath = /^\/api\/carts\/([^/]+)/.exec(c.req.path)?.[1];
  const cookie = getCookie(c, cartCookieName(new URL(c.req.url).protocol));
  const signedIn = STAFF_PATHS.test(c.req.path) ? await c.var.auth.staff() : await c.var.auth.customer();
  const principal = signedIn ? `${signedIn.principal.kind}:${signedIn.principal.id}|` : '';
  if (signedIn && STAFF_PATHS.test(c.req.path)) return (await sha256Hex(principal)).slice(0, 32);
  const credential =
    inPath && isId('cart', inPath)
      ? `cart:${inPath}`
      : cookie && isId('cart', cookie)
        ? `cart:${cookie}`
        : `client:${clientKey(c.req.raw)}`;
  return (await sha256Hex(principal + credential)).slice(0, 32);
}

/** The write options for a service call: the request id derived from the Idempotency-Key, if any. */
export const writeOptions = (c: Context<AppEnv>): WriteOptions => ({ requestId: c.var.idempotencyRequestId });

/** Tells the middleware to answer a replay of this request by re-reading the cart rather than storing the body. */
export function replayByReading(c: Context<AppEnv>, cartId: string): void {
  c.set('idempotencyReplay', `cart:${cartId}`);
}

async function replay(c: Context<AppEnv>, record: IdempotencyRecord): Promise<Response> {
  const headers = new Headers(JSON.parse(record.responseHeaders ?? '{}') as Record<string, string>);
  headers.set('Idempotent-Replayed', 'true');
  const status = record.statusCode ?? 200;
  const cartId = record.replay?.startsWith('cart:') ? record.replay.slice('cart:'.length) : null;
  if (cartId) {
    const cart = await readCart(c.env, c.var.db, cartId);
    headers.set('Content-Type', 'application/json');
    return new Response(JSON.stringify(cart), { status, headers });
  }
  const orderId = record.replay?.startsWith('warehouse:') ? record.replay.slice('warehouse:'.length) : null;
  if (orderId) {
    // A warehouse pick or pack: the order as it is now (absolute picks converge; its body outgrows the store).
    const order = await warehouseOrder({ db: c.var.db }, orderId);
    headers.set('Content-Type', 'application/json');
    return new Response(JSON.stringify(order), { status, headers });
  }
  if (record.replay === STATUS_ONLY) {
    headers.delete('Content-Type');
    return new Response(null, { status, headers });
  }
  return new Response(record.responseBody, { status, headers });
}

export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('Idempotency-Key');
  if (!key || !isWriteMethod(c.req.method)) return next();
  if (!KEY_PATTERN.test(key)) {
    throw new ProblemError(
      'VALIDATION_FAILED',
      'Idempotency-Key must be 16-128 characters of [A-Za-z0-9_.:-].',
      {
        errors: [{ path: 'header.Idempotency-Key', message: 'invalid format' }],
      },
    );
  }
  const db = c.var.db;
  const caller = await callerOf(c);
  const route = `${c.req.method} ${c.req.path}`;
  const scope = `${caller} ${route}`;
  // Bytes, not text: an image upload must reach its handler intact (Hono re-reads the cached bytes for formData).
  const requestHash = await sha256Hex(`${route}\n`, new Uint8Array(await c.req.arrayBuffer()));
  const now = Date.now();

  // The quota is checked before a new key is claimed (a replay of a known key always goes through). The record is
  // looked up only for a caller at its quota, so a new key costs at most one count and one claim.
  if (!(await underKeyQuota(db, caller, now)) && !(await findIdempotencyRecord(db, scope, key))) {
    throw new ProblemError(
      'IDEMPOTENCY_KEY_QUOTA',
      `At most ${IDEMPOTENCY_KEYS_PER_CALLER} Idempotency-Keys a day per client; retry later, or send the request without one.`,
      { headers: { 'Retry-After': '3600' } },
    );
  }
  const token = crypto.randomUUID();
  if (!(await claimIdempotencyKey(db, { scope, key, caller, requestHash, token, now }))) {
    const record = await findIdempotencyRecord(db, scope, key);
    if (!record) throw new ProblemError('IDEMPOTENCY_IN_PROGRESS', 'Retry this request in a moment.');
    if (record.requestHash !== requestHash) {
      throw new ProblemError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for a different request.',
      );
    }
    if (record.statusCode === null) {
      throw new ProblemError(
        'IDEMPOTENCY_IN_PROGRESS',
        'The first request with this key has not finished yet.',
      );
    }
    return replay(c, record);
  }

  // Writes under this key carry an id the CartDO applies once (scoped like the key, so another route's or
  // caller's key never matches it).
  c.set('idempotencyRequestId', `idem_${(await sha256Hex(`${scope}\n${key}`)).slice(0, 40)}`);
  await next();
  const status = c.res.status;
  if (status >= 500 || (c.error && status < 400)) {
    await markIdempotencyFailed(db, { scope, key, token, now: Date.now() });
    return;
  }
  if (status >= 400) {
    await releaseIdempotencyKey(db, scope, key, token);
    return;
  }
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = c.res.headers.get(name);
    if (value) headers[name] = value;
  }
  let body: string | null = null;
  let replayAs: string | null = c.var.idempotencyReplay ?? null;
  if (!replayAs) {
    const text = await c.res.clone().text();
    if (new TextEncoder().encode(text).byteLength <= MAX_STORED_BODY_BYTES) body = text;
    else replayAs = STATUS_ONLY;
  }
  await completeIdempotencyRecord(db, {
    scope,
    key,
    token,
    statusCode: status,
    headers,
    body,
    replay: replayAs,
    now: Date.now(),
  });
});
