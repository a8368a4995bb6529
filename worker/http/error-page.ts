/** The shop's own error page for requests Qwik City cannot or should not render: self-contained, no scripts. */

import { escapeHtml } from '@worker/http/html';
import { shopSettings } from '@worker/services/shop/settings';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './app-env';

const STYLE = `body{margin:0;min-height:100vh;display:grid;place-items:center;padding:1.5rem;font:16px/1.5 system-ui,sans-serif;color:#1c2430;background:#f7f8fa}
main{max-width:28rem;text-align:center;background:#fff;border-radius:1rem;padding:2rem 1.5rem;box-shadow:0 8px 24px rgb(31 58 95/.08)}
h1{font-size:1.5rem;margin:0 0 .5rem;color:#1f3a5f}p{margin:0 0 1.25rem;color:#5b6573}
a{display:inline-block;padding:.7rem 1.4rem;border-radius:.5rem;background:#1f3a5f;color:#fff;font-weight:600;text-decoration:none}
a:focus-visible{outline:3px solid #f2b134;outline-offset:2px}`;

/** Answers with a small HTML page in the shop's colours: status, title, one sentence and a way home. Never cached. */
export function renderErrorPage(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): Response {
  const shop = escapeHtml(shopSettings(c.env).name);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)} · ${shop}</title><style>${STYLE}</style></head>
<body><main><p>Error ${status}</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p>
<a href="/">Go to the home page</a></main></body></html>`;
  return c.html(html, status, { 'Cache-Control': 'no-store', ...headers });
}
