/**
 * The edge cache in front of page rendering and the public catalog API (Workers Cache API, `caches.default`). Public
 * pages and catalog reads (see edge-cache-policy.ts) are kept per normalised address, build and catalog version: an
 * admin change bumps the version (database triggers), so the next request misses and renders afresh, with no purge.
 * A hit costs a Cache API read (or a copy from isolate memory) and a text swap that gives the page a fresh CSP
 * nonce; the catalog version is memoised per isolate (services/catalog/catalog-version.ts).
 */
import { newId } from '@domain/core/ids';
import type { Env } from '@worker/env';
import { memoisedCatalogVersion } from '@worker/services/catalog/catalog-version';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { edgeCacheKey, normalisePageUrl } from './edge-cache-key';
import {
  EDGE_FRESH_SECONDS,
  EDGE_STALE_SECONDS,
  PUBLIC_PAGE_CACHE_CONTROL,
  PUBLIC_PAGE_HEADER,
} from './edge-cache-policy';

/** Response header for tests and the bench: HIT, STALE (served while a fresh copy renders), MISS. */
export const EDGE_CACHE_STATUS_HEADER = 'X-Cache';
/** When the kept copy was rendered (epoch ms), to tell fresh from stale. Only on stored copies. */
const STORED_AT_HEADER = 'X-Edgeshop-Stored-At';
/** The Cache-Control the response went out with (the stored copy's own says how long the Cache API keeps it). */
const SERVED_CACHE_CONTROL_HEADER = 'X-Edgeshop-Cache-Control';

/**
 * The hottest pages also stay in this isolate's memory (same keys, so invalidation is unchanged): a hit then costs
 * no Cache API round trip. Small, least recently used first out; `caches.default` remains the shared copy.
 */
const MEMORY_ENTRIES = 64;
const memory = new Map<string, { body: ArrayBuffer; status: number; headers: [string, string][] }>();

function remember(key: string, body: ArrayBuffer, res: Response): void {
  memory.delete(key);
  memory.set(key, { body, status: res.status, headers: [...res.headers] });
  if (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value as string);
}

async function recall(cache: Cache, key: Request): Promise<Response | undefined> {
  const entry = memory.get(key.url);
  if (entry) {
    memory.delete(key.url); // most recently used last
    memory.set(key.url, entry);
    return new Response(entry.body.slice(0), { status: entry.status, headers: entry.headers });
  }
  return cache.match(key);
}

/** Same shape as hono/secure-headers' nonces: 16 random bytes in base64. */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

const NONCE_SOURCE = /'nonce-([^']*)'/;

