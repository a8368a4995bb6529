/** The developer mailbox's two pages: the message list and one message. Server-rendered, no scripts. */

import type { OutboxEmail } from '@db/repositories/email-outbox';
import { escapeHtml } from '@worker/http/html';

// The CSP allows inline styles ('unsafe-inline' in style-src), so a <style> element needs no nonce; scripts are none.
const STYLE = `body{margin:0;padding:1.5rem;font:16px/1.5 system-ui,sans-serif;color:#1c2430;background:#f7f8fa}
main{max-width:60rem;margin:0 auto}h1{color:#1f3a5f;margin:0 0 .25rem}h2{color:#1f3a5f;font-size:1.1rem;margin:1.5rem 0 .5rem}
table{width:100%;border-collapse:collapse;background:#fff}caption{text-align:left;padding:.5rem 0;color:#5b6573}
th,td{text-align:left;padding:.5rem .75rem;border-bottom:1px solid #e3e6ea;vertical-align:top}th{background:#eef1f5}
a{color:#1f3a5f}a:focus-visible{outline:3px solid #f2b134;outline-offset:2px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}
pre{white-space:pre-wrap;word-break:break-word;background:#fff;padding:1rem;border:1px solid #e3e6ea;margin:0}
iframe{width:100%;height:36rem;border:1px solid #e3e6ea;background:#fff}.note{color:#5b6573}`;

const time = (ms: number) => {
  const iso = new Date(ms).toISOString();
  return `<time datetime="${iso}">${iso.slice(0, 19).replace('T', ' ')} UTC</time>`;
};

/** Escaped text with its http(s) addresses as links, so a developer can follow a verification link from here. */
const linkified = (text: string) =>
  escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Developer mailbox</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

/** The list, newest first: each row links to its message by subject. */
export function renderMailboxList(shopName: string, messages: OutboxEmail[]): string {
  const e = escapeHtml;
  const rows = messages
    .map(
      (m) => `<tr><td><a href="/dev/mailbox/${encodeURIComponent(m.id)}">${e(m.subject)}</a></td>
<td>${e(m.to)}</td><td>${e(m.kind)}</td><td>${time(m.createdAt)}</td></tr>`,
    )
    .join('\n');
  const table =
    messages.length === 0
      ? '<p>No messages yet. Emails the shop sends locally appear here.</p>'
      : `<table><caption>${messages.length} message${messages.length === 1 ? '' : 's'}, newest first</caption>
<thead><tr><th scope="col">Subject</th><th scope="col">To</th><th scope="col">Kind</th><th scope="col">Sent</th></tr></thead>
<tbody>${rows}</tbody></table>`;
  return page(
    'Messages',
    `<h1>Developer mailbox</h1>
<p class="note">Emails ${e(shopName)} stored in its local outbox instead of sending them. This page exists only on
localhost while EMAIL_TRANSPORT is <code>outbox</code>; <a href="/dev/mailbox.json">JSON</a>.</p>
${table}`,
  );
}

/**
 * One message: its headers, the text part, and the HTML part in a sandboxed iframe. `srcdoc` holds the HTML escaped
 * once, as an attribute value; the empty `sandbox` gives it a unique origin with no scripts, forms or navigation of
 * this page, so even a message carrying markup it should not have cannot reach the mailbox.
 */
export function renderMailboxMessage(message: OutboxEmail): string {
  const e = escapeHtml;
  return page(
    message.subject,
    `<p><a href="/dev/mailbox">All messages</a></p>
<h1>${e(message.subject)}</h1>
<dl><dt>To</dt><dd>${e(message.to)}</dd><dt>Kind</dt><dd>${e(message.kind)}</dd>
<dt>Sent</dt><dd>${time(message.createdAt)}</dd><dt>Id</dt><dd><code>${e(message.id)}</code></dd></dl>
<h2>Plain text</h2>
<pre>${linkified(message.textBody)}</pre>
<h2>HTML</h2>
<iframe sandbox srcdoc="${e(message.htmlBody)}" title="HTML part of ${e(message.subject)}"></iframe>`,
  );
}
