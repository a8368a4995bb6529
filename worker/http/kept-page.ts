/**
 * A page or catalog read as the edge cache keeps it in isolate memory, and how a kept copy is served. A page's CSP
 * nonce must be fresh on every response, so an HTML body is kept already cut at each `nonce="…"` attribute: serving
 * it joins the pieces around the new nonce (a few memory copies), with no decoding, scanning or re-encoding of the
 * page on a hit.
 */
import { newId } from '@domain/core/ids';
import { PUBLIC_PAGE_CACHE_CONTROL } from './edge-cache-policy';

/** Response header for tests and the bench: HIT, STALE (served while a fresh copy renders), MISS. */
export const EDGE_CACHE_STATUS_HEADER = 'X-Cache';
/** When the kept copy was rendered (epoch ms), to tell fresh from stale. Only on stored copies. */
export const STORED_AT_HEADER = 'X-Edgeshop-Stored-At';
/** The Cache-Control the response went out with (the stored copy's own says how long the Cache API keeps it). */
export const SERVED_CACHE_CONTROL_HEADER = 'X-Edgeshop-Cache-Control';

/** A kept response: its headers as stored, and its body in pieces that the nonce goes between. */
export interface KeptPage {
  status: number;
  headers: [string, string][];
  /** When it was rendered (epoch ms). */
  storedAt: number;
  /** The body; for an HTML page with a nonce, the text between its `nonce="…"` attributes, encoded. */
  pieces: Uint8Array[];
}

const NONCE_SOURCE = /'nonce-([^']*)'/;
const encoder = new TextEncoder();

/** The nonce the kept copy was rendered with, from its CSP header. */
function nonceOf(headers: Headers): string | undefined {
  const csp = headers.get('Content-Security-Policy');
  return csp ? NONCE_SOURCE.exec(csp)?.[1] : undefined;
}

/** Cuts a stored response into a KeptPage (reads its body once). */
export async function keptFrom(res: Response): Promise<KeptPage> {
  const nonce = nonceOf(res.headers);
  const html = /^text\/html\b/i.test(res.headers.get('Content-Type') ?? '');
  const pieces =
    nonce && html
      ? (await res.text()).split(`nonce="${nonce}"`).map((piece) => encoder.encode(piece))
      : [new Uint8Array(await res.arrayBuffer())];
  return {
    status: res.status,
    headers: [...res.headers],
    storedAt: Number(res.headers.get(STORED_AT_HEADER) ?? 0),
    pieces,
  };
}

/** Same shape as hono/secure-headers' nonces: 16 random bytes in base64. */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The pieces joined with `joint` between each two, in one buffer. */
function joined(pieces: readonly Uint8Array[], joint: Uint8Array): Uint8Array<ArrayBuffer> {
  const size = pieces.reduce((n, p) => n + p.byteLength, 0) + joint.byteLength * (pieces.length - 1);
  const out = new Uint8Array(size);
  let at = 0;
  pieces.forEach((piece, i) => {
    if (i > 0) {
      out.set(joint, at);
      at += joint.byteLength;
    }
    out.set(piece, at);
    at += piece.byteLength;
  });
  return out;
}

/** Whether If-None-Match names the kept copy's ETag (weak comparison, as hono/etag makes it). */
function stillFresh(ifNoneMatch: string | undefined, etag: string | null): boolean {
  if (!ifNoneMatch || !etag) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/**
 * A kept copy made ready to serve: a fresh nonce in the CSP header and on every element that carried the old one
 * (Qwik's scripts and modulepreload links, the session island), and a fresh request id. A conditional request for
 * the same ETag (the catalog API's) gets a 304.
 */
export function serveKept(kept: KeptPage, status: 'HIT' | 'STALE', ifNoneMatch?: string): Response {
  const headers = new Headers(kept.headers);
  const old = nonceOf(headers);
  headers.delete(STORED_AT_HEADER);
  headers.set('Cache-Control', headers.get(SERVED_CACHE_CONTROL_HEADER) ?? PUBLIC_PAGE_CACHE_CONTROL);
  headers.delete(SERVED_CACHE_CONTROL_HEADER);
  headers.set('X-Request-Id', newId('request'));
  headers.set(EDGE_CACHE_STATUS_HEADER, status);
  if (stillFresh(ifNoneMatch, headers.get('ETag'))) {
    for (const h of ['Content-Type', 'Content-Length']) headers.delete(h);
    return new Response(null, { status: 304, headers });
  }
  if (!old) return new Response(joined(kept.pieces, new Uint8Array()), { status: kept.status, headers });
  const nonce = newNonce();
  const csp = headers.get('Content-Security-Policy') ?? '';
  headers.set('Content-Security-Policy', csp.replaceAll(`'nonce-${old}'`, `'nonce-${nonce}'`));
  headers.delete('Content-Length');
  return new Response(joined(kept.pieces, encoder.encode(`nonce="${nonce}"`)), {
    status: kept.status,
    headers,
  });
}