/** Whether If-None-Match names the kept copy's ETag (weak comparison, as hono/etag makes it). */
function stillFresh(ifNoneMatch: string | undefined, etag: string | null): boolean {
  if (!ifNoneMatch || !etag) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/**
 * A kept page made ready to serve: a fresh nonce in the CSP header and on every element that carried the old one
 * (Qwik's scripts and modulepreload links, the session island), and a fresh request id. A conditional request for
 * the same ETag (the catalog API's) gets a 304. The nonce is swapped as text: the old one is 16 random bytes that
 * appear nowhere else, and a string replace costs a fraction of what an HTMLRewriter pass over the page does.
 */
async function serveKept(kept: Response, status: 'HIT' | 'STALE', ifNoneMatch?: string): Promise<Response> {
  const headers = new Headers(kept.headers);
  headers.delete(STORED_AT_HEADER);
  headers.set('Cache-Control', kept.headers.get(SERVED_CACHE_CONTROL_HEADER) ?? PUBLIC_PAGE_CACHE_CONTROL);
  headers.delete(SERVED_CACHE_CONTROL_HEADER);
  headers.set('X-Request-Id', newId('request'));
  headers.set(EDGE_CACHE_STATUS_HEADER, status);
  if (stillFresh(ifNoneMatch, headers.get('ETag'))) {
    for (const h of ['Content-Type', 'Content-Length']) headers.delete(h);
    return new Response(null, { status: 304, headers });
  }
  const csp = headers.get('Content-Security-Policy');
  const old = csp ? NONCE_SOURCE.exec(csp)?.[1] : undefined;
  if (!csp || !old) return new Response(kept.body, { status: kept.status, headers });
  const nonce = newNonce();
  headers.set('Content-Security-Policy', csp.replaceAll(`'nonce-${old}'`, `'nonce-${nonce}'`));
  if (!/^text\/html\b/i.test(headers.get('Content-Type') ?? ''))
    return new Response(kept.body, { status: kept.status, headers });
  headers.delete('Content-Length');
  const html = (await kept.text()).replaceAll(`nonce="${old}"`, `nonce="${nonce}"`);
  return new Response(html, { status: kept.status, headers });
}

/** Whether a rendered page may be kept for everyone: a 200 the page marked public, without cookies or no-store. */
function isKeepable(res: Response): boolean {
  return (
    res.status === 200 &&
    res.headers.has(PUBLIC_PAGE_HEADER) &&
    !res.headers.has('Set-Cookie') &&
    !/\b(no-store|private=?"?set-cookie)\b/i.test(res.headers.get('Cache-Control') ?? '') &&
    !res.headers.has('Vary')
  );
}

/** The copy to keep: headers as served, minus the request id, marked with when it was rendered. */
function copyToKeep(res: Response, body: ReadableStream, now: number): Response {
  const headers = new Headers(res.headers);
  headers.delete('X-Request-Id');
  headers.delete(EDGE_CACHE_STATUS_HEADER);
  headers.set(STORED_AT_HEADER, String(now));
  headers.set(SERVED_CACHE_CONTROL_HEADER, res.headers.get('Cache-Control') ?? PUBLIC_PAGE_CACHE_CONTROL);
  // The Cache API honours this: entries outlive their freshness by the stale window, then go.
  headers.set('Cache-Control', `public, max-age=${EDGE_FRESH_SECONDS + EDGE_STALE_SECONDS}`);
  return new Response(body, { status: res.status, headers });
}

/** Options of the edge cache. */
export interface EdgeCacheOptions {
  /** Names the deployed build: a new build's pages reference new script files, so its pages are kept apart. */
  build: string;
  /** Renders a page again for a background revalidation (the app's own fetch). */
  render: (request: Request, env: Env, ctx: ExecutionContext) => Promise<Response>;
}

// Requests the edge cache itself sent to refresh a stale entry: they render and store, never read the cache.
const revalidations = new WeakSet<Request>();

/**
 * Hono middleware for every page and public catalog API GET (and HEAD): serves a kept copy (fresh, or stale while
 * refreshing it in the background) or renders, then keeps what may be kept. Every other response loses the internal
 * public-page marker.
 */
export function edgeCache(options: EdgeCacheOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // A HEAD is the GET it stands for: answered from the same entry (Hono drops the body).
    const page = c.req.method === 'GET' || c.req.method === 'HEAD' ? normalisePageUrl(c.req.url) : null;
    if (!page) {
      await next();
      if (c.res.headers.has(PUBLIC_PAGE_HEADER)) {
        const headers = new Headers(c.res.headers);
        headers.delete(PUBLIC_PAGE_HEADER);
        replaceResponse(c, new Response(c.res.body, { status: c.res.status, headers }));
      }
      return;
    }
    // Workers' default cache (the lib's CacheStorage type is the browser's, which lacks it).
    const cache = (caches as unknown as { default: Cache }).default;
    const key = edgeCacheKey(page, options.build, await memoisedCatalogVersion(c.env));
    const revalidating = revalidations.has(c.req.raw);
    if (!revalidating) {
      const kept = await recall(cache, key);
      const age = kept ? Date.now() - Number(kept.headers.get(STORED_AT_HEADER) ?? 0) : 0;
      if (kept && age > (EDGE_FRESH_SECONDS + EDGE_STALE_SECONDS) * 1000) memory.delete(key.url);
      else if (kept) {
        const ifNoneMatch = c.req.header('If-None-Match');
        if (age <= EDGE_FRESH_SECONDS * 1000) return await serveKept(kept, 'HIT', ifNoneMatch);
        const refresh = new Request(page.href, { method: 'GET' });
        revalidations.add(refresh);
        c.executionCtx.waitUntil(options.render(refresh, c.env, c.executionCtx as ExecutionContext));
        return await serveKept(kept, 'STALE', ifNoneMatch);
      }
    }
    c.set('pageUrl', page.href);
    await next();
    keepIfPublic(c, cache, key);
  };
}

/** Marks the response, and keeps a copy when the page allows it (a HEAD's answer has no body to keep). */
function keepIfPublic(c: Context<AppEnv>, cache: Cache, key: Request): void {
  const res = c.res;
  const headers = new Headers(res.headers);
  headers.delete(PUBLIC_PAGE_HEADER);
  headers.set(EDGE_CACHE_STATUS_HEADER, 'MISS');
  const keepable = isKeepable(res);
  // Pages go out revalidating on every visit; the catalog API keeps the Cache-Control its routes document.
  if (keepable && !new URL(key.url).pathname.startsWith('/api/'))
    headers.set('Cache-Control', PUBLIC_PAGE_CACHE_CONTROL);
  if (!keepable || res.body === null || c.req.method !== 'GET') {
    replaceResponse(c, new Response(res.body, { status: res.status, statusText: res.statusText, headers }));
    return;
  }
  const [served, kept] = res.body.tee();
  const copy = copyToKeep(new Response(null, { headers }), kept, Date.now());
  c.executionCtx.waitUntil(
    copy.arrayBuffer().then((body) => {
      remember(key.url, body, copy);
      return cache.put(key, new Response(body, { status: copy.status, headers: copy.headers }));
    }),
  );
  replaceResponse(c, new Response(served, { status: res.status, statusText: res.statusText, headers }));
}

/** Sets c.res outright: Hono's setter would copy the old response's headers (the marker, Cache-Control) back on. */
function replaceResponse(c: Context<AppEnv>, res: Response): void {
  c.res = undefined as unknown as Response;
  c.res = res;
}
