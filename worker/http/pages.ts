/** The page catch-all: hands requests to Qwik City, but never lets its raw error text reach a shopper. */

import { MAX_MEDIA_BYTES } from '@domain/content/media';
import type { Env } from '@worker/env';
import { isJsonRequest } from '@worker/middleware/json-body';
import { checkWriteBudget } from '@worker/middleware/rate-limit';
import { createLimiter } from '@worker/services/limits';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './app-env';
import { CSP_NONCE_HEADER } from './csp-nonce';
import { renderErrorPage } from './error-page';

/** Renders every non-API page (the Qwik City handler in production, absent in API-only tests). */
export type PageHandler = (request: Request, env: Env, ctx: ExecutionContext) => Promise<Response>;

// The cloudflare-pages adapter answers an exception it did not plan for (e.g. a URIError from route matching) with
// `500 text/plain` holding String(error), marked by this header.
const ADAPTER_ERROR_HEADER = 'X-Error';

/** Pages are read, and forms (Qwik actions) post; any other method is a 405. */
export const PAGE_METHODS = ['GET', 'HEAD', 'POST'];

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

async function parsesAsJson(request: Request): Promise<boolean> {
  try {
    JSON.parse(await request.clone().text());
    return true;
  } catch {
    return false;
  }
}

/** 405 page for a method pages do not answer (PUT, DELETE, OPTIONS, …), with Allow. */
export const pageMethodNotAllowed = (c: Context<AppEnv>) =>
  renderErrorPage(c, 405, 'Not allowed', `Pages answer ${PAGE_METHODS.join(', ')}.`, {
    Allow: PAGE_METHODS.join(', '),
  });

const pageLimit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: (c) =>
      renderErrorPage(c, 413, 'That form was too large', 'Please go back and try again with less text.'),
  });
const formLimit = pageLimit(MAX_PAGE_BODY_BYTES);
/**
 * Pages whose form uploads a file, each with the multipart envelope: the CSV import takes 20 MB (MAX_IMPORT_BYTES), the
 * media library an image (MAX_MEDIA_BYTES).
 */
const UPLOAD_PAGES: Record<string, MiddlewareHandler> = {
  '/admin/products/import': pageLimit(20 * 1024 * 1024 + 64 * 1024),
  '/admin/content/media': pageLimit(MAX_MEDIA_BYTES + 64 * 1024),
};

/** Caps page request bodies (form posts, Qwik action calls) with a 413 page; upload pages have their own cap. */
export const limitPageBody: MiddlewareHandler = (c, next) => {
  const path = new URL(c.req.url).pathname.replace(/\/(q-data\.json)?$/, '');
  return (UPLOAD_PAGES[path] ?? formLimit)(c, next);
};

/**
 * Hono handler for every page: 400 for an undecodable path or an unparseable JSON action body (Qwik City would
 * throw on both), 429 for a client over its write budget, and the shop's own logged error page in place of a
 * server error's bare page (Qwik's) or raw text (the adapter's).
 */
export function servePages(pages: PageHandler) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    if (!isDecodable(new URL(c.req.url).pathname)) {
      return renderErrorPage(
        c,
        400,
        'This address is not valid',
        'Check the link, or start from the home page.',
      );
    }
    const budget = await checkWriteBudget(createLimiter(c.env), c.req.raw);
    if (!budget.ok) {
      return renderErrorPage(
        c,
        429,
        'Too many requests',
        'Please wait a minute, then go back and try again.',
        {
          'Retry-After': String(budget.retryAfterSeconds),
        },
      );
    }
    if (c.req.method === 'POST' && isJsonRequest(c.req.raw) && !(await parsesAsJson(c.req.raw))) {
      return renderErrorPage(c, 400, 'That request could not be read', 'Please go back and try again.');
    }
    // The page's own error log (app/routes/layout.tsx) quotes the same request id as the response, and its
    // scripts carry the nonce of the response's CSP (set by securityHeaders before this handler runs).
    const requestId = c.get('requestId');
    // A page kept by the edge cache is rendered from its normalised address, so it never echoes a tracking id.
    const request = new Request(c.get('pageUrl') ?? c.req.raw.url, c.req.raw);
    request.headers.set('X-Request-Id', requestId);
    request.headers.set(CSP_NONCE_HEADER, c.get('secureHeadersNonce') ?? '');
    const response = await pages(request, c.env, c.executionCtx as ExecutionContext);
    const adapterFailed = response.headers.has(ADAPTER_ERROR_HEADER);
    const isHtml = /^text\/html\b/i.test(response.headers.get('Content-Type') ?? '');
    if (response.status < 500 || !(adapterFailed || isHtml)) return response;
    // The layout logged a loader's error with this request id; the adapter's text is the error itself.
    const error = adapterFailed ? await response.text() : `page answered ${response.status}`;
    console.error(JSON.stringify({ level: 'error', requestId, path: c.req.path, error }));
    const detail = `Please try again in a moment. If it keeps happening, quote reference ${requestId}.`;
    return renderErrorPage(
      c,
      response.status as ContentfulStatusCode,
      'Something went wrong on our side',
      detail,
    );
  };
}
