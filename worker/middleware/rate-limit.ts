/** Per-client rate limit on state-changing calls (API and page forms), through the Workers Rate Limiting binding. */

import type { Env } from '@worker/env';
import { isWriteMethod } from '@worker/http/methods';
import { ProblemError } from '@worker/http/problem';
import { createMiddleware } from 'hono/factory';

/** Seconds a refused client is told to wait (the binding's period). */
export const RETRY_AFTER_SECONDS = 60;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4(text: string): number[] | null {
  const m = IPV4.exec(text);
  if (!m) return null;
  const octets = m.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

/** The eight 16-bit groups of an IPv6 address in any spelling (`::`, leading zeros, case, embedded IPv4), or null. */
export function parseIpv6(text: string): number[] | null {
  let address = text.trim().toLowerCase();
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  address = address.replace(/%.*$/, ''); // zone id (fe80::1%eth0)
  if (!address.includes(':')) return null;
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = ipv4(piece);
        if (!v4) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-f]{1,4}$/.test(piece)) {
        out.push(Number.parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...Array<number>(missing).fill(0), ...tail];
}

/**
 * The rate-limit key of an address: an IPv4 address as is; an IPv6 address by its /64 prefix (one subscriber
 * usually holds a whole /64 and can use any address in it), normalised so every spelling of it gives one key. An
 * IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the IPv4 address. Anything unparseable is kept, trimmed.
 */
export function addressKey(address: string): string {
  const text = address.trim();
  if (ipv4(text)) return text;
  const groups = parseIpv6(text);
  if (!groups) return text.toLowerCase();
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16).padStart(4, '0'))
    .join(':')}::/64`;
}

/**
 * The client a request comes from, for rate limits and per-client quotas.
 *
 * On Cloudflare every request carries CF-Connecting-IP, set by the edge (a client cannot forge it), so that is
 * used whenever present. A request without it did not come through Cloudflare's edge: local development (wrangler
 * dev, vite dev) and tests. There the first X-Forwarded-For address (what a local proxy or tunnel sends), else
 * X-Real-IP, tells clients apart; these headers are client-controlled, which is acceptable only because they are
 * never consulted in production, where CF-Connecting-IP always wins. With none of them, all requests share the
 * key 'local' (one developer's machine).
 */
export function clientKey(req: Request): string {
  const cf = req.headers.get('CF-Connecting-IP');
  if (cf?.trim()) return addressKey(cf);
  const forwarded = req.headers.get('X-Forwarded-For')?.split(',')[0]?.trim();
  if (forwarded) return addressKey(forwarded);
  const real = req.headers.get('X-Real-IP')?.trim();
  if (real) return addressKey(real);
  return 'local';
}

/**
 * Whether this request may go ahead. Reads are never limited; every write (POST, PUT, PATCH, DELETE, …) draws on
 * one budget per client, shared by the API and the pages' form posts, so neither switching methods nor a no-JS
 * add to cart goes around the limit. Without the binding: allowed.
 */
export async function withinRateLimit(env: Env, req: Request): Promise<boolean> {
  const limiter = env.RATE_LIMITER;
  if (!limiter || !isWriteMethod(req.method)) return true;
  const { success } = await limiter.limit({ key: `write:${clientKey(req)}` });
  return success;
}

/** The API's limiter: a 429 problem with Retry-After. */
export const rateLimit = createMiddleware<{ Bindings: Env }>(async (c, next) => {
  if (!(await withinRateLimit(c.env, c.req.raw))) {
    throw new ProblemError('RATE_LIMITED', 'Too many requests from this client; try again in a minute.', {
      headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    });
  }
  await next();
});
