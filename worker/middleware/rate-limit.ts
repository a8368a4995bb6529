/** Per-client rate limit on state-changing calls (API and page forms), through the limiter (worker/services/limits). */

import type { Env } from '@worker/env';
import { isWriteMethod } from '@worker/http/methods';
import { ProblemError } from '@worker/http/problem';
import { createLimiter, type Limiter, type LimitResult } from '@worker/services/limits';
import { createMiddleware } from 'hono/factory';
import ipaddr from 'ipaddr.js';

/**
 * The rate-limit key of an address: an IPv4 address in its plain form; an IPv6 address by its /64 prefix (one
 * subscriber usually holds a whole /64 and can use any address in it), normalised so every spelling of it gives one
 * key. An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the IPv4 address. Anything unparseable is kept, trimmed.
 * Parsing is ipaddr.js's (every IPv6 spelling, zone ids, embedded IPv4); only dotted quads count as IPv4, not the
 * legacy forms (`127.1`, hex) it also reads.
 */
export function addressKey(address: string): string {
  let key = recentKeys.get(address);
  if (key === undefined) {
    key = parseAddressKey(address);
    if (recentKeys.size >= RECENT_KEYS_MAX) recentKeys.clear();
    recentKeys.set(address, key);
  }
  return key;
}

/** Parsing an address with ipaddr.js costs more than the rest of the limit check; a client sends many requests. */
const recentKeys = new Map<string, string>();
const RECENT_KEYS_MAX = 4096;

function parseAddressKey(address: string): string {
  const text = address.trim().replace(/^\[(.*)\]$/, '$1');
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text).toString();
  if (!ipaddr.IPv6.isValid(text)) return text.toLowerCase();
  const ip = ipaddr.IPv6.parse(text);
  if (ip.isIPv4MappedAddress()) return ip.toIPv4Address().toString();
  return `${ip.parts
    .slice(0, 4)
    .map((g) => g.toString(16).padStart(4, '0'))
    .join(':')}::/64`;
}

/**
 * The client a request comes from, for rate limits and per-client quotas.
 *
 * On Cloudflare every request carries CF-Connecting-IP, set by the edge (a client cannot forge it), so that is
 * used whenever present. A request without it, or with a loopback one, did not come through Cloudflare's edge: local
 * development and tests (Miniflare, which `npm start` runs, sets CF-Connecting-IP to the loopback address the
 * request came from, so every local client would share one budget). There the first X-Forwarded-For address (what
 * a local proxy or tunnel sends), else X-Real-IP, tells clients apart; these headers are client-controlled, which is
 * acceptable only because they are never consulted in production, where CF-Connecting-IP is the client's real,
 * public address and always wins. With none of them, all requests share the key 'local' (one developer's machine).
 */
export function clientKey(req: Request): string {
  const cf = req.headers.get('CF-Connecting-IP')?.trim();
  if (cf && !isLoopback(cf)) return addressKey(cf);
  const forwarded = req.headers.get('X-Forwarded-For')?.split(',')[0]?.trim();
  if (forwarded) return addressKey(forwarded);
  const real = req.headers.get('X-Real-IP')?.trim();
  if (real) return addressKey(real);
  return 'local';
}

/** 127.0.0.0/8 or ::1 (any spelling): an address only a local server puts in CF-Connecting-IP. */
function isLoopback(address: string): boolean {
  return ipaddr.isValid(address) && ipaddr.process(address).range() === 'loopback';
}

/**
 * Whether this request may go ahead. Reads are never limited (nor counted); every write (POST, PUT, PATCH, DELETE,
 * …) draws on one budget per client (`write`), shared by the API and the pages' form posts, so neither switching
 * methods nor a no-JS add to cart goes around the limit.
 */
export async function checkWriteBudget(limiter: Limiter, req: Request): Promise<LimitResult> {
  if (!isWriteMethod(req.method)) return { ok: true, retryAfterSeconds: 0 };
  return limiter.limit('write', clientKey(req));
}

/** Payment providers' webhooks: signed, sent in bursts from a few addresses, and never to be refused for volume. */
const WEBHOOKS = '/api/webhooks/';

/** The API's limiter: a 429 problem with Retry-After. Webhooks are exempt (their signature is checked instead). */
export const rateLimit = createMiddleware<{ Bindings: Env }>(async (c, next) => {
  if (c.req.path.startsWith(WEBHOOKS)) return next();
  const { ok, retryAfterSeconds } = await checkWriteBudget(createLimiter(c.env), c.req.raw);
  if (!ok) {
    throw new ProblemError('RATE_LIMITED', 'Too many requests from this client; try again in a minute.', {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
  await next();
});
