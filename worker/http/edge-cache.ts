/**
 * The edge cache in front of page rendering and the public catalog API (Workers Cache API, `caches.default`). Public
 * pages and catalog reads (see edge-cache-policy.ts) are kept per normalised address, build and catalog version: an
 * admin change bumps the version (database triggers), so the next request misses and renders afresh, with no purge.
 * A hit costs a Cache API read (or none, from isolate memory) and joining the kept pieces around a fresh CSP nonce
 * (kept-page.ts); the catalog version is memoised per isolate (services/catalog/catalog-version.ts).
 */
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
import {
  EDGE_CACHE_STATUS_HEADER,
  type KeptPage,
  keptFrom,
  SERVED_CACHE_CONTROL_HEADER,
  STORED_AT_HEADER,
  serveKept,
} from './kept-page';

export { EDGE_CACHE_STATUS_HEADER } from './kept-page';

/**
 * The hottest pages also stay in this isolate's memory (same keys, so invalidation is unchanged): a hit then costs
 * no Cache API round trip. Small, least recently used first out; `caches.default` remains the shared copy.
 */
const MEMORY_ENTRIES = 64;
const memory = new Map<string, KeptPage>();

function remember(key: string, kept: KeptPage): void {
  memory.delete(key);
  memory.set(key, kept);
  if (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value as string);
}

/** The kept copy from isolate memory, else from the Cache API (then remembered here too). */
async function recall(cache: Cache, key: Request): Promise<KeptPage | undefined> {
  const entry = memory.get(key.url);
  if (entry) {
    memory.delete(key.url); // most recently used last
    memory.set(key.url, entry);
    return entry;
  }
  const stored = await cache.match(key);
  if (!stored) return undefined;
  const kept = await keptFrom(stored);
  remember(key.url, kept);
  return kept;
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
      const age = kept ? Date.now() - kept.storedAt : 0;
      if (kept && age > (EDGE_FRESH_SECONDS + EDGE_STALE_SECONDS) * 1000) memory.delete(key.url);
      else if (kept) {
        const ifNoneMatch = c.req.header('If-None-Match');
        if (age <= EDGE_FRESH_SECONDS * 1000) return serveKept(kept, 'HIT', ifNoneMatch);
        const refresh = new Request(page.href, { method: 'GET' });
        revalidations.add(refresh);
        c.executionCtx.waitUntil(options.render(refresh, c.env, c.executionCtx as ExecutionContext));
        return serveKept(kept, 'STALE', ifNoneMatch);
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
    copy.arrayBuffer().then(async (body) => {
      const init = { status: copy.status, headers: copy.headers };
      remember(key.url, await keptFrom(new Response(body, init)));
      return cache.put(key, new Response(body, init));
    }),
  );
  replaceResponse(c, new Response(served, { status: res.status, statusText: res.statusText, headers }));
}

/** Sets c.res outright: Hono's setter would copy the old response's headers (the marker, Cache-Control) back on. */
function replaceResponse(c: Context<AppEnv>, res: Response): void {
  c.res = undefined as unknown as Response;
  c.res = res;
}
