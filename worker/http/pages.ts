/** The page catch-all: hands requests to Qwik City, but never lets its raw error text reach a shopper. */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Env } from '../env';
import { RETRY_AFTER_SECONDS, withinRateLimit } from '../middleware/rate-limit';
import type { AppEnv } from './app-env';

/** Renders every non-API page (the Qwik City handler in production, absent in API-only tests). */
export type PageHandler = (request: Request, env: Env, ctx: ExecutionContext) => Promise<Response>;

// The cloudflare-pages adapter answers an exception it did not plan for (e.g. a URIError from route matching) with
// `500 text/plain` holding String(error), marked by this header.
const ADAPTER_ERROR_HEADER = 'X-Error';

/** Page forms post a few fields; anything bigger is not a shopper's form. */
export const MAX_PAGE_BODY_BYTES = 64 * 1024;

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const isJson = (c: Context) => /^application\/([\w.-]+\+)?json\b/i.test(c.req.header('Content-Type') ?? '');

async function parsesAsJson(request: Request): Promise<boolean> {
  try {
    JSON.parse(await request.clone().text());
    return true;
  } catch {
    return false;
  }
}

/** Caps page request bodies (form posts, Qwik action calls) with a 413 page. */
export const limitPageBody = bodyLimit({
  maxSize: MAX_PAGE_BODY_BYTES,
  onError: (c) =>
    c.html(errorPage(413, 'That form was too large', 'Please go back and try again with less text.'), 413),
});

/**
 * Hono handler for every page: 400 for an undecodable path or an unparseable JSON action body (Qwik City would
 * throw on both), 429 for a client over its write budget, and a logged generic 500 in place of the adapter's raw
 * failure text.
 */
export function servePages(pages: PageHandler) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    if (!isDecodable(new URL(c.req.url).pathname)) {
      return c.html(
        errorPage(400, 'This address is not valid', 'Check the link, or start again from the home page.'),
        400,
      );
    }
    if (!(await withinRateLimit(c.env, c.req.raw))) {
      return c.html(
        errorPage(429, 'Too many requests', 'Please wait a minute, then go back and try again.'),
        429,
        {
          'Retry-After': String(RETRY_AFTER_SECONDS),
        },
      );
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && isJson(c) && !(await parsesAsJson(c.req.raw))) {
      return c.html(errorPage(400, 'That request could not be read', 'Please go back and try again.'), 400);
    }
    const response = await pages(c.req.raw, c.env, c.executionCtx as ExecutionContext);
    if (response.status < 500 || !response.headers.has(ADAPTER_ERROR_HEADER)) return response;
    const requestId = c.get('requestId');
    console.error(
      JSON.stringify({ level: 'error', requestId, path: c.req.path, error: await response.text() }),
    );
    const detail = `Please try again in a moment. If it keeps happening, quote reference ${requestId}.`;
    return c.html(errorPage(500, 'Something went wrong on our side', detail), 500, {
      'Cache-Control': 'no-store',
    });
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A small self-contained error page in the shop's colours (no scripts, no external requests). */
function errorPage(status: number, title: string, detail: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · Northwind Supply</title>
<style>body{margin:0;min-height:100vh;display:grid;place-items:center;padding:1.5rem;font:16px/1.5 system-ui,sans-serif;color:#1c2430;background:#f7f8fa}
main{max-width:28rem;text-align:center;background:#fff;border-radius:1rem;padding:2rem 1.5rem;box-shadow:0 8px 24px rgb(31 58 95/.08)}
h1{font-size:1.5rem;margin:0 0 .5rem;color:#1f3a5f}p{margin:0 0 1.25rem;color:#5b6573}
a{display:inline-block;padding:.7rem 1.4rem;border-radius:.5rem;background:#1f3a5f;color:#fff;font-weight:600;text-decoration:none}
a:focus-visible{outline:3px solid #f2b134;outline-offset:2px}</style></head>
<body><main><p>Error ${status}</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p><a href="/">Go to the home page</a></main></body></html>`;
}
